/**
 * The bench's database measures (registration rush, check-in desks) on a port of one's choice, so a helper can run
 * them beside other servers: the same seed and the same measures as `npm run bench` (scripts/bench/run.ts), on an
 * existing build.
 *
 *   NEXT_DIST_DIR=.next-x node --import tsx scripts/bench/profile-db.ts --engine pglite --port 4200 --only "registration,check-in"
 *   (postgres: PROFILE_DATABASE_URL=postgres://…/postgres, or DATABASE_URL; a throwaway database is created there and dropped)
 */
import os from "node:os";
import { freshTarget, load, serverEnv, startServer, type Engine } from "./lib";
import { measures, type Row } from "./measures";
import { seedBenchData } from "./seed-large";

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : dflt;
};
const engine = arg("engine", "pglite") as Engine;
const port = Number(arg("port", "4200"));
/** Substrings of measure names: "registration" → the rush, "check-in" → the 10,000-registration forum's desks. */
const only = arg("only", "registration,check-in").split(",");
const NAMES: Record<string, string> = { registration: "registration throughput", "check-in": "10,000-registration forum" };

async function main() {
  const t = await freshTarget(engine, process.env.PROFILE_DATABASE_URL);
  const rows: Row[] = [];
  try {
    const ticketCodes = await seedBenchData(t);
    const server = await startServer(serverEnv(t, port));
    try {
      for (const m of measures.filter((x) => only.some((o) => x.name === (NAMES[o] ?? o)))) {
        rows.push(...(await m.run({ url: server.url, target: t, duration: 5, connections: 50, load, ticketCodes })));
      }
    } finally {
      await server.stop();
    }
  } finally {
    await t.cleanup();
  }
  console.log(`\n## ${engine} (load average ${os.loadavg().map((x) => x.toFixed(2)).join(" ")})\n`);
  for (const r of rows) console.log(`| ${r.metric} | ${r.value} | ${r.target ?? ""} | ${r.pass === undefined ? "" : r.pass ? "yes" : "NO"} |`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
