/** Reads of the seating plans (rostrum, hall, dining) with names resolved through the protocol directory. */
import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { diningPlans, diningSeats, diningTables, hallPlans, hallReservedRows, hallSeats, rostrumPlans, rostrumSeats } from "@/db/schema";
import type { ReserveReason } from "./hall";
import { seatablesOf, type Seatable } from "./protocol";
import type { Convention } from "./rostrum";

export type SeatedPerson = Pick<Seatable, "id" | "kind" | "name" | "nameEn" | "rank" | "organization" | "organizationEn" | "title" | "titleEn">;
export type RostrumView = {
  planId: string;
  roomId: string | null;
  sessionId: string | null;
  convention: Convention;
  rows: { row: number; seats: ({ seat: number } & SeatedPerson)[] }[];
};

const seated = (s: Seatable): SeatedPerson => ({
  id: s.id,
  kind: s.kind,
  name: s.name,
  nameEn: s.nameEn,
  rank: s.rank,
  organization: s.organization,
  organizationEn: s.organizationEn,
  title: s.title,
  titleEn: s.titleEn,
});

export type RostrumScope = { roomId?: string | null; sessionId?: string | null };

/** Every rostrum plan of a forum (the forum-wide one first), seats from the audience's left, front row first. */
export async function rostrumPlansOf(db: Db, eventId: string, directory?: Map<string, Seatable>): Promise<RostrumView[]> {
  const dir = directory ?? (await seatablesOf(db, eventId));
  const plans = await db.select().from(rostrumPlans).where(eq(rostrumPlans.eventId, eventId)).orderBy(asc(rostrumPlans.createdAt));
  if (!plans.length) return [];
  const seats = await db
    .select({ planId: rostrumSeats.planId, row: rostrumSeats.row, seat: rostrumSeats.seat, personId: rostrumSeats.personId, registrationId: rostrumSeats.registrationId })
    .from(rostrumSeats)
    .innerJoin(rostrumPlans, eq(rostrumPlans.id, rostrumSeats.planId))
    .where(eq(rostrumPlans.eventId, eventId))
    .orderBy(asc(rostrumSeats.row), asc(rostrumSeats.seat));
  const views = plans.map((p): RostrumView => {
    const rows = new Map<number, RostrumView["rows"][number]>();
    for (const s of seats) {
      if (s.planId !== p.id) continue;
      const who = dir.get(s.personId ?? s.registrationId!);
      if (!who) continue; // a cancelled registration leaves an empty seat
      const row = rows.get(s.row) ?? { row: s.row, seats: [] };
      row.seats.push({ seat: s.seat, ...seated(who) });
      rows.set(s.row, row);
    }
    return { planId: p.id, roomId: p.roomId, sessionId: p.sessionId, convention: p.convention, rows: [...rows.values()].sort((a, b) => a.row - b.row) };
  });
  return views.sort((a, b) => Number(a.roomId !== null || a.sessionId !== null) - Number(b.roomId !== null || b.sessionId !== null));
}

/** The rostrum of one scope (forum-wide when neither room nor session is given), or null. */
export async function rostrumOf(db: Db, eventId: string, scope: RostrumScope = {}, directory?: Map<string, Seatable>) {
  const [plan] = await db
    .select({ id: rostrumPlans.id })
    .from(rostrumPlans)
    .where(
      and(
        eq(rostrumPlans.eventId, eventId),
        scope.roomId ? eq(rostrumPlans.roomId, scope.roomId) : isNull(rostrumPlans.roomId),
        scope.sessionId ? eq(rostrumPlans.sessionId, scope.sessionId) : isNull(rostrumPlans.sessionId),
      ),
    );
  if (!plan) return null;
  return (await rostrumPlansOf(db, eventId, directory)).find((v) => v.planId === plan.id) ?? null;
}

export type HallView = {
  rows: number;
  seatsPerRow: number;
  roomId: string | null;
  reserved: { row: number; reason: ReserveReason }[];
  seats: ({ row: number; seat: number } & SeatedPerson)[];
};

export async function hallOf(db: Db, eventId: string, directory?: Map<string, Seatable>): Promise<HallView | null> {
  const [plan] = await db.select().from(hallPlans).where(eq(hallPlans.eventId, eventId));
  if (!plan) return null;
  const dir = directory ?? (await seatablesOf(db, eventId));
  const [reserved, seats] = await Promise.all([
    db.select({ row: hallReservedRows.row, reason: hallReservedRows.reason }).from(hallReservedRows).where(eq(hallReservedRows.planId, plan.id)).orderBy(asc(hallReservedRows.row)),
    db.select().from(hallSeats).where(eq(hallSeats.planId, plan.id)).orderBy(asc(hallSeats.row), asc(hallSeats.seat)),
  ]);
  return {
    rows: plan.rows,
    seatsPerRow: plan.seatsPerRow,
    roomId: plan.roomId,
    reserved,
    seats: seats.flatMap((s) => {
      const who = dir.get(s.registrationId);
      return who ? [{ row: s.row, seat: s.seat, ...seated(who) }] : [];
    }),
  };
}

export type DiningView = {
  tableSize: number;
  convention: Convention;
  tables: { number: number; size: number; seats: ({ seat: number } & SeatedPerson)[] }[];
};

export async function diningOf(db: Db, eventId: string, directory?: Map<string, Seatable>): Promise<DiningView> {
  const dir = directory ?? (await seatablesOf(db, eventId));
  const [[plan], tables, seats] = await Promise.all([
    db.select().from(diningPlans).where(eq(diningPlans.eventId, eventId)),
    db.select().from(diningTables).where(eq(diningTables.eventId, eventId)).orderBy(asc(diningTables.number)),
    db.select().from(diningSeats).where(eq(diningSeats.eventId, eventId)).orderBy(asc(diningSeats.seat)),
  ]);
  return {
    tableSize: plan?.tableSize ?? 10,
    convention: plan?.convention ?? "international",
    tables: tables.map((t) => ({
      number: t.number,
      size: t.size,
      seats: seats.flatMap((s) => {
        if (s.tableId !== t.id) return [];
        const who = dir.get(s.personId ?? s.registrationId!);
        return who ? [{ seat: s.seat, ...seated(who) }] : [];
      }),
    })),
  };
}

/** Everything at once for the console, the API and the prints (one directory read). */
export async function seatingOf(db: Db, eventId: string) {
  const directory = await seatablesOf(db, eventId);
  const [rostrums, hall, dining] = await Promise.all([rostrumPlansOf(db, eventId, directory), hallOf(db, eventId, directory), diningOf(db, eventId, directory)]);
  return { directory, rostrums, hall, dining };
}

/** A registration's seats, for the ticket page (我的座位) and the badge. */
export async function seatOfRegistration(db: Db, registrationId: string) {
  const [hall] = await db.select({ row: hallSeats.row, seat: hallSeats.seat }).from(hallSeats).where(eq(hallSeats.registrationId, registrationId));
  const [table] = await db
    .select({ number: diningTables.number, seat: diningSeats.seat })
    .from(diningSeats)
    .innerJoin(diningTables, eq(diningTables.id, diningSeats.tableId))
    .where(eq(diningSeats.registrationId, registrationId));
  const [rostrum] = await db
    .select({ row: rostrumSeats.row, seat: rostrumSeats.seat })
    .from(rostrumSeats)
    .where(eq(rostrumSeats.registrationId, registrationId))
    .limit(1);
  return { hall: hall ?? null, table: table ?? null, rostrum: rostrum ?? null };
}
