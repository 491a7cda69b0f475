/**
 * Reads for the check-in desk, and the counters the organizer dashboard reuses (`checkinCounts`).
 * Check-ins hang off registrations, so every read here is scoped by the registration's event.
 */
import "server-only";
import { and, asc, count, countDistinct, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { createTranslator } from "next-intl";
import { agendaSessions, buses, checkins, events, registrations, users } from "@/db/schema";
import type { Locale } from "@/lib/i18n/config";
import { dateFormat, pick } from "@/lib/i18n/format";
import { messagesFor } from "@/lib/i18n/messages";
import { registrationMatches } from "@/lib/registrations/search";

/** Segment names the seed and the desk use; a forum without a site visit checks in once ("event"). */
export const DEFAULT_SEGMENT = "event";

/** The event a ticket belongs to (for the API guard, which must know the event before it can check the permission). */
export async function ticketEvent(db: Db, ticketCode: string): Promise<{ eventId: string; registrationId: string } | null> {
  const [row] = await db
    .select({ eventId: registrations.eventId, registrationId: registrations.id })
    .from(registrations)
    .where(eq(registrations.ticketCode, ticketCode))
    .limit(1);
  return row ?? null;
}

/**
 * The segments a forum checks in by: site_visit + symposium when it has a site-visit session (as the Yantan seed
 * does), otherwise the whole forum ("event"); plus any segment already used by a check-in.
 */
export async function checkinSegments(db: Db, eventId: string): Promise<string[]> {
  const [visit] = await db
    .select({ id: agendaSessions.id })
    .from(agendaSessions)
    .where(and(eq(agendaSessions.eventId, eventId), eq(agendaSessions.kind, "site_visit")))
    .limit(1);
  const base = visit ? ["site_visit", "symposium"] : [DEFAULT_SEGMENT];
  const used = await db
    .selectDistinct({ segment: checkins.segment })
    .from(checkins)
    .where(eq(checkins.eventId, eventId));
  for (const { segment } of used) if (!base.includes(segment)) base.push(segment);
  return base;
}

/** 上午 / 下午 / 晚上 of a moment in the forum's zone. */
function dayPart(d: Date, timeZone: string): "morning" | "afternoon" | "evening" {
  const h = Number(dateFormat("en-GB", { timeZone, hour: "2-digit", hourCycle: "h23" }).format(d));
  return h < 12 ? "morning" : h < 18 ? "afternoon" : "evening";
}

/**
 * What each check-in segment is called, from the forum's own agenda — never fixed words: the site
 * visit is "上午 · <its title>", the symposium "<part of day> · <the session after the visit>" (or "会议" when several
 * follow), a forum without a site visit checks in "全天". Segments of earlier check-ins keep their codes as labels.
 */
export async function segmentLabels(db: Db, eventId: string, locale: Locale): Promise<Record<string, string>> {
  const t = createTranslator({ locale, messages: messagesFor(locale), namespace: "console.segmentLabel" });
  const [ev] = await db.select({ timezone: events.timezone }).from(events).where(eq(events.id, eventId)).limit(1);
  const sessions = await db
    .select({ kind: agendaSessions.kind, title: agendaSessions.title, titleEn: agendaSessions.titleEn, startsAt: agendaSessions.startsAt, endsAt: agendaSessions.endsAt })
    .from(agendaSessions)
    .where(eq(agendaSessions.eventId, eventId))
    .orderBy(asc(agendaSessions.startsAt));
  const tz = ev?.timezone ?? "Asia/Shanghai";
  const title = (x: { title: string; titleEn: string | null }) => pick(locale, x.title, x.titleEn);
  const labels: Record<string, string> = { [DEFAULT_SEGMENT]: t("event") };
  const visit = sessions.find((x) => x.kind === "site_visit");
  if (visit) {
    labels.site_visit = t("part", { part: dayPart(visit.startsAt, tz), title: title(visit) });
    const after = sessions.filter((x) => x.kind !== "site_visit" && x.startsAt >= visit.endsAt);
    const rest = after.length ? after : sessions.filter((x) => x.kind !== "site_visit");
    // one session: its own title; several: the part of the day and "会议"
    labels.symposium = rest.length ? t("part", { part: dayPart(rest[0]!.startsAt, tz), title: rest.length === 1 ? title(rest[0]!) : t("symposium") }) : t("symposium");
  }
  return labels;
}

/**
 * The segment a check-in without one is for: with a site visit, "site_visit" until the visit ends, then "symposium";
 * otherwise the whole forum. As an SQL expression over a forum id, so the check-in statement can decide it itself.
 */
export function defaultSegmentSql(eventId: SQL | string, now?: Date): SQL {
  const at = now ? sql`${now.toISOString()}::timestamptz` : sql`now()`;
  return sql`coalesce((select case when ${at} < ${agendaSessions.endsAt} then 'site_visit' else 'symposium' end from ${agendaSessions}
    where ${agendaSessions.eventId} = ${eventId} and ${agendaSessions.kind} = 'site_visit' order by ${agendaSessions.startsAt} limit 1), ${DEFAULT_SEGMENT})`;
}

export async function defaultSegment(db: Db, eventId: string, now = new Date()): Promise<string> {
  const [row] = await db.select({ segment: sql<string>`${defaultSegmentSql(eventId, now)}` }).from(sql`(select 1) as one`);
  return row!.segment;
}

export type CheckinCounts = {
  /** Confirmed registrations: the number expected at the desk. */
  expected: number;
  /** People checked in for at least one segment. */
  checkedIn: number;
  /** Check-ins per segment, e.g. { site_visit: 120, symposium: 160 }. */
  bySegment: Record<string, number>;
};

/** Live counters for the desk and the dashboard: aggregates over the forum's own check-ins (checkins_event_segment_registration_idx). */
export async function checkinCounts(db: Db, eventId: string): Promise<CheckinCounts> {
  const [expected] = await db
    .select({ n: count() })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.status, "confirmed")));
  const rows = await db
    .select({ segment: checkins.segment, n: count() })
    .from(checkins)
    .where(eq(checkins.eventId, eventId))
    .groupBy(checkins.segment);
  const [people] = await db
    .select({ n: countDistinct(checkins.registrationId) })
    .from(checkins)
    .where(eq(checkins.eventId, eventId));
  return {
    expected: Number(expected?.n ?? 0),
    checkedIn: Number(people?.n ?? 0),
    bySegment: Object.fromEntries(rows.map((r) => [r.segment, Number(r.n)])),
  };
}

