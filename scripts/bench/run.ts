/**
 * `npm run bench`: builds once, then for each engine (Postgres when DATABASE_URL is set, and PGlite) starts the
 * production server on a fresh database and measures the performance targets, printing a table and writing
 * bench/results.json. Rerun it anywhere: numbers are only comparable within one run on one machine, hence ratios.
 *
 *   npm run bench                      # both engines when DATABASE_URL is set, else PGlite only
 *   npm run bench -- --engine postgres --duration 5 --skip-build
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { freshTarget, load, rssSampler, serverEnv, startServer, type Engine } from "./lib";
import { measures, type Row } from "./measures";
import { seedBenchData } from "./seed-large";

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const duration = Number(arg("duration", "10"));
const connections = Number(arg("connections", "50"));
/** `--only <text>[,<text>]`: run just the measures whose name contains one of the texts (e.g. --only "public pages"). */
const only = arg("only", "");
const engines: Engine[] = (arg("engine", process.env.DATABASE_URL ? "postgres,pglite" : "pglite").split(",") as Engine[]);

async function main() {
  process.env.NEXT_DIST_DIR ||= ".next-bench";
  if (!args.includes("--skip-build")) {
    console.log(`Building (${process.env.NEXT_DIST_DIR}) …`);
    execFileSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { stdio: "ignore", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  }
  const results: Record<string, Row[]> = {};
  for (const engine of engines) {
    const target = await freshTarget(engine);
    console.log(`[${engine}] seeding benchmark data …`);
    const ticketCodes = await seedBenchData(target);
    const server = await startServer(serverEnv(target, 3950));
    const rss = rssSampler(server.proc.pid!);
    const rows: Row[] = [];
    try {
      for (const m of measures.filter((x) => only.split(",").some((o) => x.name.includes(o)))) {
        process.stdout.write(`[${engine}] ${m.name} … `);
        try {
          const out = await m.run({ url: server.url, target, duration, connections, load, ticketCodes });
          rows.push(...out);
          console.log("done");
        } catch (e) {
          rows.push({ metric: m.name, value: "failed", note: e instanceof Error ? e.message.slice(0, 200) : String(e) });
          console.log("failed");
        }
      }
    } finally {
      const peak = rss.stop();
      rows.push({ metric: "server peak RSS", value: `${Math.round(peak / 1024 / 1024)} MB`, target: "< 500 MB", pass: peak < 500 * 1024 * 1024 });
      await server.stop();
      await target.cleanup();
    }
    results[engine] = rows;
  }
  const machine = { cpus: (await import("node:os")).cpus().length, node: process.version, at: new Date().toISOString(), duration, connections };
  fs.mkdirSync("bench", { recursive: true });
  fs.writeFileSync("bench/results.json", JSON.stringify({ machine, results }, null, 2));
  for (const [engine, rows] of Object.entries(results)) {
    console.log(`\n## ${engine}\n`);
    console.log("| metric | value | target | ok |\n| --- | --- | --- | --- |");
    for (const r of rows) console.log(`| ${r.metric} | ${r.value} | ${r.target ?? ""} | ${r.pass === undefined ? "" : r.pass ? "yes" : "NO"} |${r.note ? ` ${r.note}` : ""}`);
  }
  console.log("\nWritten to bench/results.json");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
