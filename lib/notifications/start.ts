/** Started from instrumentation.ts register() in the Node.js server process (never during `next build`). */
import { getDb } from "@/lib/db";
import { startDelegationWorker } from "@/lib/delegations/worker";
import { startOutboxWorker } from "./worker";

export function startNotifications() {
  if (process.env.HUIWU_OUTBOX_WORKER === "0") return;
  startOutboxWorker(getDb);
  startDelegationWorker(getDb); // units' reply-by: release unused seats, one reminder before it
}
