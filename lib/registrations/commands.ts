/**
 * Registration commands (DESIGN §3.3, §3.4). Each takes (db, actor, input), runs in ONE transaction that first locks
 * the forum row (`SELECT … FOR UPDATE`), so capacity, bus seats and waitlist order are decided one registration at a
 * time — on Postgres by the row lock, on PGlite additionally because its transactions are serial. The database's
 * unique index (one registration per person per forum) backs this up. Every change writes its notification to the
 * outbox and an audit row in the same transaction.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { buses, events, registrationQuestions, registrations, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { busesKeptOnPromotion, seatsTakenOnBus } from "@/lib/buses/seats";
import { seatsTaken } from "@/lib/delegations/seats";
import { DomainError, type FieldErrorRefs } from "@/lib/actions/result";
import { eventBySlug } from "@/lib/events/lookup";
import type { Actor } from "@/lib/auth/permissions";
import type { Locale } from "@/lib/i18n/config";
import { seedPersonalAgenda } from "./personal-agenda";
import { keepChoicesWithSeats, recordChoices, sessionSeats, type SessionSeat } from "./session-choices";
import { enqueueRegistrationMail, type MailKind } from "./notify";
import { checkAnswers, type Question, type RegistrationInput } from "./validation";
import { isUuid } from "@/lib/shared/uuid";
import { env } from "@/lib/env";
import { ACTIVE_REGISTRATION_STATUSES, holdsSeat, isOneOf } from "@/lib/shared/enums";

/** 128 random bits, base64url (22 characters): the ticket's QR payload. */
export function newTicketCode(): string {
  return randomBytes(16).toString("base64url");
}

/**
 * NEGATIVE CONTROL for the race test: with HUIWU_UNSAFE_REGISTRATION=1 (never in production) the capacity check is
 * made outside the transaction, without the lock, and the write follows after a pause — the classic oversell.
 */
