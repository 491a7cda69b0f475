/**
 * Quotas are reserved seats. The ONE count of a forum's taken seats, used under the forum's row lock by
 * public registration, waitlist promotion, the organizer's confirmations and the delegation commands alike:
 *
 *   taken = Σ quota of units whose seats are not released
 *         + seat-holding registrations that are not delegates of such a unit
 *
 * A delegate of an unreleased unit sits inside its unit's quota (the reply slip never exceeds it), so it is not
 * counted twice; once a unit is released its entered delegates count like everyone else and the rest is free.
 */
import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { delegations, registrations } from "@/db/schema";
import { SEAT_HOLDING_STATUSES } from "@/lib/shared/enums";

/** Statuses that hold a seat. */
export const SEAT_HOLDING = SEAT_HOLDING_STATUSES;

/** The registration is a delegate of a unit of its forum whose quota is still reserved. */
export const inReservedQuota = sql`(${registrations.source} = 'delegation' and exists (
  select 1 from delegates d join delegations g on g.id = d.delegation_id
  where d.registration_id = ${registrations.id} and g.released_at is null))`;

const holding = sql.join(SEAT_HOLDING.map((st) => sql`${st}`), sql`, `);

/**
 * A forum's seat counts in ONE statement (public pages count their statements, and the forum lock is held while it
 * runs): seat-holding registrations, those outside the reserved quotas, the reserved seats, the waitlist.
 */
export async function seatCounts(tx: Db, eventId: string): Promise<{ holding: number; outsideQuotas: number; reserved: number; waitlisted: number }> {
  const [r] = await tx
    .select({
      holding: sql<number>`count(*) filter (where ${registrations.status} in (${holding}))::int`,
      outsideQuotas: sql<number>`count(*) filter (where ${registrations.status} in (${holding}) and not ${inReservedQuota})::int`,
      waitlisted: sql<number>`count(*) filter (where ${registrations.status} = 'waitlisted')::int`,
      reserved: sql<number>`(select coalesce(sum(${delegations.quota}), 0) from ${delegations} where ${delegations.eventId} = ${eventId} and ${delegations.releasedAt} is null)::int`,
    })
    .from(registrations)
    .where(eq(registrations.eventId, eventId));
  return { holding: Number(r?.holding ?? 0), outsideQuotas: Number(r?.outsideQuotas ?? 0), reserved: Number(r?.reserved ?? 0), waitlisted: Number(r?.waitlisted ?? 0) };
}

export async function seatsTaken(tx: Db, eventId: string): Promise<number> {
  const c = await seatCounts(tx, eventId);
  return c.outsideQuotas + c.reserved;
}
