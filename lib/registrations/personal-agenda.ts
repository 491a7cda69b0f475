/**
 * The personal agenda: sessions an attendee marks (agenda_selections) plus the site visit when they joined it, and
 * the secret-token calendar feed (calendar_feeds) that serves it as .ics.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agendaSelections, agendaSessions, calendarFeeds, events, registrations, users } from "@/db/schema";
import { DomainError } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/permissions";
import type { IcsEvent } from "@/lib/calendar/ics";
import { PUBLIC_EVENT_STATUSES } from "@/lib/events/queries";
import type { Locale } from "@/lib/i18n/config";
import { pick } from "@/lib/i18n/format";
import { appUrl } from "@/lib/http/origin";
import { isUuid } from "@/lib/shared/uuid";
import { ACTIVE_REGISTRATION_STATUSES } from "@/lib/shared/enums";
import { choiceGroups } from "@/lib/shared/parallel";

const ACTIVE = ACTIVE_REGISTRATION_STATUSES;

/**
 * A new registration starts with every session of the forum on the person's agenda (the site visit joins by the
 * registration's own choice, see `auto` below); they trim it from there. One statement, after the registration's
 * transaction: the agenda is a convenience, not an invariant, so it stays off the capacity lock. Several people at
 * once (a group commit of registrations) take the same one statement; `chosen` is one person's choice.
 */
export async function seedPersonalAgenda(db: Db, userIds: string | readonly string[], eventId: string, chosen: string[] = []) {
  const ids = typeof userIds === "string" ? [userIds] : userIds;
  if (!ids.length) return;
  if (chosen.length && ids.length > 1) throw new Error("seedPersonalAgenda: parallel-session choices are one person's");
  // Of parallel sessions, only the one chosen at registration (none chosen: all of them, to decide later).
  const skip: string[] = [];
  if (chosen.length) {
    const groups = choiceGroups(await db.select({ id: agendaSessions.id, startsAt: agendaSessions.startsAt, endsAt: agendaSessions.endsAt, kind: agendaSessions.kind }).from(agendaSessions).where(eq(agendaSessions.eventId, eventId)));
    for (const g of groups) if (g.some((s) => chosen.includes(s.id))) skip.push(...g.filter((s) => !chosen.includes(s.id)).map((s) => s.id));
  }
  await db.execute(sql`
    insert into ${agendaSelections} (user_id, session_id)
    select u.id, ${agendaSessions.id} from ${agendaSessions}, (values ${sql.join(ids.map((id) => sql`(${id}::uuid)`), sql`, `)}) as u(id)
    where ${agendaSessions.eventId} = ${eventId} and ${agendaSessions.kind} <> 'site_visit'
    ${skip.length ? sql`and ${agendaSessions.id} not in (${sql.join(skip.map((id) => sql`${id}`), sql`, `)})` : sql``}
    on conflict do nothing`);
  if (skip.length) await db.delete(agendaSelections).where(and(inArray(agendaSelections.userId, [...ids]), inArray(agendaSelections.sessionId, skip)));
}

/** "Add all" / "clear" on the personal agenda: every session of one public forum (the site visit aside). */
export async function setAllSessions(db: Db, actor: Actor, input: { eventId: string; selected: boolean; locale?: Locale }) {
  const [f] = await db
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.id, input.eventId), inArray(events.status, [...PUBLIC_EVENT_STATUSES])));
  if (!f) throw new DomainError("not_found", "registration.errors.notFound");
  if (input.selected) await seedPersonalAgenda(db, actor.id, f.id);
  else
    await db
      .delete(agendaSelections)
      .where(and(eq(agendaSelections.userId, actor.id), inArray(agendaSelections.sessionId, db.select({ id: agendaSessions.id }).from(agendaSessions).where(eq(agendaSessions.eventId, f.id)))));
  return { eventId: f.id, selected: input.selected };
}

/** Mark or unmark a session of a public forum for the actor's own agenda. Idempotent. */
export async function selectSession(db: Db, actor: Actor, input: { sessionId: string; selected: boolean; locale?: Locale }) {
  const notFound = () => new DomainError("not_found", "registration.errors.notFound");
  if (!isUuid(input.sessionId)) throw notFound();
  const [s] = await db
    .select({ id: agendaSessions.id })
    .from(agendaSessions)
    .innerJoin(events, eq(events.id, agendaSessions.eventId))
    .where(and(eq(agendaSessions.id, input.sessionId), inArray(events.status, [...PUBLIC_EVENT_STATUSES])));
  if (!s) throw notFound();
  if (input.selected) await db.insert(agendaSelections).values({ userId: actor.id, sessionId: s.id }).onConflictDoNothing();
  else await db.delete(agendaSelections).where(and(eq(agendaSelections.userId, actor.id), eq(agendaSelections.sessionId, s.id)));
  return { sessionId: s.id, selected: input.selected };
}

