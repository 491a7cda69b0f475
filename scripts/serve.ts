/**
 * `npm run serve` (the second half of `npm start`): prepare the database, print the URL and demo logins (when the demo
 * is seeded: always on the embedded PGlite, on Postgres only with SEED_DEMO=1), then serve
 * the production build on PORT (default 3000) through scripts/lib/http-server.ts. The embedded mode needs no configuration at all: an AUTH_SECRET is generated
 * once and kept in DATA_DIR. With DATABASE_URL (a real deployment) AUTH_SECRET must be set explicitly.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DEMO_ACCOUNTS } from "../db/seed/demo-accounts";
import { env, exitOnBadEnv } from "../lib/env";
import { startHttpServer } from "./lib/http-server";
import { dbOptionsFromEnv, exitOnConfigError, prepareDatabase } from "./lib/setup";
import { withoutSourceMaps } from "./lib/source-maps";

function ensureAuthSecret() {
  if (process.env.AUTH_SECRET) return;
  const { databaseUrl, dataDir } = dbOptionsFromEnv();
  if (databaseUrl) {
    console.error("Error: AUTH_SECRET is not set. Production with DATABASE_URL needs it (e.g. `openssl rand -base64 32`), identical on every instance.");
    process.exit(1);
  }
  const file = path.join(dataDir, "auth-secret");
  fs.mkdirSync(dataDir, { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  process.env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}

async function main() {
  (process.env as Record<string, string>).NODE_ENV = "production"; // what `next start` sets
  withoutSourceMaps(); // before Next loads: ~64 MB of source maps otherwise (scripts/lib/source-maps.ts)
  logMemory(env.HUIWU_MEMORY_LOG);
  ensureAuthSecret();
  exitOnBadEnv(); // every variable checked (lib/env.ts): one line per bad one, exit 1
  const { demoAccounts, demoForum } = await prepareDatabase();
  const port = (process.env.PORT ||= "3000"); // the page cache renders misses through this port
  const host = process.env.HOSTNAME || "0.0.0.0";
  const url = `http://localhost:${port}`;
  console.log("");
  console.log(`Huiwu 会务 is starting at ${url}`);
  if (process.env.HUIWU_QUIET !== "1" && demoAccounts.length) {
    console.log("Demo logins (demo data only — change or remove them before real use):");
    for (const a of DEMO_ACCOUNTS.filter((d) => demoAccounts.includes(d.email))) console.log(`  ${a.role.padEnd(9)} ${a.email.padEnd(24)} ${a.password}`);
    if (demoForum) {
      console.log(`Upcoming demo forum (registration open, invited units replying): ${url}/events/${demoForum.slug}`);
      console.log(`A liaison's reply link (回执, no account needed) for ${demoForum.unit}: ${url}${demoForum.replyPath}`);
    }
  }
  console.log("");
  await startHttpServer(Number(port), host);
  console.log(`Ready on ${url}`);
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => process.exit(0));
}

/**
 * HUIWU_MEMORY_LOG=<file> (the benchmark sets it): append process.memoryUsage() as a JSON line every 250 ms, so a
 * run can say per phase whether memory is V8 heap, native (external) or ArrayBuffers (PGlite's WASM heap is one).
 */
function logMemory(file: string | undefined) {
  if (!file) return;
  setInterval(() => fs.appendFile(file, JSON.stringify({ t: Date.now(), ...process.memoryUsage() }) + "\n", () => {}), 250).unref();
}

main().catch(exitOnConfigError);
