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
import { recordAudit, recordAudits } from "@/lib/audit";
import { clientIp } from "@/lib/auth/request-info";
import { groupCommit } from "@/lib/shared/group-commit";
import { busesKeptOnPromotion, seatsTakenOnBus } from "@/lib/buses/seats";
import { seatsTaken } from "@/lib/delegations/seats";
import { DomainError, type FieldErrorRefs } from "@/lib/actions/result";
import { eventBySlug } from "@/lib/events/lookup";
import type { Actor } from "@/lib/auth/permissions";
import type { Locale } from "@/lib/i18n/config";
import { seedPersonalAgenda } from "./personal-agenda";
import { keepChoicesWithSeats, recordChoices, sessionSeats, type SessionSeat } from "./session-choices";
import { enqueueRegistrationMail, enqueueRegistrationMails, type MailKind } from "./notify";
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

function refusal(code: ConstructorParameters<typeof DomainError>[0], key: string, fieldErrors?: FieldErrorRefs) {
  return new DomainError(code, `registration.errors.${key}`, { fieldErrors });
}
function fail(code: ConstructorParameters<typeof DomainError>[0], key: string, fieldErrors?: FieldErrorRefs): never {
  throw refusal(code, key, fieldErrors);
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
 * What registrations need, in the ONE statement that takes the forum's lock (by slug): the forum, its questions,
 * the callers' earlier registrations there and their languages (one caller, or a whole group commit's). The
 * subqueries read the snapshot from before the lock was granted, which is safe for what they read: questions are not
 * a capacity matter, a stale "no registration yet" ends at the unique index, and a stale cancelled one is re-used
 * only while it is still cancelled (see the caller). Seats are counted by the NEXT statement, which sees every
 * registration committed before the lock.
 */