/** Forums the person is registered for (active), each with all its sessions and which ones are on their agenda. */
export async function personalAgenda(db: Db, userId: string) {
  const regs = await db
    .select({ eventId: registrations.eventId, siteVisit: registrations.siteVisit, status: registrations.status })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(and(eq(registrations.userId, userId), inArray(registrations.status, [...ACTIVE]), inArray(events.status, [...PUBLIC_EVENT_STATUSES])));
  const picked = await db
    .select({ sessionId: agendaSelections.sessionId, eventId: agendaSessions.eventId })
    .from(agendaSelections)
    .innerJoin(agendaSessions, eq(agendaSessions.id, agendaSelections.sessionId))
    .where(eq(agendaSelections.userId, userId));
  const eventIds = [...new Set([...regs.map((r) => r.eventId), ...picked.map((p) => p.eventId)])];
  if (!eventIds.length) return [];
  const forums = await db.query.events.findMany({
    where: and(inArray(events.id, eventIds), inArray(events.status, [...PUBLIC_EVENT_STATUSES])),
    orderBy: [asc(events.startsAt)],
    with: { sessions: { orderBy: [asc(agendaSessions.startsAt), asc(agendaSessions.order)] } },
  });
  const pickedIds = new Set(picked.map((p) => p.sessionId));
  return forums.map((f) => {
    const reg = regs.find((r) => r.eventId === f.id);
    const joinedVisit = !!reg?.siteVisit;
    return {
      event: f,
      registered: !!reg,
      siteVisit: joinedVisit,
      sessions: f.sessions.map((s) => ({ ...s, selected: pickedIds.has(s.id), auto: joinedVisit && s.kind === "site_visit" })),
    };
  });
}
export type PersonalForum = Awaited<ReturnType<typeof personalAgenda>>[number];

/** The first forum of the personal agenda that has not ended (forums come sorted by start). */
export function upcomingForum(forums: readonly PersonalForum[], now = new Date()): PersonalForum | null {
  return forums.find((f) => f.event.endsAt > now) ?? null;
}

/** The person's secret calendar-feed token, created on first use (192 random bits). */
export async function calendarFeedToken(db: Db, userId: string): Promise<string> {
  const [existing] = await db.select({ token: calendarFeeds.token }).from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
  if (existing) return existing.token;
  await db.insert(calendarFeeds).values({ userId, token: randomBytes(24).toString("base64url") }).onConflictDoNothing();
  const [row] = await db.select({ token: calendarFeeds.token }).from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
  return row.token;
}

type SessionLike = { id: string; title: string; titleEn: string | null; description: string | null; descriptionEn: string | null; startsAt: Date; endsAt: Date; location: string | null; locationEn: string | null; kind: string };
type ForumLike = { slug: string; title: string; titleEn: string | null; venueName: string | null; venueNameEn: string | null; venueAddress: string | null; venueAddressEn: string | null };

/** Session room, venue, address — each once: a part equal to (or already inside) an earlier one is left out. */
export function distinctPlaces(parts: (string | null | undefined)[]): string[] {
  const norm = (p: string) => p.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();
  const kept: string[] = [];
  for (const p of parts) {
    if (!p?.trim()) continue;
    const n = norm(p);
    if (kept.some((k) => norm(k).includes(n))) continue;
    kept.push(p.trim());
  }
  return kept;
}

export function sessionToIcs(s: SessionLike, f: ForumLike, locale: Locale, kindLabel?: string): IcsEvent {
  const forumTitle = pick(locale, f.title, f.titleEn);
  const place = distinctPlaces([pick(locale, s.location, s.locationEn), pick(locale, f.venueName, f.venueNameEn), pick(locale, f.venueAddress, f.venueAddressEn)]).join(", ");
  return {
    uid: `${s.id}@huiwu`,
    start: s.startsAt,
    end: s.endsAt,
    summary: `${pick(locale, s.title, s.titleEn)} · ${forumTitle}`,
    description: [pick(locale, s.description, s.descriptionEn), `${appUrl()}/events/${f.slug}/agenda`].filter(Boolean).join("\n\n"),
    location: place || null,
    url: `${appUrl()}/events/${f.slug}/agenda`,
    categories: kindLabel ? [kindLabel] : undefined,
  };
}

/** The feed behind a secret token: the person's marked sessions and joined site visits. Null for an unknown token. */
export async function feedForToken(db: Db, token: string) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const [feed] = await db
    .select({ userId: calendarFeeds.userId, locale: users.locale })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(eq(calendarFeeds.token, token));
  if (!feed) return null;
  const forums = await personalAgenda(db, feed.userId);
  return { locale: feed.locale, items: forums.flatMap((f) => f.sessions.filter((s) => s.selected || s.auto).map((s) => ({ session: s, forum: f.event }))) };
}
