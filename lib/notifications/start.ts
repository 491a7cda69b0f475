/** Started from instrumentation.ts register() in the Node.js server process (never during `next build`). */
import { getDb } from "@/lib/db";
import { startOutboxWorker } from "./worker";

export function startNotifications() {
  if (process.env.HUIWU_OUTBOX_WORKER === "0") return;
  startOutboxWorker(getDb);
}
