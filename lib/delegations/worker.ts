/**
 * The reply-by loop, started with the outbox worker (lib/notifications/start.ts): every minute it
 * releases the unused seats of units whose reply-by has passed (promoting the public waitlist) and queues the ONE
 * reminder for liaisons who have not replied DELEGATION_REMINDER_HOURS (default 24) before reply-by.
 */
import "server-only";
import type { Db } from "@/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { releaseDueDelegations, remindDueLiaisons } from "./commands";

export const reminderHours = () => env.DELEGATION_REMINDER_HOURS;

export async function delegationTick(db: Db, now = new Date()) {
  const released = await releaseDueDelegations(db, now);
  const reminded = await remindDueLiaisons(db, reminderHours(), now);
  if (released || reminded) logger.info({ released, reminded }, "delegations: reply-by work done");
  return { released, reminded };
}

const g = globalThis as unknown as { __huiwuDelegations?: NodeJS.Timeout };

export function startDelegationWorker(getDb: () => Promise<Db>, intervalMs = 60_000) {
  if (g.__huiwuDelegations) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await delegationTick(await getDb());
    } catch (e) {
      logger.error({ err: e instanceof Error ? { message: e.message, stack: e.stack } : String(e) }, "delegation worker tick failed");
    } finally {
      running = false;
    }
  };
  g.__huiwuDelegations = setInterval(tick, intervalMs);
  g.__huiwuDelegations.unref();
  setTimeout(tick, 5000).unref();
}
