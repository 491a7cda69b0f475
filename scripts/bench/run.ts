/**
 * `npm run bench`: builds once, then for each engine (Postgres when DATABASE_URL is set, and PGlite) starts the
 * production server on a fresh database and measures the performance targets, printing a table and writing
 * bench/results.json. Rerun it anywhere: numbers are only comparable within one run on one machine, hence ratios.
 *
 *   npm run bench                      # both engines when DATABASE_URL is set, else PGlite only
 *   npm run bench -- --engine postgres --duration 5 --skip-build --port 3950
 *   DATABASE_URL=postgres://… npm run bench -- --growth   # and the growth curve to 1,000,000 registrations
 *
 * Memory: the server's RSS (its whole process tree) is sampled all along, with the peak of each measure (phase) and
 * the server's own process.memoryUsage() per phase (HUIWU_MEMORY_LOG, scripts/serve.ts), into the table and the JSON.
 * `--node-flags "--max-semi-space-size=…"` passes V8 flags to the server, to compare settings within one run.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freshTarget, load, rssSampler, serverEnv, startServer, type Engine, type PhaseMemory } from "./lib";
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
/** The server's port; the bare node:http server of the page measure takes the next one. */
const port = Number(arg("port", "3950"));
const nodeFlags = arg("node-flags", "").split(" ").filter(Boolean);
/** Issue 15: peak server RSS over the whole bench. */
const RSS_TARGET_MB: Record<Engine, number> = { postgres: 350, pglite: 450 };
const MB = (n: number | undefined) => (n === undefined ? "?" : `${Math.round(n / 1024 / 1024)} MB`);

async function main() {
  process.env.NEXT_DIST_DIR ||= ".next-bench";
  if (!args.includes("--skip-build")) {
    console.log(`Building (${process.env.NEXT_DIST_DIR}) …`);
    execFileSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { stdio: "ignore", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  }
  const results: Record<string, Row[]> = {};
  const memory: Record<string, PhaseMemory[]> = {};
  for (const engine of engines) {
    const target = await freshTarget(engine);
    console.log(`[${engine}] seeding benchmark data …`);
    const ticketCodes = await seedBenchData(target);
    const memoryLog = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "huiwu-bench-mem-")), "memory.jsonl");
    const serverLog = path.join("bench", "tmp", `server-${engine}.log`);
    fs.rmSync(serverLog, { force: true });
    const server = await startServer(serverEnv(target, port, { HUIWU_MEMORY_LOG: memoryLog }), nodeFlags, serverLog);
    const rss = rssSampler(server.proc.pid!, memoryLog);
    rss.phase("start-up");
    const rows: Row[] = [];
    try {
      for (const m of measures.filter((x) => only.split(",").some((o) => x.name.includes(o)))) {
        process.stdout.write(`[${engine}] ${m.name} … `);
        rss.phase(m.name);
        try {
          const out = await m.run({ url: server.url, target, duration, connections, load, ticketCodes, barePort: port + 1, serverPid: server.proc.pid });
          rows.push(...out);
          console.log("done");
        } catch (e) {
          // a lost server says why (its exit and last output, also in bench/tmp/server-<engine>.log)
          const status = server.status();
          rows.push({ metric: m.name, value: "failed", note: `${e instanceof Error ? e.message.slice(0, 200) : String(e)}${status === "running" ? "" : `; ${status}`}` });
          console.log(`failed${status === "running" ? "" : ` — ${status}`}`);
        }
      }
    } finally {
      const { peak, phases } = rss.stop();
      memory[engine] = phases;
      for (const p of phases)
        rows.push({ metric: `server peak RSS during: ${p.phase}`, value: MB(p.peakRss), note: `back-end thread (Next) peaks: heapUsed ${MB(p.heapUsed)}, heapTotal ${MB(p.heapTotal)}, external ${MB(p.external)}, arrayBuffers ${MB(p.arrayBuffers)}${p.pgliteWasm !== undefined ? `; PGlite thread: heapTotal ${MB(p.pgliteHeapTotal)}, WASM memory ${MB(p.pgliteWasm)}` : ""}${p.frontHeapTotal !== undefined ? `; front thread: heapTotal ${MB(p.frontHeapTotal)}` : ""}` });
      const max = RSS_TARGET_MB[engine];
      rows.push({ metric: "peak server RSS during the whole bench", value: MB(peak), target: `< ${max} MB`, pass: peak < max * 1024 * 1024, note: nodeFlags.length ? `node flags: ${nodeFlags.join(" ")}` : undefined });
      await server.stop();
      await target.cleanup();
      fs.rmSync(path.dirname(memoryLog), { recursive: true, force: true });
    }
    results[engine] = rows;
  }
  const machine = { cpus: os.cpus().length, loadavg: os.loadavg(), node: process.version, at: new Date().toISOString(), duration, connections, nodeFlags };
  fs.mkdirSync("bench", { recursive: true });
  fs.writeFileSync("bench/results.json", JSON.stringify({ machine, results, memory }, null, 2));
  for (const [engine, rows] of Object.entries(results)) {
    console.log(`\n## ${engine}\n`);
    console.log("| metric | value | target | ok |\n| --- | --- | --- | --- |");
    for (const r of rows) console.log(`| ${r.metric} | ${r.value} | ${r.target ?? ""} | ${r.pass === undefined ? "" : r.pass ? "yes" : "NO"} |${r.note ? ` ${r.note}` : ""}`);
  }
  console.log("\nWritten to bench/results.json");
  // `--growth`: then the growth curve (Postgres only: 100 forums × 10,000 registrations, scripts/bench/growth.ts) on
  // the build just made — about ten minutes on 2 cores, so it is asked for, not run by default.
  if (args.includes("--growth")) {
    if (!process.env.DATABASE_URL) console.log("\n--growth needs Postgres (DATABASE_URL): skipped");
    else execFileSync(process.execPath, ["--import", "tsx", "scripts/bench/growth.ts", "--skip-build"], { stdio: "inherit" });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
