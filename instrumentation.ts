/**
 * Runs once when a server instance starts (not during `next build`). Node.js runtime only: the database drivers
 * and background loops live there. Add start-up work as small imports below.
 */
export async function register() {
  // NEXT_RUNTIME / NEXT_PHASE are Next's own build-time switches (inlined, so the edge bundle drops the imports below);
  // every app setting goes through lib/env.ts.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { assertEnv } = await import("./lib/env");
  assertEnv(); // one line per bad variable (scripts/serve.ts already exits on them before Next starts)
  const { startPageCache } = await import("./lib/cache/start");
  startPageCache();
  if (process.env.NEXT_PHASE !== "phase-production-build") {
    const { startNotifications } = await import("./lib/notifications/start");
    startNotifications(); // the outbox worker: delivers registration mails, enqueues day-before reminders
  }
}
