/** Organizer-side reads of registrations: the console table, the detail drawer, buses with their seats taken. */
import "server-only";
import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { buses, checkins, registrationQuestions, registrations, users } from "@/db/schema";
import { withSeatsTaken } from "@/lib/buses/seats";
import type { DeskCheckin } from "@/lib/checkin/queries";
import type { TableParams } from "./admin-validation";
import { registrationMatches } from "./search";

export type RegistrationRow = Pick<
  typeof registrations.$inferSelect,
  "id" | "fullName" | "email" | "phone" | "organization" | "position" | "category" | "status" | "siteVisit" | "busId" | "source" | "needs" | "notes" | "answers" | "ticketCode" | "createdAt"
> & {
  busName: string | null;
  checkins: DeskCheckin[];
};

/** The registration columns the console table and the export read (everything but ids of other tables and audit times). */
export const registrationColumns = {
  id: registrations.id,
  fullName: registrations.fullName,
  email: registrations.email,
  phone: registrations.phone,
  organization: registrations.organization,
  position: registrations.position,
  category: registrations.category,
  status: registrations.status,
  siteVisit: registrations.siteVisit,
  busId: registrations.busId,
  source: registrations.source,
  needs: registrations.needs,
  notes: registrations.notes,
  answers: registrations.answers,
  ticketCode: registrations.ticketCode,
  createdAt: registrations.createdAt,
};

/** Filters of the table (also used by export and bulk "select all matching"). */
export function tableWhere(eventId: string, p: Pick<TableParams, "q" | "status" | "category" | "bus">): SQL {
  const conds: SQL[] = [eq(registrations.eventId, eventId)];
  if (p.status) conds.push(eq(registrations.status, p.status));
  if (p.category) conds.push(eq(registrations.category, p.category));
  if (p.bus === "none") conds.push(isNull(registrations.busId));
  else if (p.bus) conds.push(eq(registrations.busId, p.bus));
  if (p.q) {
    conds.push(registrationMatches(p.q));
  }
  return and(...conds)!;
}

const sortColumns = {
  createdAt: registrations.createdAt,
  fullName: registrations.fullName,
  organization: registrations.organization,
  category: registrations.category,
  status: registrations.status,
} as const;

/**
 * One page of the table: filtered and sorted in the database, with the total from the same query (count(*) over ()),
 * so a page costs one indexed scan of the forum's rows plus one small lookup of the page's check-ins.
 */
export async function registrationTable(db: Db, eventId: string, p: TableParams): Promise<{ rows: RegistrationRow[]; total: number }> {
  const col = sortColumns[p.sort];
  const order = p.dir === "asc" ? [asc(col), asc(registrations.id)] : [desc(col), desc(registrations.id)];
  const raw = await db
    .select({ ...registrationColumns, busName: buses.name, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(registrations)
    .leftJoin(buses, eq(buses.id, registrations.busId))
    .where(tableWhere(eventId, p))
    .orderBy(...order)
    .limit(p.pageSize)
    .offset((p.page - 1) * p.pageSize);
  let total = raw[0]?.total ?? 0;
  if (raw.length === 0 && p.page > 1) {
    const [c] = await db.select({ n: count() }).from(registrations).where(tableWhere(eventId, p));
    total = Number(c.n);
  }
  const cs = raw.length
    ? await db
        .select({ registrationId: checkins.registrationId, segment: checkins.segment, checkedInAt: checkins.checkedInAt, byName: users.name })
        .from(checkins)
        .leftJoin(users, eq(users.id, checkins.checkedInById))
        .where(inArray(checkins.registrationId, raw.map((r) => r.id)))
        .orderBy(asc(checkins.checkedInAt))
    : [];
  const rows = raw.map(({ total: _t, ...r }) => ({
    ...r,
    checkins: cs.filter((c) => c.registrationId === r.id).map(({ segment, checkedInAt, byName }) => ({ segment, checkedInAt, byName })),
  }));
  return { rows, total };
}

export async function statusCounts(db: Db, eventId: string): Promise<Record<string, number>> {
  const rows = await db.select({ status: registrations.status, n: count() }).from(registrations).where(eq(registrations.eventId, eventId)).groupBy(registrations.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

export type BusWithSeats = { id: string; name: string; seats: number; taken: number; leaderName: string | null; leaderPhone: string | null; order: number };

/** The console's bus list: every bus of the forum with its seats taken (the one rule, lib/buses/seats). */
export async function busesWithSeats(db: Db, eventId: string): Promise<BusWithSeats[]> {
  const list = await db
    .select({ id: buses.id, name: buses.name, seats: buses.seats, leaderName: buses.leaderName, leaderPhone: buses.leaderPhone, order: buses.order })
    .from(buses)
    .where(eq(buses.eventId, eventId))
    .orderBy(asc(buses.order), asc(buses.name));
  return withSeatsTaken(db, list);
}

export async function eventQuestions(db: Db, eventId: string) {
  return db.select().from(registrationQuestions).where(eq(registrationQuestions.eventId, eventId)).orderBy(asc(registrationQuestions.order));
}