/** Check-in counts for several forums at once (the dashboard's list): eventId → counts per segment and people. */
export async function checkinCountsByEvent(db: Db, eventIds: string[]): Promise<Map<string, { checkedIn: number; bySegment: Record<string, number> }>> {
  const out = new Map<string, { checkedIn: number; bySegment: Record<string, number> }>();
  if (eventIds.length === 0) return out;
  for (const id of eventIds) out.set(id, { checkedIn: 0, bySegment: {} });
  const seg = await db
    .select({ eventId: checkins.eventId, segment: checkins.segment, n: count() })
    .from(checkins)
    .where(inArray(checkins.eventId, eventIds))
    .groupBy(checkins.eventId, checkins.segment);
  for (const r of seg) out.get(r.eventId)!.bySegment[r.segment] = Number(r.n);
  const ppl = await db
    .select({ eventId: checkins.eventId, n: countDistinct(checkins.registrationId) })
    .from(checkins)
    .where(inArray(checkins.eventId, eventIds))
    .groupBy(checkins.eventId);
  for (const r of ppl) out.get(r.eventId)!.checkedIn = Number(r.n);
  return out;
}

export type DeskCheckin = { segment: string; checkedInAt: Date; byName: string | null };
export type DeskCard = Pick<typeof registrations.$inferSelect, "organization" | "position" | "category" | "status" | "siteVisit"> & {
  registrationId: string;
  name: string;
  bus: string | null;
  checkins: DeskCheckin[];
};

const cardColumns = {
  registrationId: registrations.id,
  name: registrations.fullName,
  organization: registrations.organization,
  position: registrations.position,
  category: registrations.category,
  status: registrations.status,
  siteVisit: registrations.siteVisit,
  bus: buses.name,
};

async function withCheckins(db: Db, rows: Omit<DeskCard, "checkins">[]): Promise<DeskCard[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.registrationId);
  const cs = await db
    .select({ registrationId: checkins.registrationId, segment: checkins.segment, checkedInAt: checkins.checkedInAt, byName: users.name })
    .from(checkins)
    .leftJoin(users, eq(users.id, checkins.checkedInById))
    .where(inArray(checkins.registrationId, ids))
    .orderBy(asc(checkins.checkedInAt));
  return rows.map((r) => ({
    ...r,
    checkins: cs.filter((c) => c.registrationId === r.registrationId).map(({ segment, checkedInAt, byName }) => ({ segment, checkedInAt, byName })),
  }));
}

/** One registration as the desk shows it, scoped by event. */
export async function deskCard(db: Db, eventId: string, registrationId: string): Promise<DeskCard | null> {
  const rows = await db
    .select(cardColumns)
    .from(registrations)
    .leftJoin(buses, eq(buses.id, registrations.busId))
    .where(and(eq(registrations.eventId, eventId), eq(registrations.id, registrationId)))
    .limit(1);
  return (await withCheckins(db, rows))[0] ?? null;
}

/** Search as the console's list does (lib/registrations/search.ts) — for guests without their QR. At most 20 hits. */
export async function deskSearch(db: Db, eventId: string, q: string): Promise<DeskCard[]> {
  const rows = await db
    .select(cardColumns)
    .from(registrations)
    .leftJoin(buses, eq(buses.id, registrations.busId))
    .where(and(eq(registrations.eventId, eventId), registrationMatches(q)))
    .orderBy(sql`case when ${registrations.status} = 'confirmed' then 0 else 1 end`, asc(registrations.fullName))
    .limit(20);
  return withCheckins(db, rows);
}

/** The latest check-ins at this forum (the desk's "recent" list, with undo). */
export async function recentCheckins(db: Db, eventId: string, limit = 10) {
  return db
    .select({
      registrationId: registrations.id,
      name: registrations.fullName,
      organization: registrations.organization,
      segment: checkins.segment,
      checkedInAt: checkins.checkedInAt,
      byName: users.name,
    })
    .from(checkins)
    .innerJoin(registrations, eq(registrations.id, checkins.registrationId))
    .leftJoin(users, eq(users.id, checkins.checkedInById))
    .where(eq(checkins.eventId, eventId))
    .orderBy(sql`${checkins.checkedInAt} desc`)
    .limit(limit);
}

