/**
 * The growth stage of the benchmark (issue 15, part 5), Postgres only: 100 forums of 10,000 registrations each are
 * filled in three steps, and at 10k, 100k and 1M registrations in the database the same forum is measured through the
 * production server — its registration list (first page, filtered + searched, page 100 by name), CSV and XLSX export,
 * the organizer dashboard and the forum's console overview, a check-in by ticket code, and its agenda page cached and
 * rendered per request. Target: every figure at 1M within 1.5× its value at 10k. Writes bench/growth.json and the
 * chart docs/img/growth-curve.png (scripts/bench/growth-chart.ts).
 *
 *   DATABASE_URL=postgres://… npm run bench:growth [-- --skip-build --port 3951]
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { CHART_PNG, GROWTH_LIMIT, growthChartSvg, renderPng } from "./growth-chart";
import { MEASURES, measureAll, signIn, warmUp, type Figures } from "./growth-measure";
import { GROWTH, fillForums, growthTarget, measuredTicketCodes, seedGrowthForums } from "./growth-seed";
import { serverEnv, startServer } from "./lib";

export type GrowthStage = { rows: number; seedMs: number; loadavg: number[]; figures: Figures };
export type GrowthResult = {
  machine: { cpus: number; node: string; at: string };
  measures: readonly { key: keyof Figures; label: string }[];
  stages: GrowthStage[];
};

/** Forums filled before each measurement: 1 (10k rows), 2–10 (100k), 11–100 (1M). */
const STEPS: [number, number][] = [
  [1, 1],
  [2, 10],
  [11, GROWTH.forums],
];
/** Check-in scans per size (each size scans tickets not scanned before). */
const SCANS = 105;
const WARM_SCANS = 30;

export async function runGrowth(opts: { port: number; databaseUrl: string; png?: string }): Promise<GrowthResult> {
  const target = await growthTarget(opts.databaseUrl);
  const stages: GrowthStage[] = [];
  try {
    console.log("[growth] forums and agenda …");
    await seedGrowthForums(target);
    let server: Awaited<ReturnType<typeof startServer>> | null = null;
    try {
      for (const [i, [from, to]] of STEPS.entries()) {
        const seedMs = await fillForums(target, from, to);
        const rows = to * GROWTH.perForum;
        console.log(`[growth] ${rows.toLocaleString("en")} registrations (forums ${from}–${to} filled in ${(seedMs / 1000).toFixed(1)} s); measuring …`);
        const codes = await measuredTicketCodes(target, SCANS * STEPS.length + WARM_SCANS);
        if (!server) {
          server = await startServer(serverEnv(target, opts.port));
          await warmUp(server.url, await signIn(server.url), codes.slice(-WARM_SCANS));
        }
        const session = await signIn(server.url);
        const loadavg = os.loadavg();
        const figures = await measureAll(server.url, session, codes.slice(i * SCANS, (i + 1) * SCANS));
        stages.push({ rows, seedMs: Math.round(seedMs), loadavg, figures });
      }
    } finally {
      await server?.stop();
    }
  } finally {
    await target.cleanup();
  }
  const result: GrowthResult = { machine: { cpus: os.cpus().length, node: process.version, at: new Date().toISOString() }, measures: MEASURES, stages };
  fs.mkdirSync("bench", { recursive: true });
  fs.writeFileSync("bench/growth.json", JSON.stringify(result, null, 2));
  printTable(result);
  const png = opts.png ?? CHART_PNG;
  await renderPng(growthChartSvg(result), png);
  console.log(`\nWritten bench/growth.json and ${png}`);
  return result;
}

function printTable(r: GrowthResult) {
  const sizes = r.stages.map((s) => s.rows.toLocaleString("en"));
  console.log(`\n## Growth curve (Postgres; median ms; load average ${r.stages.map((s) => s.loadavg[0].toFixed(2)).join(" / ")})\n`);
  console.log(`| measure | ${sizes.join(" | ")} | 1M ÷ 10k | ≤ ${GROWTH_LIMIT}× |`);
  console.log(`| --- |${" ---: |".repeat(sizes.length)} ---: | --- |`);
  for (const m of r.measures) {
    const v = r.stages.map((s) => s.figures[m.key]);
    const ratio = v.at(-1)! / v[0];
    console.log(`| ${m.label} | ${v.map((x) => x.toFixed(1)).join(" | ")} | ${ratio.toFixed(2)}× | ${ratio <= GROWTH_LIMIT ? "yes" : "NO"} |`);
  }
  console.log(`\nseeding: ${r.stages.map((s) => `${(s.seedMs / 1000).toFixed(1)} s`).join(" / ")}`);
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const arg = (name: string, dflt: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : dflt);
  const databaseUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error("The growth stage runs on Postgres: set DATABASE_URL (or BENCH_DATABASE_URL) to a server where it may create databases.");
    process.exit(1);
  }
  process.env.NEXT_DIST_DIR ||= ".next-bench";
  if (!args.includes("--skip-build")) {
    console.log(`Building (${process.env.NEXT_DIST_DIR}) …`);
    execFileSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { stdio: "ignore", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  }
  const t0 = Date.now();
  runGrowth({ port: Number(arg("port", "3951")), databaseUrl }).then(
    () => console.log(`growth stage: ${((Date.now() - t0) / 1000).toFixed(0)} s`),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
