/**
 * Runs once when a server instance starts (not during `next build`). Node.js runtime only: the database drivers
 * and background loops live there. Add start-up work as small imports below.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startPageCache } = await import("./lib/cache/start");
  startPageCache();
  if (process.env.NEXT_PHASE !== "phase-production-build") {
    const { startNotifications } = await import("./lib/notifications/start");
    startNotifications(); // the outbox worker: delivers registration mails, enqueues day-before reminders
  }
}
