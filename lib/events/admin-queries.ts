/** Reads of the organizer console: forums of any status, for people the guard has let in. */
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events, eventStaff, organizations, registrations } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { seatsTaken } from "@/lib/agenda/commands";
import { checkinCountsByEvent } from "@/lib/checkin/queries";
import { loadEventTree } from "./tree";
import { ACTIVE_REGISTRATION_STATUSES } from "@/lib/shared/enums";

export async function eventRefBySlug(db: Db, slug: string) {
  const [row] = await db.select({ id: events.id, slug: events.slug, status: events.status, title: events.title, titleEn: events.titleEn, endsAt: events.endsAt }).from(events).where(eq(events.slug, slug));
  return row ?? null;
}

/** Everything the console's editor pages show for one forum. */
export async function consoleEvent(db: Db, slug: string) {
  const e = await loadEventTree(db, eq(events.slug, slug));
  if (!e) return null;
  const busesWithTaken = await Promise.all(e.buses.map(async (b) => ({ ...b, taken: await seatsTaken(db, b.id) })));
  return { ...e, buses: busesWithTaken };
}
export type ConsoleEvent = NonNullable<Awaited<ReturnType<typeof consoleEvent>>>;

/** Forums this person runs (admins: all), newest first. */
export async function myEvents(db: Db, actor: Actor) {
  const base = db
    .select({
      id: events.id,
      slug: events.slug,
      title: events.title,
      titleEn: events.titleEn,
      status: events.status,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      timezone: events.timezone,
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

