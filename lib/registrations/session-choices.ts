/**
 * Choosing among parallel sessions (分论坛) at registration, with per-session capacity.
 *
 * The groups come from lib/shared/parallel.ts (one definition for the agenda, the form and the builder). A session's
 * capacity is its own `capacity`, else its room's, else unlimited. A choice holds a seat in the session while its
 * registration holds a seat in the forum (confirmed or pending), counted here and nowhere else — and only ever
 * checked under the forum's row lock (registerForEvent), so concurrent registrations cannot overfill a session.
 */
import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agendaSessions, registrations, registrationSessions, rooms } from "@/db/schema";
import { DomainError } from "@/lib/actions/result";
import type { Locale } from "@/lib/i18n/config";
import { formatTimeRange, pick } from "@/lib/i18n/format";
import { SEAT_HOLDING_STATUSES } from "@/lib/shared/enums";
import { choiceGroups } from "@/lib/shared/parallel";

export type SessionSeat = {
  id: string;
  title: string;
  titleEn: string | null;
  kind: string;
  startsAt: Date;
  endsAt: Date;
  roomId: string | null;
  roomName: string | null;
  roomNameEn: string | null;
  capacity: number | null;
  taken: number;
  left: number | null;
};

const holding = sql.join(SEAT_HOLDING_STATUSES.map((s) => sql`${s}`), sql`, `);

/** Every session of the forum with its effective capacity and the seats its choices hold — one statement. */
export async function sessionSeats(db: Db, eventId: string): Promise<SessionSeat[]> {
  const rows = await db
    .select({
      id: agendaSessions.id,
      title: agendaSessions.title,
      titleEn: agendaSessions.titleEn,
      kind: agendaSessions.kind,
      startsAt: agendaSessions.startsAt,
      endsAt: agendaSessions.endsAt,
      roomId: agendaSessions.roomId,
      roomName: rooms.name,
      roomNameEn: rooms.nameEn,
      capacity: sql<number | null>`coalesce(${agendaSessions.capacity}, ${rooms.capacity})`,
      taken: sql<number>`(select count(*) from ${registrationSessions} rs join ${registrations} r on r.id = rs.registration_id
        where rs.session_id = ${agendaSessions.id} and r.status in (${holding}))::int`,
    })
    .from(agendaSessions)
    .leftJoin(rooms, eq(rooms.id, agendaSessions.roomId))
    .where(eq(agendaSessions.eventId, eventId))
    .orderBy(asc(agendaSessions.startsAt), asc(agendaSessions.order));
  return rows.map((r) => {
    const capacity = r.capacity == null ? null : Number(r.capacity);
    const taken = Number(r.taken);
    return { ...r, capacity, taken, left: capacity == null ? null : Math.max(0, capacity - taken) };
  });
}

/** The groups offered at registration, each session with its seats left. */
export async function sessionChoiceGroups(db: Db, eventId: string): Promise<SessionSeat[][]> {
  return choiceGroups(await sessionSeats(db, eventId));
}

/**
 * Check and record a registration's choices, inside the caller's transaction that holds the forum lock.
 * - every chosen id belongs to a parallel group of this forum, at most one per group (else 422);
 * - when the registration holds a forum seat, each chosen session must have a seat left (else 409 naming it);
 *   a waitlisted registration keeps its choice, which takes a seat only once it is promoted (if one is left then).
 * `seats` may be passed in (counted earlier) — the negative control of the race test does so outside the lock.
 */
export async function recordChoices(tx: Db, eventId: string, registrationId: string, chosen: string[], holdsSeat: boolean, seats?: SessionSeat[]): Promise<string[]> {
  const wanted = [...new Set(chosen)];
  await tx.delete(registrationSessions).where(eq(registrationSessions.registrationId, registrationId));
  if (!wanted.length) return [];
  const all = seats ?? (await sessionSeats(tx, eventId));
  const groups = choiceGroups(all);
  const groupOf = new Map(groups.flatMap((g, i) => g.map((s) => [s.id, i] as const)));
  const bad = wanted.filter((id) => !groupOf.has(id));
  const seen = new Set<number>();
  const twice = wanted.filter((id) => {
    const g = groupOf.get(id);
    if (g === undefined) return false;
    if (seen.has(g)) return true;
    seen.add(g);
    return false;
  });
  if (bad.length || twice.length) {
    throw new DomainError("invalid", "registration.errors.invalid", { fieldErrors: { sessions: [bad.length ? "registration.errors.sessionNotChoosable" : "registration.errors.sessionOnePerGroup"] } });
  }
  if (holdsSeat) {
    for (const id of wanted) {
      const s = all.find((x) => x.id === id)!;
      if (s.left !== null && s.left <= 0) {
        throw new DomainError("conflict", "registration.errors.sessionFull", { params: { session: s.title }, fieldErrors: { sessions: [{ key: "registration.errors.sessionFull", params: { session: s.title } }] } });
      }
    }
  }
  await tx.insert(registrationSessions).values(wanted.map((sessionId) => ({ registrationId, sessionId })));
  return wanted;
}

/**
 * A waitlisted registration just got a forum seat (inside the lock): its choices that no longer have a seat are
 * dropped (the attendee can choose again; the organizer sees it), as a full bus is.
 */
export async function keepChoicesWithSeats(tx: Db, eventId: string, registrationId: string): Promise<void> {
  const mine = await tx.select({ sessionId: registrationSessions.sessionId }).from(registrationSessions).where(eq(registrationSessions.registrationId, registrationId));
  if (!mine.length) return;
  const seats = await sessionSeats(tx, eventId);
  // `taken` already counts this registration (it holds a seat now): over capacity means it took one too many
  const over = mine.filter((m) => {
    const s = seats.find((x) => x.id === m.sessionId);
    return s && s.capacity !== null && s.taken > s.capacity;
  });
  if (over.length) {
    await tx
      .delete(registrationSessions)
      .where(and(eq(registrationSessions.registrationId, registrationId), inArray(registrationSessions.sessionId, over.map((o) => o.sessionId))));
  }
}

/** The sessions a registration chose (for the ticket page and the console). */
export async function choicesOf(db: Db, registrationId: string): Promise<string[]> {
  const rows = await db.select({ sessionId: registrationSessions.sessionId }).from(registrationSessions).where(eq(registrationSessions.registrationId, registrationId));
  return rows.map((r) => r.sessionId);
}

/** What the registration form shows per choice: title, room and time in the forum's zone, seats left. */
export type FormTrack = { id: string; title: string; room: string | null; when: string; left: number | null };

export function formTracks(groups: SessionSeat[][], locale: Locale, timeZone: string): FormTrack[][] {
  return groups.map((g) =>
    g.map((s) => ({ id: s.id, title: pick(locale, s.title, s.titleEn), room: pick(locale, s.roomName, s.roomNameEn) ?? null, when: formatTimeRange(s.startsAt, s.endsAt, timeZone, locale), left: s.left })),
  );
}