async function eventForRegistration(tx: Db, slug: string, actors: Actor[], lock: boolean) {
  const forum = sql`"events"."id"`; // qualified: a one-table select renders ${events.id} bare, which a subquery would take for its own id
  const ids = sql.join(actors.map((a) => sql`${a.id}`), sql`, `);
  const emails = sql.join(actors.map((a) => sql`${a.email.toLowerCase()}`), sql`, `);
  const q = tx
    .select({
      event: events,
      questions: sql<Question[]>`coalesce((select json_agg(json_build_object('id', q.id, 'label', q.label, 'kind', q.kind, 'options', q.options, 'required', q.required) order by q."order")
        from ${registrationQuestions} q where q.event_id = ${forum}), '[]'::json)`,
      existing: sql<{ id: string; status: RegistrationRow["status"]; userId: string | null; email: string | null }[]>`coalesce((select json_agg(json_build_object('id', r.id, 'status', r.status, 'userId', r.user_id, 'email', r.email))
        from ${registrations} r where r.event_id = ${forum} and (r.user_id in (${ids}) or r.email in (${emails}))), '[]'::json)`,
      locales: sql<{ id: string; locale: string | null }[]>`coalesce((select json_agg(json_build_object('id', u.id, 'locale', u.locale)) from ${users} u where u.id in (${ids})), '[]'::json)`,
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
  return (await waitlistPositions(tx, [r.id])).get(r.id) ?? null;
}

/** The waitlist places of several registrations in one statement (ids not waitlisted are left out). */
async function waitlistPositions(tx: Db, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await tx.execute<{ id: string; n: number | string }>(sql`
    select me.id, (select count(*) from registrations o where o.event_id = me.event_id and o.status = 'waitlisted'
      and (o.waitlisted_at, o.id) <= (me.waitlisted_at, me.id)) as n
    from registrations me where me.id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) and me.status = 'waitlisted'`);
  const list = Array.isArray(rows) ? rows : (rows as unknown as { rows: { id: string; n: number | string }[] }).rows;
  return new Map(list.filter((x) => Number(x.n) > 0).map((x) => [x.id, Number(x.n)]));
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

/** One caller's registration as the group commit carries it. */
type Request = {
  actor: Actor;
  data: RegistrationInput;
  locale: Locale;
  /** The caller's client IP for the audit row, read in the caller's own request (the batch runs in the first one's). */
  ip: string;
  /** Negative control only: what was counted outside the lock, before the pause. */
  stale?: { taken: number; sessions?: SessionSeat[] };
};
type Settled = { ok: RegisterOutcome & { eventId: string } } | { error: unknown } | { alone: true };

/** At most this many registrations share one transaction (the lock statement carries two parameters each). */
const GROUP_MAX = 64;

/**
 * Register the actor (DESIGN §3.3). Concurrent registrations for the same forum in this process share ONE
 * transaction under the forum's lock ("group commit", lib/shared/group-commit.ts): the lock statement reads every
 * caller's earlier registration, seats are counted once and handed out in arrival order, and the rows, waitlist
 * places, mails and audit records are written by one statement each. A request with per-row work — a bus, parallel
 * session choices — runs as a batch of its own, through the same code; so does a cancelled registration being taken
 * up again, and every member of a batch that failed unexpectedly (so one bad request cannot fail the others).
 */
export async function registerForEvent(db: Db, actor: Actor, input: RegisterCommandInput): Promise<RegisterOutcome> {
  const data = input.data;
  const request: Request = { actor, data, locale: input.locale ?? "zh-CN", ip: await clientIp() };

  // Negative control: count first, outside any transaction and lock, then write later (DO NOT do this).
  if (unsafeRegistration()) {
    const found = await eventBySlug(db, input.eventSlug);
    if (!found) fail("not_found", "notFound");
    request.stale = { taken: await seatsTaken(db, found.id), sessions: data.sessions?.length ? await sessionSeats(db, found.id) : undefined };
    await sleep(env.HUIWU_UNSAFE_SLEEP_MS);
  }
  const alone = (data.siteVisit && data.groupId) || data.sessions?.length;
  const { eventId: _, ...out } = alone ? await registerAlone(db, input.eventSlug, request) : await registerGrouped(db, input.eventSlug, request);
  return out;
}

const registerGrouped = groupCommit(GROUP_MAX, registerBatch);

/** A batch of one, on its own (not queued): the path of requests with per-row work. */
async function registerAlone(db: Db, slug: string, request: Request) {
  const [outcome] = await registerBatch(db, slug, [request]);
  return outcome;
}

/**
 * Run one batch: resolves once its transaction is over (the next batch may start), with each caller's own outcome —
 * settled after the personal agendas are seeded — or own error.
 */
async function registerBatch(db: Db, slug: string, batch: Request[]): Promise<Promise<RegisterOutcome & { eventId: string }>[]> {
  let settled: Settled[];
  try {
    settled = await registrationTransaction(db, slug, batch);
  } catch (e) {
    if (batch.length === 1) return [handled(Promise.reject(isUniqueViolation(e) ? refusal("conflict", "already") : e))];
    // unexpected (e.g. someone registered meanwhile in another process): each on its own, one after the other
    const one: Promise<RegisterOutcome & { eventId: string }>[] = [];
    for (const r of batch) one.push((await registerBatch(db, slug, [r]))[0]);
    return one;
  }
  const ok = settled.flatMap((s, i) => ("ok" in s ? [{ s: s.ok, r: batch[i] }] : []));
  // The agendas: after the commit, off the lock, in one statement for those without session choices.
  const plain = ok.filter((o) => !o.r.data.sessions?.length);
  const seeded = Promise.all([
    plain.length ? seedPersonalAgenda(db, plain.map((o) => o.r.actor.id), plain[0].s.eventId) : undefined,
    ...ok.filter((o) => o.r.data.sessions?.length).map((o) => seedPersonalAgenda(db, o.r.actor.id, o.s.eventId, o.r.data.sessions)),
  ]);
  seeded.catch(() => {}); // handled through each caller's promise below
  return settled.map((s, i) =>
    handled("error" in s ? Promise.reject(s.error) : "alone" in s ? registerAlone(db, slug, batch[i]) /* a cancelled registration taken up again */ : seeded.then(() => s.ok)),
  );
}

/** A caller's promise may reject before the queue hands it over (another member still being retried): not "unhandled". */
function handled<T>(p: Promise<T>): Promise<T> {
  p.catch(() => {});
  return p;
}

/** The row of a self-registration. */
function registrationValues(event: EventRow, r: Request, status: RegisterOutcome["status"], answers: Record<string, string | string[]>, busId: string | null, now: Date) {
  const d = r.data;
  return {
    eventId: event.id,
    userId: r.actor.id,
    status,
    fullName: r.actor.name,
    email: r.actor.email.toLowerCase(),
    phone: d.phone,
    category: d.category,
    organization: d.organization,
    position: d.position,
    needs: d.needs,
    siteVisit: d.siteVisit,
    busId,
    ticketCode: newTicketCode(),
    answers,
    source: "self" as const,
    // clock_timestamp(), not now(): now() is the transaction's start, before it waited for the lock.
    waitlistedAt: status === "waitlisted" ? sql`clock_timestamp()` : null,
    confirmedAt: status === "confirmed" ? now : null,
    cancelledAt: null,
  };
}

/**
 * The ONE implementation of a registration's rules, for a batch of requests to one forum (a single request is a
 * batch of one): lock the forum, check each request in arrival order (answers, whether the forum takes
 * registrations, an earlier registration — a person twice in one batch is "already" the second time), count the
 * seats once, give seats then waitlist places in order, and write everything in one statement per table.
 * A request's own refusal is its result; anything unexpected throws (the whole batch rolls back).
 * Per-row work (a bus, session choices, re-using a cancelled registration) only happens in a batch of one.
 */
async function registrationTransaction(db: Db, slug: string, batch: Request[]): Promise<Settled[]> {
  const single = batch.length === 1 ? batch[0] : null;
  const lock = batch.every((r) => !r.stale);
  return db.transaction(async (tx) => {
    const found = await eventForRegistration(tx, slug, batch.map((r) => r.actor), lock);
    const settled: Settled[] = batch.map(() => ({ error: refusal("not_found", "notFound") }));
    if (!found || found.event.status === "draft") return settled;
    const { event } = found;
    const gate = registrationGate(event);

    const seen = new Set<string>();
    const accepted: { i: number; r: Request; answers: Record<string, string | string[]>; existing?: (typeof found.existing)[number] }[] = [];
    batch.forEach((r, i) => {
      try {
        const checked = checkAnswers(found.questions, r.data.answers, r.locale);
        if (!checked.ok) throw new DomainError("invalid", "registration.errors.invalid", { fieldErrors: checked.fieldErrors });
        if (!gate.open) fail(gate.reason === "notFound" ? "not_found" : "closed", gate.reason);
        const email = r.actor.email.toLowerCase();
        const earlier = found.existing.filter((x) => x.userId === r.actor.id || x.email === email);
        const existing = earlier.find((x) => x.status !== "cancelled") ?? earlier[0];
        if ((existing && existing.status !== "cancelled") || seen.has(r.actor.id) || seen.has(email)) fail("conflict", "already");
        seen.add(r.actor.id).add(email);
        if (existing && !single) settled[i] = { alone: true };
        else accepted.push({ i, r, answers: checked.answers, existing });
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        settled[i] = { error: e };
      }
    });
    if (!accepted.length) return settled;

    let taken = batch.some((r) => !r.stale) ? await seatsTaken(tx, event.id) : 0;
    const now = new Date();
    const rows: { i: number; r: Request; existing?: { id: string }; values: ReturnType<typeof registrationValues> }[] = [];
    for (const { i, r, answers, existing } of accepted) {
      const seatsTakenBefore = r.stale?.taken ?? taken;
      const hasSeat = event.capacity == null || seatsTakenBefore < event.capacity;
      if (!hasSeat && !event.waitlistEnabled) {
        settled[i] = { error: refusal("conflict", "full") };
        continue;
      }
      const status: RegisterOutcome["status"] = hasSeat ? (event.requiresApproval ? "pending" : "confirmed") : "waitlisted";
      if (holdsSeat(status)) taken++;
      const wantsBus = r.data.siteVisit && r.data.groupId ? r.data.groupId : null;
      if (wantsBus) await checkBus(tx, r.locale, event, wantsBus, hasSeat); // a batch of one (registerForEvent)
      rows.push({ i, r, existing, values: registrationValues(event, r, status, answers, wantsBus, now) });
    }
    if (!rows.length) return settled;

    // a cancelled registration is taken up again only while it is still cancelled (else: registered meanwhile)
    const reused = rows.length === 1 ? rows[0].existing : undefined;
    const written = reused
      ? await tx.update(registrations).set(rows[0].values).where(and(eq(registrations.id, reused.id), eq(registrations.status, "cancelled"))).returning()
      : await tx.insert(registrations).values(rows.map((x) => x.values)).returning();
    if (reused && !written.length) fail("conflict", "already");
    const byUser = new Map(written.map((w) => [w.userId, w]));
    const positions = await waitlistPositions(tx, written.filter((w) => w.status === "waitlisted").map((w) => w.id));

    const mails: Parameters<typeof enqueueRegistrationMails>[2] = [];
    const audits: Parameters<typeof recordAudits>[1] = [];
    for (const { i, r, existing, values } of rows) {
      const row = byUser.get(r.actor.id)!;
      const { status } = values;
      const position = positions.get(row.id) ?? null;
      const d = r.data;
      // a fresh registration has no earlier choices to clear: only touch registration_sessions when there is something to do
      const sessions = existing || d.sessions?.length ? await recordChoices(tx, event.id, row.id, d.sessions ?? [], status !== "waitlisted", r.stale?.sessions) : [];
      const kind: MailKind = status === "confirmed" ? "confirmed" : status === "pending" ? "pending" : "waitlisted";
      const locale = found.locales.find((l) => l.id === r.actor.id)?.locale ?? null;
      mails.push({ kind, r: { ...row, locale, waitlistPosition: position } });
      audits.push({
        actor: r.actor,
        entry: {
          action: "registration.create",
          entity: "registration",
          entityId: row.id,
          eventId: event.id,
          after: { status, category: row.category, siteVisit: row.siteVisit, busId: row.busId, waitlistPosition: position, ...(sessions.length ? { sessions } : {}) },
          ip: r.ip,
        },
      });
      settled[i] = {
        ok: {
          id: row.id,
          eventId: event.id,
          eventSlug: event.slug,
          status,
          ...(status === "confirmed" ? { ticketCode: row.ticketCode } : {}),
          ...(position ? { waitlistPosition: position } : {}),
        },
      };
    }
    await enqueueRegistrationMails(tx, event, mails);
    await recordAudits(tx, audits);
    return settled;
  });
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