export function unsafeRegistration(): boolean {
  return env.HUIWU_UNSAFE_REGISTRATION === "1" && env.NODE_ENV !== "production";
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type EventRow = typeof events.$inferSelect;
type RegistrationRow = typeof registrations.$inferSelect;

function fail(code: ConstructorParameters<typeof DomainError>[0], key: string, fieldErrors?: FieldErrorRefs): never {
  throw new DomainError(code, `registration.errors.${key}`, { fieldErrors });
}

/** Whether a forum takes registrations right now; the reason key when it does not. */
export function registrationGate(e: Pick<EventRow, "status" | "registrationOpensAt" | "registrationClosesAt" | "startsAt" | "endsAt">, now = new Date()) {
  if (e.status === "cancelled") return { open: false as const, reason: "cancelledForum" as const };
  if (e.status === "completed" || e.endsAt <= now) return { open: false as const, reason: "ended" as const };
  if (e.status !== "published") return { open: false as const, reason: "notFound" as const };
  if (e.registrationOpensAt && now < e.registrationOpensAt) return { open: false as const, reason: "notOpen" as const };
  if (e.registrationClosesAt && now >= e.registrationClosesAt) return { open: false as const, reason: "closed" as const };
  if (e.startsAt <= now) return { open: false as const, reason: "closed" as const };
  return { open: true as const, reason: null };
}

/**
 * What a registration needs, in the ONE statement that takes the forum's lock (by slug): the forum, its questions,
 * the caller's earlier registration there and their language. The subqueries read the snapshot from before the lock
 * was granted, which is safe for what they read: questions are not a capacity matter, a stale "no registration yet"
 * ends at the unique index, and a stale cancelled one is re-used only while it is still cancelled (see the caller).
 * Seats are counted by the NEXT statement, which sees every registration committed before the lock.
 */
async function eventForRegistration(tx: Db, slug: string, actor: Actor, lock: boolean) {
  const forum = sql`"events"."id"`; // qualified: a one-table select renders ${events.id} bare, which a subquery would take for its own id
  const q = tx
    .select({
      event: events,
      questions: sql<Question[]>`coalesce((select json_agg(json_build_object('id', q.id, 'label', q.label, 'kind', q.kind, 'options', q.options, 'required', q.required) order by q."order")
        from ${registrationQuestions} q where q.event_id = ${forum}), '[]'::json)`,
      existing: sql<{ id: string; status: RegistrationRow["status"] } | null>`(select json_build_object('id', r.id, 'status', r.status) from ${registrations} r
        where r.event_id = ${forum} and (r.user_id = ${actor.id} or r.email = ${actor.email.toLowerCase()}) limit 1)`,
      locale: sql<string | null>`(select u.locale::text from ${users} u where u.id = ${actor.id})`,
    })
    .from(events)
    .where(eq(events.slug, slug));
  const [row] = lock ? await q.for("update") : await q;
  return row;
}

async function lockEvent(tx: Db, eventId: string): Promise<EventRow | undefined> {
  const [row] = await tx.select().from(events).where(eq(events.id, eventId)).for("update");
  return row;
}

/** Seats taken, quotas of invited units included (lib/delegations/seats.ts): call under the forum's lock. */
export { seatsTaken };

/** 1-based place on the forum's waitlist (first come, first served), or null when not waitlisted. */
export async function waitlistPositionOf(tx: Db, r: Pick<RegistrationRow, "id" | "eventId" | "status">): Promise<number | null> {
  if (r.status !== "waitlisted") return null;
  const rows = await tx.execute<{ n: number | string }>(sql`
    select count(*) as n from registrations o, registrations me
    where me.id = ${r.id} and o.event_id = me.event_id and o.status = 'waitlisted'
      and (o.waitlisted_at, o.id) <= (me.waitlisted_at, me.id)`);
  const list = Array.isArray(rows) ? rows : (rows as unknown as { rows: { n: number | string }[] }).rows;
  return Number(list[0]?.n ?? 0) || null;
}

async function userLocale(tx: Db, userId: string): Promise<string | null> {
  const [u] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
  return u?.locale ?? null;
}

async function localeOfRegistration(tx: Db, r: Pick<RegistrationRow, "userId">) {
  return r.userId ? userLocale(tx, r.userId) : null;
}

/** A bus of this forum (else a field error), locked, with its seats checked when the registration will hold a seat. */
async function checkBus(tx: Db, locale: Locale, event: EventRow, busId: string, holdsSeat: boolean, exceptRegistrationId?: string) {
  if (!isUuid(busId)) fail("invalid", "invalid", { groupId: ["registration.errors.badBus"] });
  const [bus] = await tx
    .select()
    .from(buses)
    .where(and(eq(buses.id, busId), eq(buses.eventId, event.id)))
    .for("update");
  if (!bus) fail("invalid", "invalid", { groupId: ["registration.errors.badBus"] });
  if (holdsSeat && (await seatsTakenOnBus(tx, bus.id, exceptRegistrationId)) >= bus.seats) {
    fail("conflict", "busFull", { groupId: ["registration.errors.busFull"] });
  }
  return bus;
}

async function loadQuestions(db: Db, eventId: string) {
  return db
    .select({ id: registrationQuestions.id, label: registrationQuestions.label, kind: registrationQuestions.kind, options: registrationQuestions.options, required: registrationQuestions.required })
    .from(registrationQuestions)
    .where(eq(registrationQuestions.eventId, eventId))
    .orderBy(asc(registrationQuestions.order));
}

function isUniqueViolation(e: unknown): boolean {
  for (let c: unknown = e; c && typeof c === "object"; c = (c as { cause?: unknown }).cause) {
    if ((c as { code?: string }).code === "23505") return true;
    if ((c as { cause?: unknown }).cause === c) break;
  }
  return false;
}

export type RegisterCommandInput = { eventSlug: string; data: RegistrationInput; locale?: Locale };
export type RegisterOutcome = {
  id: string;
  eventSlug: string;
  status: "confirmed" | "waitlisted" | "pending";
  ticketCode?: string;
  waitlistPosition?: number;
};

export async function registerForEvent(db: Db, actor: Actor, input: RegisterCommandInput): Promise<RegisterOutcome> {
  const locale = input.locale ?? "zh-CN";
  const data = input.data;
  const wantsBus = data.siteVisit && data.groupId ? data.groupId : null;

  // Negative control: count first, outside any transaction and lock, then write later (DO NOT do this).
  let staleTaken: number | null = null;
  let staleSessions: SessionSeat[] | undefined;
  if (unsafeRegistration()) {
    const found = await eventBySlug(db, input.eventSlug);
    if (!found) fail("not_found", "notFound");
    staleTaken = await seatsTaken(db, found.id);
    if (data.sessions?.length) staleSessions = await sessionSeats(db, found.id);
    await sleep(env.HUIWU_UNSAFE_SLEEP_MS);
  }

  try {
    const outcome = await db.transaction(async (tx) => {
      const found = await eventForRegistration(tx, input.eventSlug, actor, staleTaken === null);
      if (!found || found.event.status === "draft") fail("not_found", "notFound");
      const { event, existing } = found;
      const checked = checkAnswers(found.questions, data.answers, locale);
      if (!checked.ok) throw new DomainError("invalid", "registration.errors.invalid", { fieldErrors: checked.fieldErrors });
      const gate = registrationGate(event);
      if (!gate.open) fail(gate.reason === "notFound" ? "not_found" : "closed", gate.reason);
      if (existing && existing.status !== "cancelled") fail("conflict", "already");

      const taken = staleTaken ?? (await seatsTaken(tx, event.id));
      const hasSeat = event.capacity == null || taken < event.capacity;
      if (!hasSeat && !event.waitlistEnabled) fail("conflict", "full");
      const status: RegisterOutcome["status"] = hasSeat ? (event.requiresApproval ? "pending" : "confirmed") : "waitlisted";
      if (wantsBus) await checkBus(tx, locale, event, wantsBus, hasSeat);

      const now = new Date();
      const values = {
        eventId: event.id,
        userId: actor.id,
        status,
        fullName: actor.name,
        email: actor.email.toLowerCase(),
        phone: data.phone,
        category: data.category,
        organization: data.organization,
        position: data.position,
        needs: data.needs,
        siteVisit: data.siteVisit,
        busId: wantsBus,
        ticketCode: newTicketCode(),
        answers: checked.answers,
        source: "self" as const,
        // clock_timestamp(), not now(): now() is the transaction's start, before it waited for the lock.
        waitlistedAt: status === "waitlisted" ? sql`clock_timestamp()` : null,
        confirmedAt: status === "confirmed" ? now : null,
        cancelledAt: null,
      };
      // a cancelled registration is taken up again only while it is still cancelled (else: registered meanwhile)
      const [row] = existing
        ? await tx.update(registrations).set(values).where(and(eq(registrations.id, existing.id), eq(registrations.status, "cancelled"))).returning()
        : await tx.insert(registrations).values(values).returning();
      if (!row) fail("conflict", "already");
      const position = await waitlistPositionOf(tx, row);
      // a fresh registration has no earlier choices to clear: only touch registration_sessions when there is something to do
      const sessions = existing || data.sessions?.length ? await recordChoices(tx, event.id, row.id, data.sessions ?? [], status !== "waitlisted", staleSessions) : [];

      const kind: MailKind = status === "confirmed" ? "confirmed" : status === "pending" ? "pending" : "waitlisted";
      await enqueueRegistrationMail(tx, kind, { ...row, locale: found.locale, waitlistPosition: position }, event);
      await recordAudit(tx, actor, {
        action: "registration.create",
        entity: "registration",
        entityId: row.id,
        eventId: event.id,
        after: { status, category: row.category, siteVisit: row.siteVisit, busId: row.busId, waitlistPosition: position, ...(sessions.length ? { sessions } : {}) },
      });
      return {
        id: row.id,
        eventId: event.id,
        eventSlug: event.slug,
        status,
        ...(status === "confirmed" ? { ticketCode: row.ticketCode } : {}),
        ...(position ? { waitlistPosition: position } : {}),
      };
    });
    const { eventId, ...out } = outcome;
    await seedPersonalAgenda(db, actor.id, eventId, data.sessions ?? []);
    return out;
  } catch (e) {
    if (isUniqueViolation(e)) fail("conflict", "already");
    throw e;
  }
}

/**
 * Fill free seats from the waitlist, first come first served, inside the caller's transaction (which holds the
 * forum's lock). Used after a cancellation or rejection, and by organizers after raising the capacity.
 */
export async function promoteWaitlisted(tx: Db, event: EventRow, actor: Actor | null): Promise<string[]> {
  const taken = await seatsTaken(tx, event.id);
  const free = event.capacity == null ? 1_000_000 : event.capacity - taken;
  if (free <= 0) return [];
  const next = await tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.eventId, event.id), eq(registrations.status, "waitlisted")))
    .orderBy(asc(registrations.waitlistedAt), asc(registrations.id))
    .limit(free)
    .for("update");
  const promoted: string[] = [];
  for (const r of next) {
    const status = event.requiresApproval ? ("pending" as const) : ("confirmed" as const);
    const busId = (await busesKeptOnPromotion(tx, [r])).get(r.id) ?? null; // bus full by now: none, the organizer assigns one
    const [row] = await tx
      .update(registrations)
      .set({ status, busId, confirmedAt: status === "confirmed" ? new Date() : null })
      .where(and(eq(registrations.id, r.id), eq(registrations.status, "waitlisted")))
      .returning();
    if (!row) continue;
    await keepChoicesWithSeats(tx, event.id, row.id);
    promoted.push(row.id);
    await enqueueRegistrationMail(tx, status === "confirmed" ? "promoted" : "pending", { ...row, locale: await localeOfRegistration(tx, row) }, event);
    await recordAudit(tx, actor, { action: "registration.promote", entity: "registration", entityId: row.id, eventId: event.id, before: { status: "waitlisted" }, after: { status, busId } });
  }
  return promoted;
}

