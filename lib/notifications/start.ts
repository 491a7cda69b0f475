/** Started from instrumentation.ts register() in the Node.js server process (never during `next build`). */
import { getDb } from "@/lib/db";
import { startOutboxWorker } from "./worker";
import { env } from "@/lib/env";

export function startNotifications() {
  if (env.HUIWU_OUTBOX_WORKER === "0") return;
  startOutboxWorker(getDb);
}
