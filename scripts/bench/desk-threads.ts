/**
 * Where ten check-in desks' time goes, per thread (issue 15): seeds the bench data on a fresh database, starts the
 * production server (the build in NEXT_DIST_DIR, default .next-bench: run `npm run bench` once first), and runs the
 * ten-desk wrk load twice over the 1,500 bench tickets (two segments, every scan a first check-in), printing each
 * server thread's CPU per scan (from /proc/<pid>/task) and, on Postgres, all Postgres processes' CPU per scan.
 *
 *   DATABASE_URL=postgres://… node --import tsx scripts/bench/desk-threads.ts postgres
 *   node --import tsx scripts/bench/desk-threads.ts pglite
 */
import fs from "node:fs";
import { token } from "./http";
import { freshTarget, serverEnv, startServer, WRK, wrkPosts, type Engine } from "./lib";
import { seedBenchData } from "./seed-large";

const TICK_MS = 10; // /proc times are in clock ticks of 1/100 s (USER_HZ) on Linux

function threadCpu(pid: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      const s = fs.readFileSync(`/proc/${pid}/task/${t}/stat`, "utf8");
      const f = s.slice(s.lastIndexOf(")") + 2).split(" ");
      out[t] = (Number(f[11]) + Number(f[12])) * TICK_MS;
    } catch {
      /* the thread ended */
    }
  }
  return out;
}

function postgresCpu(): number {
  let sum = 0;
  for (const p of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const s = fs.readFileSync(`/proc/${p}/stat`, "utf8");
      if (!s.slice(s.indexOf("(") + 1, s.lastIndexOf(")")).startsWith("postgres")) continue;
      const f = s.slice(s.lastIndexOf(")") + 2).split(" ");
      sum += (Number(f[11]) + Number(f[12])) * TICK_MS;
    } catch {
      /* gone */
    }
  }
  return sum;
}

async function main() {
  const engine = (process.argv[2] ?? "pglite") as Engine;
  if (!WRK) throw new Error("wrk is not installed (apt install wrk)");
  const target = await freshTarget(engine);
  const codes = await seedBenchData(target);
  const server = await startServer(serverEnv(target, 3970), [], "bench/tmp/desk-threads-server.log");
  try {
    const staff = await token(server.url, "organizer@huiwu.demo", "huiwu-organizer-2025");
    const desks = (segment: string, list: string[]) =>
      wrkPosts(`${server.url}/api/v1/checkins`, list.map((c) => JSON.stringify({ ticketCode: c, segment })), { connections: 10, headers: { authorization: `Bearer ${staff}` } });
    await desks("event", codes.slice(1000)); // warm up (another segment)
    for (const segment of ["symposium", "site_visit"]) {
      const t0 = threadCpu(server.proc.pid!);
      const p0 = postgresCpu();
      const r = await desks(segment, codes);
      const t1 = threadCpu(server.proc.pid!);
      const n = codes.length;
      console.log(`${engine}, ${segment}: ${r!.count} scans, p50 ${r!.p50.toFixed(1)} ms, p95 ${r!.p95.toFixed(1)} ms, p99 ${r!.p99.toFixed(1)} ms`);
      const rows = Object.entries(t1).map(([k, v]) => [k, v - (t0[k] ?? 0)] as const).filter(([, d]) => d >= 50).sort((a, b) => b[1] - a[1]);
      // the main thread (tid = pid) is the front; of the others, the back end (Next) and PGlite's thread are the two
      // busiest, PGlite's started last (highest tid); the four alike are V8's helper threads (GC)
      for (const [tid, d] of rows) console.log(`  thread ${tid.padEnd(8)} ${((d / n) * 1000).toFixed(0)} µs/scan${Number(tid) === server.proc.pid ? " (front, main thread)" : ""}`);
      if (engine === "postgres") console.log(`  postgres (all)  ${(((postgresCpu() - p0) / n) * 1000).toFixed(0)} µs/scan`);
    }
  } finally {
    await server.stop();
    await target.cleanup();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
