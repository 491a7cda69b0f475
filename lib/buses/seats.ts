/**
 * Bus seats — the ONE rule, used by every screen and every command (the public form's "seats left", the console's bus
 * list and assignment, auto-fill, the agenda builder's "not below the seats assigned", waitlist promotion):
 *
 *   seats taken on a bus = registrations on it (bus_id) whose status holds a forum seat (SEAT_HOLDING_STATUSES:
 *                          confirmed and pending)
 *
 * Why the status filter, not bus_id alone: bus_id on a registration that holds no seat is not a seat. A waitlisted
 * attendee keeps the bus they asked for and gets it on promotion if it still has a seat (`busesKeptOnPromotion`);
 * a unit's cancelled or replaced delegates may still carry theirs. Counting by status makes every path that ends a
 * registration release its bus seat, whether or not it remembered to clear bus_id. (Both registration cancels — the
 * attendee's and the organizer's — also clear bus_id, so no roster lists a cancelled passenger.)
 *
 * This folder imports only db/ and lib/shared, so agenda, events and registrations can all use it without a circle.
 */
import "server-only";
import { and, asc, count, inArray, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { buses, registrations } from "@/db/schema";
import { SEAT_HOLDING_STATUSES } from "@/lib/shared/enums";

/** The registration holds a seat on its bus (see above): use in any query that counts passengers. */
export const holdsBusSeat = inArray(registrations.status, [...SEAT_HOLDING_STATUSES]);

/** Seats taken on each of these buses (0 for a bus nobody holds a seat on); `except` leaves one registration out. */
export async function busSeatsTaken(db: Db, busIds: readonly string[], except?: string): Promise<Map<string, number>> {
  const out = new Map(busIds.map((id) => [id, 0]));
  if (busIds.length === 0) return out;
  const rows = await db
    .select({ busId: registrations.busId, n: count() })
    .from(registrations)
    .where(and(inArray(registrations.busId, [...busIds]), holdsBusSeat, except ? ne(registrations.id, except) : undefined))
    .groupBy(registrations.busId);
  for (const r of rows) if (r.busId) out.set(r.busId, Number(r.n));
  return out;
}

/** Seats taken on one bus; `except` leaves one registration out (its own seat, when it changes bus). */
export async function seatsTakenOnBus(db: Db, busId: string, except?: string): Promise<number> {
  return (await busSeatsTaken(db, [busId], except)).get(busId) ?? 0;
}

/** Each bus with its seats taken and left (never below 0), in the order given. */
export async function withSeatsTaken<B extends { id: string; seats: number }>(db: Db, list: readonly B[]): Promise<(B & { taken: number; left: number })[]> {
  const taken = await busSeatsTaken(db, list.map((b) => b.id));
  return list.map((b) => {
    const n = taken.get(b.id) ?? 0;
    return { ...b, taken: n, left: Math.max(0, b.seats - n) };
  });
}

/**
 * The bus each registration keeps as it starts to hold a seat (promotion from the waitlist, by the queue or by an
 * organizer): the bus it asked for while that bus has a seat, in the order given; else none (the organizer assigns
 * one). The rows must not hold a seat yet. Locks the buses, as every bus assignment does, in the caller's transaction.
 */
export async function busesKeptOnPromotion(tx: Db, rows: readonly { id: string; busId: string | null }[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>(rows.map((r) => [r.id, null]));
  const wanted = [...new Set(rows.flatMap((r) => (r.busId ? [r.busId] : [])))].sort();
  if (wanted.length === 0) return out;
  const locked = await tx.select({ id: buses.id, seats: buses.seats }).from(buses).where(inArray(buses.id, wanted)).orderBy(asc(buses.id)).for("update");
  const left = new Map(locked.map((b) => [b.id, b.seats]));
  for (const [id, n] of await busSeatsTaken(tx, wanted)) if (left.has(id)) left.set(id, left.get(id)! - n);
  for (const r of rows) {
    if (!r.busId || (left.get(r.busId) ?? 0) <= 0) continue;
    left.set(r.busId, left.get(r.busId)! - 1);
    out.set(r.id, r.busId);
  }
  return out;
}
