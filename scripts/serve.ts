/**
 * `npm run serve` (the second half of `npm start`): prepare the database, print the URL and demo logins (when the demo
 * is seeded: always on the embedded PGlite, on Postgres only with SEED_DEMO=1), then serve the production build on
 * PORT (default 3000). The embedded mode needs no configuration at all: an AUTH_SECRET is generated once and kept in
 * DATA_DIR. With DATABASE_URL (a real deployment) AUTH_SECRET must be set explicitly.
 *
 * Two threads (scripts/lib/http-server.ts says why): this file is the main thread, the front — the public port and
 * the page cache; it starts scripts/lib/backend-thread.ts as a worker thread that prepares the database and runs Next
 * (the back end). They talk over the worker's message port (scripts/lib/thread-calls.ts) — the direct routes' requests
 * (a check-in scan) among what they say — and over loopback HTTP for everything else. The back end's end is the
 * process's end: it exits with its code.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { pageCacheEnabled, pageCacheStats, registerInertClientModules, registerPublicVersionSource } from "../lib/cache/page-cache";
import { inertClientModules } from "../lib/cache/static-page";
import { env, exitOnBadEnv } from "../lib/env";
import { newSecrets, startFront } from "./lib/http-server";
import { logMemory } from "./lib/memory-log";
import { withoutSourceMaps } from "./lib/source-maps";
import { answerCalls, caller, directCaller, type Ready } from "./lib/thread-calls";

function ensureAuthSecret() {
  if (process.env.AUTH_SECRET) return;
  const databaseUrl = env.DATABASE_URL;
  const dataDir = env.DATA_DIR;
  if (databaseUrl) {
    console.error("Error: AUTH_SECRET is not set. Production with DATABASE_URL needs it (e.g. `openssl rand -base64 32`), identical on every instance.");
    process.exit(1);
  }
  const file = path.join(dataDir, "auth-secret");
  fs.mkdirSync(dataDir, { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  process.env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}

/** The main thread: the front. */
async function main() {
  withoutSourceMaps(); // this thread's own (tsx turns them on in every thread)
  (process.env as Record<string, string>).NODE_ENV = "production"; // what `next start` sets
  ensureAuthSecret();
  exitOnBadEnv(); // every variable checked (lib/env.ts): one line per bad one, exit 1
  logMemory(env.HUIWU_MEMORY_LOG, "front");
  const port = (process.env.PORT ||= "3000");
  const host = process.env.HOSTNAME || "0.0.0.0";
  const url = `http://localhost:${port}`;
  const secrets = newSecrets();
  // The environment as set above, the tsx hooks and the heap caps (NODE_OPTIONS) carry over to the thread.
  const backend = new Worker(path.join(__dirname, "lib", "backend-thread.ts"), { workerData: { secrets } });
  backend.on("error", (e) => {
    console.error(e);
    process.exit(1);
  });
  backend.on("exit", (code) => process.exit(code || 1));
  const ready = await new Promise<Ready>((resolve) => backend.on("message", (m: Ready) => m.op === "ready" && resolve(m)));
  const ask = caller(backend);
  if (ready.versioned) registerPublicVersionSource(() => ask<number>("version"));
  // anonymous public pages stored without React's runtime when they need none (lib/cache/static-page.ts)
  registerInertClientModules(inertClientModules(env.NEXT_DIST_DIR));
  answerCalls(backend, async () => ({ enabled: pageCacheEnabled(), ...pageCacheStats() }));

  const { accounts, forum: demoForum } = ready.demo;
  console.log("");
  console.log(`Huiwu 会务 is starting at ${url}`);
  if (process.env.HUIWU_QUIET !== "1" && accounts.length) {
    console.log("Demo logins (demo data only — change or remove them before real use):");
    for (const a of accounts) console.log(`  ${a.role.padEnd(9)} ${a.email.padEnd(24)} ${a.password}`);
    if (demoForum) {
      console.log(`Upcoming demo forum (registration open, invited units replying): ${url}/events/${demoForum.slug}`);
      console.log(`A liaison's reply link (回执, no account needed) for ${demoForum.unit}: ${url}${demoForum.replyPath}`);
    }
  }
  console.log("");
  await startFront(Number(port), host, { port: ready.port, secrets, direct: { routes: new Set(ready.direct), call: directCaller(backend) } });
  console.log(`Ready on ${url}`);
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => process.exit(0));
}

main().catch((e: unknown) => {
  console.error(e); // a bug: bad configuration was reported by exitOnBadEnv, the database's by the back end
  process.exit(1);
});
