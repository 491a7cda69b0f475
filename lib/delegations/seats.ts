/**
 * Quotas are reserved seats (issue 10 §1). The ONE count of a forum's taken seats, used under the forum's row lock by
 * public registration, waitlist promotion, the organizer's confirmations and the delegation commands alike:
 *
 *   taken = Σ quota of units whose seats are not released
 *         + seat-holding registrations that are not delegates of such a unit
 *
 * A delegate of an unreleased unit sits inside its unit's quota (the reply slip never exceeds it), so it is not
 * counted twice; once a unit is released its entered delegates count like everyone else and the rest is free.
 */
import "server-only";
import { and, count, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { delegations, registrations } from "@/db/schema";
import { SEAT_HOLDING_STATUSES } from "@/lib/shared/enums";

/** Statuses that hold a seat. */
export const SEAT_HOLDING = SEAT_HOLDING_STATUSES;

/** The registration is a delegate of a unit of its forum whose quota is still reserved. */
export const inReservedQuota = sql`(${registrations.source} = 'delegation' and exists (
  select 1 from delegates d join delegations g on g.id = d.delegation_id
  where d.registration_id = ${registrations.id} and g.released_at is null))`;

export async function reservedSeats(tx: Db, eventId: string): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`coalesce(sum(${delegations.quota}), 0)::int` })
    .from(delegations)
    .where(and(eq(delegations.eventId, eventId), isNull(delegations.releasedAt)));
  return Number(r?.n ?? 0);
}

/** Seat-holding registrations outside the reserved quotas (public, organizer-added, released units' delegates). */
export async function seatsHeldOutsideQuotas(tx: Db, eventId: string): Promise<number> {
  const [r] = await tx
    .select({ n: count() })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), inArray(registrations.status, [...SEAT_HOLDING]), sql`not ${inReservedQuota}`));
  return r.n;
}

export async function seatsTaken(tx: Db, eventId: string): Promise<number> {
  const [held, reserved] = [await seatsHeldOutsideQuotas(tx, eventId), await reservedSeats(tx, eventId)];
  return held + reserved;
}
