/**
 * Abuse limits (fixed windows) stored in the `rate_limits` table, so they hold across instances (issue 3 §4).
 * Configurable by env (README "Abuse limits") so load tests can raise them.
 */
import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { env } from "@/lib/env";

export type Limit = { max: number; windowSeconds: number };

/** Read at call time (lib/env reads lazily) so tests and operators can change them without a rebuild. */
export function limits() {
  const signinWindow = env.RATE_LIMIT_SIGNIN_WINDOW_SECONDS;
  return {
    signinPerAccount: { max: env.RATE_LIMIT_SIGNIN_PER_ACCOUNT, windowSeconds: signinWindow },
    signinPerIp: { max: env.RATE_LIMIT_SIGNIN_PER_IP, windowSeconds: signinWindow },
    signupPerIp: { max: env.RATE_LIMIT_SIGNUP_PER_IP, windowSeconds: env.RATE_LIMIT_SIGNUP_WINDOW_SECONDS },
  } satisfies Record<string, Limit>;
}

/** Seconds until the key may be used again, or 0 if it is under its limit. Does not count. */
export async function blockedFor(db: Db, key: string, limit: Limit): Promise<number> {
  const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, key)).limit(1);
  if (!row || row.count < limit.max) return 0;
  const ms = row.resetAt.getTime() - Date.now();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/** Count one hit atomically (one upsert; a window that has passed starts over). Returns the count in this window. */
export async function hit(db: Db, key: string, limit: Limit): Promise<{ count: number; resetAt: Date }> {
  const window = sql`make_interval(secs => ${limit.windowSeconds})`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, count: 1, resetAt: sql`now() + ${window}` })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.resetAt} <= now() then 1 else ${rateLimits.count} + 1 end`,
        resetAt: sql`case when ${rateLimits.resetAt} <= now() then now() + ${window} else ${rateLimits.resetAt} end`,
      },
    })
    .returning({ count: rateLimits.count, resetAt: rateLimits.resetAt });
  return row;
}

export async function clear(db: Db, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}
