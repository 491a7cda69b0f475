/**
 * The back end's thread of `npm run serve` (started by scripts/serve.ts): prepare the database, then run Next behind
 * scripts/lib/http-backend.ts on a loopback port, and tell the front. Its own file so the front's thread never loads
 * the database, the seed or Next. An error ends the thread with exit code 1 (one line for a configuration error), and
 * the front's process with it.
 */
import { parentPort, workerData } from "node:worker_threads";
import { DEMO_ACCOUNTS } from "../../db/seed/demo-accounts";
import { publicVersionSource, registerPageCacheReport } from "../../lib/cache/page-cache";
import { env } from "../../lib/env";
import { startBackend } from "./http-backend";
import type { Secrets } from "./http-server";
import { logMemory } from "./memory-log";
import { exitOnConfigError, prepareDatabase } from "./setup";
import { withoutSourceMaps } from "./source-maps";
import { answerCalls, answerDirectCalls, caller, type Ready } from "./thread-calls";

async function backendThread() {
  const { secrets } = workerData as { secrets: Secrets };
  withoutSourceMaps(); // per thread, before Next loads: ~64 MB of source maps otherwise (scripts/lib/source-maps.ts)
  logMemory(env.HUIWU_MEMORY_LOG);
  const { demoAccounts, demoForum } = await prepareDatabase();
  const accounts = DEMO_ACCOUNTS.filter((a) => demoAccounts.includes(a.email)).map(({ role, email, password }) => ({ role, email, password }));
  const { port, directRoutes, answerDirect } = await startBackend(secrets);
  answerDirectCalls(parentPort!, answerDirect);
  const read = publicVersionSource(); // registered by instrumentation.ts when Next started
  const ask = caller(parentPort!);
  registerPageCacheReport(() => ask("report"));
  answerCalls(parentPort!, () => read!());
  const forum = demoForum && { slug: demoForum.slug, unit: demoForum.unit, replyPath: demoForum.replyPath };
  parentPort!.postMessage({ op: "ready", port, versioned: Boolean(read), direct: directRoutes, demo: { accounts, forum } } satisfies Ready);
}

backendThread().catch(exitOnConfigError);