/** Load a registration the actor owns (else not found: someone else's id looks exactly like an unknown one). */
async function ownRegistration(db: Db, actor: Actor, registrationId: string, locale: Locale, lock = false) {
  if (!isUuid(registrationId)) fail("not_found", "notFound");
  const q = db
    .select()
    .from(registrations)
    .where(and(eq(registrations.id, registrationId), eq(registrations.userId, actor.id)));
  const [row] = lock ? await q.for("update") : await q;
  if (!row) fail("not_found", "notFound");
  return row;
}

export async function cancelRegistration(db: Db, actor: Actor, input: { registrationId: string; locale?: Locale }) {
  const locale = input.locale ?? "zh-CN";
  const first = await ownRegistration(db, actor, input.registrationId, locale);
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, first.eventId);
    if (!event) fail("not_found", "notFound");
    const r = await ownRegistration(tx, actor, input.registrationId, locale, true);
    if (r.status === "cancelled" || r.status === "rejected") fail("conflict", "notCancellable");
    if (event.endsAt <= new Date()) fail("closed", "ended");
    const [row] = await tx
      .update(registrations)
      .set({ status: "cancelled", cancelledAt: new Date(), busId: null }) // releases the bus seat, as the organizer's cancel does
      .where(and(eq(registrations.id, r.id), eq(registrations.userId, actor.id)))
      .returning();
    await enqueueRegistrationMail(tx, "cancelled", { ...row, locale: await userLocale(tx, actor.id) }, event);
    await recordAudit(tx, actor, { action: "registration.cancel", entity: "registration", entityId: row.id, eventId: event.id, before: { status: r.status, busId: r.busId }, after: { status: "cancelled" } });
    const promoted = holdsSeat(r.status) ? await promoteWaitlisted(tx, event, actor) : [];
    return { id: row.id, status: "cancelled" as const, promoted: promoted.length };
  });
}

