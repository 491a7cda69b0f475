/** Reads of the organizer console: forums of any status, for people the guard has let in. */
import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events, eventStaff, organizations, registrations } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { withSeatsTaken } from "@/lib/buses/seats";
import { checkinCountsByEvent } from "@/lib/checkin/queries";
import { eventBySlug, eventHeadColumns, slugIs, type EventRow } from "./lookup";
import { loadEventTree } from "./tree";
import { ACTIVE_REGISTRATION_STATUSES } from "@/lib/shared/enums";

/** A forum for the console, by slug, in any status (the guard decides who sees it). */
export function consoleEvent(db: Db, slug: string): Promise<EventRow | null> {
  return eventBySlug(db, slug);
}

/** Everything the console's editor pages show for one forum, its buses with their seats taken (lib/buses/seats). */
export async function consoleEventTree(db: Db, slug: string) {
  const e = await loadEventTree(db, slugIs(slug));
  if (!e) return null;
  return { ...e, buses: await withSeatsTaken(db, e.buses) };
}
export type ConsoleEventTree = NonNullable<Awaited<ReturnType<typeof consoleEventTree>>>;

/** Forums this person runs (admins: all), newest first. */
export async function myEvents(db: Db, actor: Actor) {
  const base = db
    .select({
      ...eventHeadColumns,
      status: events.status,
      capacity: events.capacity,
      city: events.city,
      cityEn: events.cityEn,
    })
    .from(events);
  const rows =
    actor.siteRole === "admin"
      ? await base.orderBy(desc(events.startsAt))
      : await base.where(inArray(events.id, db.select({ id: eventStaff.eventId }).from(eventStaff).where(eq(eventStaff.userId, actor.id)))).orderBy(desc(events.startsAt));
  return rows;
}
export type MyEvent = Awaited<ReturnType<typeof myEvents>>[number];

export type EventStats = {
  confirmed: number;
  waitlisted: number;
  pending: number;
  cancelled: number;
  rejected: number;
  checkedIn: number;
  /** Check-ins per segment (site_visit, symposium, event …). */
  bySegment: Record<string, number>;
  byCategory: { category: string; count: number }[];
  /** Registrations per day (forum's zone), with the running total. */
  overTime: { day: string; count: number; total: number }[];
};

export async function eventStats(db: Db, eventIds: string[]): Promise<Map<string, EventStats>> {
  const out = new Map<string, EventStats>();
  if (eventIds.length === 0) return out;
  for (const id of eventIds)
    out.set(id, { confirmed: 0, waitlisted: 0, pending: 0, cancelled: 0, rejected: 0, checkedIn: 0, bySegment: {}, byCategory: [], overTime: [] });
  const byStatus = await db
    .select({ eventId: registrations.eventId, status: registrations.status, n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(inArray(registrations.eventId, eventIds))
    .groupBy(registrations.eventId, registrations.status);
  for (const r of byStatus) out.get(r.eventId)![r.status] = r.n;
  for (const [eventId, c] of await checkinCountsByEvent(db, eventIds)) {
    const st = out.get(eventId)!;
    st.checkedIn = c.checkedIn;
    st.bySegment = c.bySegment;
  }
  const live = and(inArray(registrations.eventId, eventIds), inArray(registrations.status, [...ACTIVE_REGISTRATION_STATUSES]));
  const cats = await db
    .select({ eventId: registrations.eventId, category: registrations.category, n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(live)
    .groupBy(registrations.eventId, registrations.category)
    .orderBy(desc(sql`count(*)`));
  for (const r of cats) out.get(r.eventId)!.byCategory.push({ category: r.category, count: r.n });
  const day = sql<string>`to_char(${registrations.createdAt} at time zone ${events.timezone}, 'YYYY-MM-DD')`;
  const days = await db
    .select({ eventId: registrations.eventId, day, n: sql<number>`count(*)::int` })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(live)
    .groupBy(registrations.eventId, day)
    .orderBy(day);
  for (const r of days) {
    const s = out.get(r.eventId)!;
    const total = (s.overTime.at(-1)?.total ?? 0) + r.n;
    s.overTime.push({ day: r.day, count: r.n, total });
  }
  return out;
}

export async function searchOrganizations(db: Db, q: string, limit = 10) {
  const term = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return db
    .select({ id: organizations.id, name: organizations.name, nameEn: organizations.nameEn })
    .from(organizations)
    .where(q ? sql`${organizations.name} ilike ${term} or ${organizations.nameEn} ilike ${term} or ${organizations.shortName} ilike ${term}` : undefined)
    .orderBy(organizations.name)
    .limit(limit);
}

/** Forums that can be cloned by this person (the ones they run). */
export async function cloneSources(db: Db, actor: Actor) {
  return (await myEvents(db, actor)).map((e) => ({ id: e.id, title: e.title, titleEn: e.titleEn, startsAt: e.startsAt, timezone: e.timezone }));
}