/** Edit one's answers while registration is open; changing the bus takes a seat on the new one under the lock. */
export async function updateRegistration(db: Db, actor: Actor, input: { registrationId: string; data: RegistrationInput; locale?: Locale }) {
  const locale = input.locale ?? "zh-CN";
  const first = await ownRegistration(db, actor, input.registrationId, locale);
  const checked = checkAnswers(await loadQuestions(db, first.eventId), input.data.answers, locale);
  if (!checked.ok) throw new DomainError("invalid", "registration.errors.invalid", { fieldErrors: checked.fieldErrors });
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, first.eventId);
    if (!event) fail("not_found", "notFound");
    const r = await ownRegistration(tx, actor, input.registrationId, locale, true);
    if (!registrationGate(event).open || !isOneOf(ACTIVE_REGISTRATION_STATUSES, r.status)) fail("closed", "notEditable");
    const d = input.data;
    const busId = d.siteVisit && d.groupId ? d.groupId : null;
    if (busId && busId !== r.busId) await checkBus(tx, locale, event, busId, holdsSeat(r.status), r.id);
    const changes = {
      category: d.category,
      organization: d.organization,
      position: d.position,
      phone: d.phone,
      needs: d.needs,
      siteVisit: d.siteVisit,
      busId,
      answers: checked.answers,
    };
    const [row] = await tx
      .update(registrations)
      .set(changes)
      .where(and(eq(registrations.id, r.id), eq(registrations.userId, actor.id)))
      .returning({ id: registrations.id, status: registrations.status });
    // parallel sessions: only when the caller offered the choice (the form always does; an API edit may leave it out)
    const sessions = d.sessions === undefined ? undefined : await recordChoices(tx, event.id, r.id, d.sessions, holdsSeat(r.status));
    await recordAudit(tx, actor, {
      action: "registration.edit",
      entity: "registration",
      entityId: r.id,
      eventId: event.id,
      before: { category: r.category, organization: r.organization, position: r.position, siteVisit: r.siteVisit, busId: r.busId },
      after: { ...changes, answers: undefined, ...(sessions ? { sessions } : {}) },
    });
    return row;
  });
}
