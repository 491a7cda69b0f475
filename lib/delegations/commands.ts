/**
 * Delegation commands. Every write that touches seats runs in ONE transaction that first locks the forum
 * row (`SELECT … FOR UPDATE`, the same lock public registration takes), then the unit's row: quotas, public seats
 * and the waitlist are decided one change at a time, and two reply slips of one unit submitted at the same moment
 * are applied one after the other (the second sees the first), so a unit never ends above its quota.
 *
 * Organizer commands take (db, actor, input) and are scoped by the forum id the guard checked. The liaison's
 * commands take the reply token instead of an actor: the token IS the credential (≥ 128 bits); an unknown or
 * rotated token is "not found", with no hint whether the forum exists.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, eq, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { delegates, delegations, events, organizations, registrations } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { DomainError, type FieldErrorRefs, type FieldErrors } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/permissions";
import type { Locale } from "@/lib/i18n/config";
import { env } from "@/lib/env";
import { zonedToDate } from "@/lib/events/zoned";
import { newTicketCode, promoteWaitlisted, unsafeRegistration } from "@/lib/registrations/commands";
import { translateError, translateMessage } from "@/lib/i18n/errors";
import { delegationT } from "./i18n";
import { enqueueDelegationMessage, formatMoment } from "./notify";
import { seatsTaken } from "./seats";
import { personKey, type DelegateInput, type DelegationCreateInput, type DelegationPatchInput } from "./validation";

type EventRow = typeof events.$inferSelect;
type DelegationRow = typeof delegations.$inferSelect;
type ErrorCode = ConstructorParameters<typeof DomainError>[0];

/** 192 random bits, base64url (32 characters): the liaison's link. */
export function newReplyToken(): string {
  return randomBytes(24).toString("base64url");
}

/** A refusal: the key is under delegations.errors, translated at the boundary (toFailure/errorResponse). */
function fail(_locale: Locale, code: ErrorCode, key: string, params: Record<string, string | number> = {}, fieldErrors?: FieldErrorRefs): never {
  throw new DomainError(code, "delegations.errors." + key, { params, fieldErrors });
}

async function lockEvent(tx: Db, eventId: string): Promise<EventRow | undefined> {
  const [row] = await tx.select().from(events).where(eq(events.id, eventId)).for("update");
  return row;
}

/** Default reply-by: the forum's setting, else 7 days before it starts (never in the past of "now"). */
export function defaultReplyBy(e: Pick<EventRow, "delegationReplyBy" | "startsAt">): Date {
  return e.delegationReplyBy ?? new Date(e.startsAt.getTime() - 7 * 86_400_000);
}

/** Guess the kind of a new organization from its Chinese name (the organizer can edit it later). */
export function guessOrganizationKind(name: string): (typeof organizations.$inferSelect)["kind"] {
  if (/园区|产业园|开发区|高新区|工业园|经开区|新区管委会/.test(name)) return "park";
  if (/大学|学院|研究院|研究所|学会|社科院|党校/.test(name)) return "academic";
  if (/报|新闻|传媒|电视台|广播/.test(name)) return "media";
  if (/公司|集团|有限|股份/.test(name)) return "enterprise";
  if (/厅|局|委|政府|办公室|参事室|人大|政协|街道|乡|镇/.test(name)) return "government";
  return "other";
}

const CATEGORY_OF_KIND = { government: "government", park: "park", enterprise: "enterprise", media: "media", academic: "expert", association: "other", other: "other" } as const;

async function findOrCreateOrganization(tx: Db, name: string) {
  const clean = name.trim();
  const [found] = await tx
    .select()
    .from(organizations)
    .where(sql`lower(${organizations.name}) = lower(${clean})`)
    .limit(1);
  if (found) return found;
  const [made] = await tx.insert(organizations).values({ name: clean, kind: guessOrganizationKind(clean) }).onConflictDoNothing().returning();
  if (made) return made;
  const [row] = await tx
    .select()
    .from(organizations)
    .where(sql`lower(${organizations.name}) = lower(${clean})`)
    .limit(1);
  return row;
}

async function freeSeats(tx: Db, event: EventRow): Promise<number> {
  if (event.capacity == null) return Number.POSITIVE_INFINITY;
  return event.capacity - (await seatsTaken(tx, event.id));
}

// ───────────────────────────── organizer ─────────────────────────────

export type CreatedDelegation = { id: string; organization: string; quota: number; replyBy: Date; replyToken: string };

/**
 * What a bulk invite counts once instead of per row: the free seats and the next unit order. Nothing else changes
 * them meanwhile — the caller's transaction holds the forum's lock.
 */
type BulkCounters = { free: number; next: number };

async function nextSortOrder(tx: Db, eventId: string): Promise<number> {
  const [{ next }] = await tx
    .select({ next: sql<number>`coalesce(max(${delegations.sortOrder}), 0)::int + 1` })
    .from(delegations)
    .where(eq(delegations.eventId, eventId));
  return Number(next);
}

/** Inside the caller's transaction, which holds the forum's lock. */
async function insertDelegation(tx: Db, actor: Actor, event: EventRow, input: DelegationCreateInput, locale: Locale, counters?: BulkCounters): Promise<CreatedDelegation> {
  const org = await findOrCreateOrganization(tx, input.organization);
  const [dup] = await tx
    .select({ id: delegations.id })
    .from(delegations)
    .where(and(eq(delegations.eventId, event.id), eq(delegations.organizationId, org.id)));
  if (dup) fail(locale, "conflict", "alreadyInvited", { unit: org.name }, { organization: [{ key: "delegations.errors.alreadyInvited", params: { unit: org.name } }] });
  const free = counters ? counters.free : await freeSeats(tx, event);
  if (input.quota > free) fail(locale, "conflict", "noSeats", { free: Math.max(0, free), quota: input.quota });
  const next = counters ? counters.next : await nextSortOrder(tx, event.id);
  const replyBy = input.replyBy ?? defaultReplyBy(event);
  const [row] = await tx
    .insert(delegations)
    .values({
      eventId: event.id,
      organizationId: org.id,
      quota: input.quota,
      liaisonName: input.liaison.name,
      liaisonPhone: input.liaison.phone,
      liaisonEmail: input.liaison.email,
      replyBy,
      note: input.note ?? null,
      replyToken: newReplyToken(),
      sortOrder: next,
      linkSentAt: new Date(),
    })
    .returning();
  await enqueueDelegationMessage(tx, "link", { phone: row.liaisonPhone, email: row.liaisonEmail }, event, { unit: org.name, quota: row.quota, replyBy, token: row.replyToken });
  await recordAudit(tx, actor, {
    action: "delegation.create",
    entity: "delegation",
    entityId: row.id,
    eventId: event.id,
    after: { organization: org.name, quota: row.quota, replyBy: replyBy.toISOString(), liaison: row.liaisonName },
  });
  if (counters) {
    counters.free -= row.quota;
    counters.next += 1;
  }
  return { id: row.id, organization: org.name, quota: row.quota, replyBy, replyToken: row.replyToken };
}

export async function createDelegation(db: Db, actor: Actor, input: DelegationCreateInput & { eventId: string; locale?: Locale }): Promise<CreatedDelegation> {
  const locale = input.locale ?? "zh-CN";
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, input.eventId);
    if (!event) fail(locale, "not_found", "unitNotFound");
    return insertDelegation(tx, actor, event, input, locale);
  });
}

export type BulkRowResult = { row: number; ok: true; id: string } | { row: number; ok: false; error: string; fieldErrors?: FieldErrors };

/**
 * Many units at once (pasted list, CSV, XLSX): one transaction under the forum's lock, each row in its own savepoint,
 * so a bad row (invalid, already invited, no seats left) is reported and the others are kept.
 */
export async function bulkCreateDelegations(
  db: Db,
  actor: Actor,
  input: { eventId: string; rows: { row: number; data?: DelegationCreateInput; error?: string; fieldErrors?: FieldErrors }[]; locale?: Locale },
): Promise<{ created: number; failed: number; results: BulkRowResult[] }> {
  const locale = input.locale ?? "zh-CN";
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, input.eventId);
    if (!event) fail(locale, "not_found", "unitNotFound");
    const results: BulkRowResult[] = [];
    const counters: BulkCounters = { free: await freeSeats(tx, event), next: await nextSortOrder(tx, event.id) };
    for (const r of input.rows) {
      if (!r.data) {
        results.push({ row: r.row, ok: false, error: r.error ?? translateMessage("delegations.errors.invalid", locale), fieldErrors: r.fieldErrors });
        continue;
      }
      try {
        const data = r.data;
        const made = await tx.transaction(async (sp) => insertDelegation(sp as unknown as Db, actor, event, data, locale, counters));
        results.push({ row: r.row, ok: true, id: made.id });
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        const said = translateError(e, locale); // a row's refusal is shown in the list, in the caller's language
        results.push({ row: r.row, ok: false, error: said.error, fieldErrors: said.fieldErrors });
      }
    }
    const created = results.filter((r) => r.ok).length;
    return { created, failed: results.length - created, results };
  });
}

async function lockDelegation(tx: Db, eventId: string, id: string, locale: Locale) {
  const [d] = await tx
    .select()
    .from(delegations)
    .where(and(eq(delegations.id, id), eq(delegations.eventId, eventId)))
    .for("update");
  if (!d) fail(locale, "not_found", "unitNotFound");
  return d;
}

/** Delegates of a unit that currently hold (or wait for) a place: not replaced, not cancelled or rejected. */
async function activeDelegates(tx: Db, delegationId: string) {
  return tx
    .select({ d: delegates, r: registrations })
    .from(delegates)
    .innerJoin(registrations, eq(registrations.id, delegates.registrationId))
    .where(and(eq(delegates.delegationId, delegationId), isNull(delegates.replacedById), inArray(registrations.status, ["confirmed", "pending", "waitlisted"])))
    .orderBy(asc(delegates.createdAt), asc(delegates.id));
}

async function orgName(tx: Db, organizationId: string) {
  const [o] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, organizationId));
  return o?.name ?? "";
}

/** Edit quota, reply-by, status (close / reopen), liaison or note. Raising a quota takes free seats under the lock. */
export async function updateDelegation(db: Db, actor: Actor, input: DelegationPatchInput & { eventId: string; id: string; locale?: Locale }) {
  const locale = input.locale ?? "zh-CN";
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, input.eventId);
    if (!event) fail(locale, "not_found", "unitNotFound");
    const d = await lockDelegation(tx, event.id, input.id, locale);
    const changes: Partial<DelegationRow> = {};
    if (input.quota !== undefined && input.quota !== d.quota) {
      const entered = (await activeDelegates(tx, d.id)).length;
      if (input.quota < entered) fail(locale, "invalid", "quotaBelowEntered", { count: entered }, { quota: [{ key: "delegations.errors.quotaBelowEntered", params: { count: entered } }] });
      if (!d.releasedAt && input.quota > d.quota) {
        const free = await freeSeats(tx, event);
        if (input.quota - d.quota > free) fail(locale, "conflict", "noSeats", { free: Math.max(0, free), quota: input.quota });
      }
      changes.quota = input.quota;
    }
    if (input.replyBy !== undefined) {
      changes.replyBy = input.replyBy;
      if (input.replyBy > new Date()) changes.remindedAt = null; // a new deadline deserves its own reminder
    }
    if (input.status !== undefined && input.status !== d.status) {
      // reopening goes back to what the liaison did: replied when a list was submitted
      changes.status = input.status === "closed" ? "closed" : d.lastChangeAt && (await activeDelegates(tx, d.id)).length ? "replied" : "invited";
    }
    if (input.liaison) Object.assign(changes, { liaisonName: input.liaison.name, liaisonPhone: input.liaison.phone, liaisonEmail: input.liaison.email });
    if (input.note !== undefined) changes.note = input.note;
    if (!Object.keys(changes).length) return { id: d.id, changed: false };
    const [row] = await tx.update(delegations).set(changes).where(and(eq(delegations.id, d.id), eq(delegations.eventId, event.id))).returning();
    // a smaller quota on an unreleased unit frees seats for the public waitlist
    if (changes.quota !== undefined && changes.quota < d.quota && !d.releasedAt) await promoteWaitlisted(tx, event, actor);
    await recordAudit(tx, actor, {
      action: "delegation.edit",
      entity: "delegation",
      entityId: d.id,
      eventId: event.id,
      before: { quota: d.quota, replyBy: d.replyBy.toISOString(), status: d.status, liaison: d.liaisonName },
      after: { quota: row.quota, replyBy: row.replyBy.toISOString(), status: row.status, liaison: row.liaisonName },
    });
    return { id: row.id, changed: true };
  });
}

/** Give the unit's unused seats back to the forum (its entered delegates keep theirs) and promote the waitlist. */
export async function releaseDelegation(db: Db, actor: Actor | null, input: { eventId: string; id: string; locale?: Locale }) {
  const locale = input.locale ?? "zh-CN";
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, input.eventId);
    if (!event) fail(locale, "not_found", "unitNotFound");
    const d = await lockDelegation(tx, event.id, input.id, locale);
    if (d.releasedAt) return { id: d.id, released: 0, promoted: 0 };
    const entered = (await activeDelegates(tx, d.id)).length;
    await tx.update(delegations).set({ releasedAt: new Date() }).where(eq(delegations.id, d.id));
    const promoted = await promoteWaitlisted(tx, event, actor);
    await recordAudit(tx, actor, { action: "delegation.release", entity: "delegation", entityId: d.id, eventId: event.id, before: { quota: d.quota }, after: { entered, released: d.quota - entered, promoted: promoted.length } });
    return { id: d.id, released: Math.max(0, d.quota - entered), promoted: promoted.length };
  });
}

/** Remove a unit: its delegates' registrations are cancelled (tickets void), its seats freed, the waitlist promoted. */
export async function deleteDelegation(db: Db, actor: Actor, input: { eventId: string; id: string; locale?: Locale }) {
  const locale = input.locale ?? "zh-CN";
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, input.eventId);
    if (!event) fail(locale, "not_found", "unitNotFound");
    const d = await lockDelegation(tx, event.id, input.id, locale);
    const unit = await orgName(tx, d.organizationId);
    const active = await activeDelegates(tx, d.id);
    if (active.length) {
      await tx
        .update(registrations)
        .set({ status: "cancelled", cancelledAt: new Date() })
        .where(and(eq(registrations.eventId, event.id), inArray(registrations.id, active.map((a) => a.r.id))));
      for (const a of active) await enqueueDelegationMessage(tx, "cancelled", { phone: a.r.phone, email: a.r.email, registrationId: a.r.id }, event, { unit, name: a.r.fullName });
    }
    await tx.delete(delegations).where(and(eq(delegations.id, d.id), eq(delegations.eventId, event.id)));
    const promoted = await promoteWaitlisted(tx, event, actor);
    await recordAudit(tx, actor, { action: "delegation.delete", entity: "delegation", entityId: d.id, eventId: event.id, before: { organization: unit, quota: d.quota, entered: active.length }, after: { promoted: promoted.length } });
    return { id: d.id, cancelled: active.length, promoted: promoted.length };
  });
}

/** Send the unit's link again; with `rotate` the old link stops working first (revocation). */
export async function resendDelegationLink(db: Db, actor: Actor, input: { eventId: string; id: string; rotate?: boolean; locale?: Locale }) {
  const locale = input.locale ?? "zh-CN";
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, input.eventId);
    if (!event) fail(locale, "not_found", "unitNotFound");
    const d = await lockDelegation(tx, event.id, input.id, locale);
    const token = input.rotate ? newReplyToken() : d.replyToken;
    await tx.update(delegations).set({ replyToken: token, linkSentAt: new Date() }).where(eq(delegations.id, d.id));
    await enqueueDelegationMessage(tx, "link", { phone: d.liaisonPhone, email: d.liaisonEmail }, event, { unit: await orgName(tx, d.organizationId), quota: d.quota, replyBy: d.replyBy, token });
    await recordAudit(tx, actor, { action: input.rotate ? "delegation.rotate_link" : "delegation.resend_link", entity: "delegation", entityId: d.id, eventId: event.id });
    return { id: d.id, replyToken: token };
  });
}

// ───────────────────────────── liaison (reply slip) ─────────────────────────────

/** The unit behind a reply token, or "not found" (the same answer for a guessed, rotated or deleted link). */
export async function delegationByToken(db: Db, token: string, locale: Locale = "zh-CN") {
  if (typeof token !== "string" || token.length < 22 || token.length > 64) fail(locale, "not_found", "notFound");
  const [d] = await db.select().from(delegations).where(eq(delegations.replyToken, token)).limit(1);
  if (!d) fail(locale, "not_found", "notFound");
  return d;
}

/** Why the slip is read-only now, if it is. */
export function replyGate(d: Pick<DelegationRow, "status" | "replyBy">, e: Pick<EventRow, "endsAt" | "status">, now = new Date()) {
  if (e.status === "cancelled" || e.endsAt <= now) return "forumOver" as const;
  if (d.status === "closed") return "closed" as const;
  if (d.replyBy <= now) return "deadline" as const;
  return null;
}

function assertOpen(locale: Locale, d: DelegationRow, e: EventRow) {
  const why = replyGate(d, e);
  if (why === "deadline") fail(locale, "conflict", "deadline", { deadline: formatMoment(d.replyBy, e.timezone, locale) });
  if (why) fail(locale, "conflict", why);
}

/** Lock the forum, then the unit (always in this order), re-reading the unit by its token under the lock. */
async function lockForReply(tx: Db, token: string, locale: Locale) {
  const first = await delegationByToken(tx, token, locale);
  const event = await lockEvent(tx, first.eventId);
  if (!event) fail(locale, "not_found", "notFound");
  const [d] = await tx.select().from(delegations).where(eq(delegations.replyToken, token)).for("update");
  if (!d) fail(locale, "not_found", "notFound");
  return { event, d };
}

/** The negative control's read: no locks at all. */
async function readForReply(tx: Db, token: string, locale: Locale) {
  const d = await delegationByToken(tx, token, locale);
  const [event] = await tx.select().from(events).where(eq(events.id, d.eventId));
  return { event, d };
}

/** A travel leg's time: ISO with an offset as is, a local "YYYY-MM-DDTHH:mm" in the forum's zone. */
function legTime(at: string, timeZone: string): string | null {
  const local = zonedToDate(at, timeZone);
  if (local) return local.toISOString();
  if (!/[zZ]|[+-]\d{2}:?\d{2}$/.test(at)) return null;
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

function travel(leg: DelegateInput["arrival"], tz: string) {
  if (!leg) return null;
  const at = legTime(leg.at, tz);
  return at ? { at, by: leg.by, ...(leg.number ? { number: leg.number } : {}), ...(leg.station ? { station: leg.station } : {}) } : undefined;
}

/** Save the slip as a draft: no registrations, nothing checked but the gate and the size. */
export async function saveReplyDraft(db: Db, input: { token: string; delegates: Record<string, unknown>[]; locale?: Locale }) {
  const locale = input.locale ?? "zh-CN";
  return db.transaction(async (tx) => {
    const { event, d } = await lockForReply(tx, input.token, locale);
    assertOpen(locale, d, event);
    if (input.delegates.length > d.quota) fail(locale, "invalid", "overQuota", { quota: d.quota });
    const now = new Date();
    await tx
      .update(delegations)
      .set({ draft: { delegates: input.delegates.slice(0, d.quota), savedAt: now.toISOString() }, lastChangeAt: now })
      .where(eq(delegations.id, d.id));
    return { savedAt: now };
  });
}

export type ReplyOutcome = {
  delegates: { id: string; name: string; status: string; ticketCode: string }[];
  added: number;
  kept: number;
  removed: number;
  replaced: number;
};

/**
 * Submit the reply slip: the list REPLACES the previous one. Kept delegates (same name and phone) keep their
 * registration and ticket; removed ones are cancelled; new ones get a registration (confirmed, or pending when the
 * forum requires approval) and a new ticket; an entry with `replaces` is a substitution (换人): the old registration is
 * cancelled, the old delegate points at the new one, and the swap is audited.
 */
export async function submitReply(db: Db, input: { token: string; delegates: DelegateInput[]; locale?: Locale }): Promise<ReplyOutcome> {
  const locale = input.locale ?? "zh-CN";
  const t = delegationT(locale);
  // NEGATIVE CONTROL for the race test (HUIWU_UNSAFE_REGISTRATION=1, never in production): read the unit's list
  // outside the transaction, without locks, pause, then write — two lists at once then both land.
  let stale: Awaited<ReturnType<typeof activeDelegates>> | null = null;
  if (unsafeRegistration()) {
    stale = await activeDelegates(db, (await delegationByToken(db, input.token, locale)).id);
    await new Promise((r) => setTimeout(r, env.HUIWU_UNSAFE_SLEEP_MS));
  }
  return db.transaction(async (tx) => {
    const { event, d } = stale ? await readForReply(tx, input.token, locale) : await lockForReply(tx, input.token, locale);
    assertOpen(locale, d, event);
    const current = stale ?? (await activeDelegates(tx, d.id));
    const limit = d.releasedAt ? current.length : d.quota;
    if (input.delegates.length > limit) {
      if (d.releasedAt) fail(locale, "invalid", "released", { count: limit });
      fail(locale, "invalid", "overQuota", { quota: d.quota });
    }

    // one person once; travel times readable
    const fieldErrors: FieldErrors = {};
    const keys = new Map<string, number>();
    const emails = new Map<string, number>();
    input.delegates.forEach((p, i) => {
      const k = personKey(p.name, p.phone);
      if (keys.has(k)) (fieldErrors[`delegates.${i}.name`] ??= []).push(t("validation.duplicate"));
      keys.set(k, i);
      if (p.email) {
        if (emails.has(p.email)) (fieldErrors[`delegates.${i}.email`] ??= []).push(t("validation.duplicate"));
        emails.set(p.email, i);
      }
      for (const leg of ["arrival", "departure"] as const) if (travel(p[leg], event.timezone) === undefined) (fieldErrors[`delegates.${i}.${leg}.at`] ??= []).push(t("validation.date"));
    });

    // match against the current list
    const byKey = new Map(current.map((c) => [personKey(c.r.fullName, c.r.phone ?? ""), c]));
    const byId = new Map(current.map((c) => [c.d.id, c]));
    const plan: { p: DelegateInput; i: number; keep?: (typeof current)[number]; replaces?: (typeof current)[number] }[] = [];
    const touched = new Set<string>();
    input.delegates.forEach((p, i) => {
      const same = byKey.get(personKey(p.name, p.phone));
      if (same && !touched.has(same.d.id)) {
        touched.add(same.d.id);
        plan.push({ p, i, keep: same });
        return;
      }
      if (p.replaces) {
        const old = byId.get(p.replaces);
        if (!old || touched.has(old.d.id)) (fieldErrors[`delegates.${i}.name`] ??= []).push("delegations.errors.notReplaceable");
        else {
          touched.add(old.d.id);
          plan.push({ p, i, replaces: old });
          return;
        }
      }
      plan.push({ p, i });
    });

    // an e-mail already registered for this forum by someone else: refuse; a cancelled delegate's frees it
    const wanted = plan.filter((x) => x.p.email).map((x) => x.p.email!);
    if (wanted.length) {
      const taken = await tx.select().from(registrations).where(and(eq(registrations.eventId, event.id), inArray(registrations.email, wanted)));
      for (const reg of taken) {
        const x = plan.find((y) => y.p.email === reg.email)!;
        if (x.keep?.r.id === reg.id) continue;
        const leaving = current.some((c) => c.r.id === reg.id && !touched.has(c.d.id)) || x.replaces?.r.id === reg.id;
        if (leaving || (reg.source === "delegation" && (reg.status === "cancelled" || reg.status === "rejected"))) {
          await tx.update(registrations).set({ email: null }).where(eq(registrations.id, reg.id));
        } else (fieldErrors[`delegates.${x.i}.email`] ??= []).push(t("validation.emailTaken"));
      }
    }
    if (Object.keys(fieldErrors).length) throw new DomainError("invalid", "delegations.errors.invalid", { fieldErrors });

    const unit = await orgName(tx, d.organizationId);
    const [org] = await tx.select({ kind: organizations.kind }).from(organizations).where(eq(organizations.id, d.organizationId));
    const category = CATEGORY_OF_KIND[org?.kind ?? "other"];
    const now = new Date();
    const out: ReplyOutcome["delegates"] = [];
    const cancel = async (c: (typeof current)[number]) => {
      await tx.update(registrations).set({ status: "cancelled", cancelledAt: now }).where(and(eq(registrations.id, c.r.id), eq(registrations.eventId, event.id)));
      await enqueueDelegationMessage(tx, "cancelled", { phone: c.r.phone, email: c.r.email, registrationId: c.r.id }, event, { unit, name: c.r.fullName });
    };
    const delegateFields = (p: DelegateInput) => ({
      gender: p.gender,
      rank: p.rank,
      orderInUnit: p.orderInUnit,
      diet: p.diet,
      ethnicity: p.ethnicity,
      siteVisit: p.siteVisit,
      arrival: travel(p.arrival, event.timezone) ?? null,
      departure: travel(p.departure, event.timezone) ?? null,
      accommodation: p.accommodation,
      note: p.note,
    });
    let added = 0;
    let kept = 0;
    let replaced = 0;
    for (const x of plan) {
      const p = x.p;
      if (x.keep) {
        kept++;
        await tx
          .update(registrations)
          .set({ position: p.position, email: p.email, siteVisit: p.siteVisit, needs: p.diet })
          .where(and(eq(registrations.id, x.keep.r.id), eq(registrations.eventId, event.id)));
        await tx.update(delegates).set(delegateFields(p)).where(eq(delegates.id, x.keep.d.id));
        out.push({ id: x.keep.d.id, name: x.keep.r.fullName, status: x.keep.r.status, ticketCode: x.keep.r.ticketCode });
        continue;
      }
      const status = event.requiresApproval ? ("pending" as const) : ("confirmed" as const);
      const [reg] = await tx
        .insert(registrations)
        .values({
          eventId: event.id,
          status,
          fullName: p.name,
          email: p.email,
          phone: p.phone,
          category,
          organization: unit,
          position: p.position,
          needs: p.diet,
          siteVisit: p.siteVisit,
          ticketCode: newTicketCode(),
          source: "delegation",
          confirmedAt: status === "confirmed" ? now : null,
        })
        .returning();
      // the slip's order is the list's order (createdAt, then id): a replacement takes the replaced person's place,
      // a new person comes after everyone, in the order entered (one transaction shares one database clock)
      const createdAt = x.replaces ? x.replaces.d.createdAt : new Date(now.getTime() + x.i);
      const [del] = await tx.insert(delegates).values({ delegationId: d.id, registrationId: reg.id, ...delegateFields(p), createdAt }).returning();
      out.push({ id: del.id, name: reg.fullName, status: reg.status, ticketCode: reg.ticketCode });
      await enqueueDelegationMessage(tx, status === "confirmed" ? "ticket" : "pending", { phone: reg.phone, email: reg.email, registrationId: reg.id }, event, {
        unit,
        name: reg.fullName,
        code: reg.ticketCode,
      });
      if (x.replaces) {
        replaced++;
        await tx.update(delegates).set({ replacedById: del.id, replacedAt: now }).where(eq(delegates.id, x.replaces.d.id));
        await cancel(x.replaces);
        await recordAudit(tx, null, {
          action: "delegate.substitute",
          entity: "delegate",
          entityId: x.replaces.d.id,
          eventId: event.id,
          before: { delegateId: x.replaces.d.id, name: x.replaces.r.fullName, ticket: "cancelled", unit },
          after: { delegateId: del.id, name: reg.fullName, by: `liaison ${d.liaisonName}` },
        });
      } else added++;
    }
    const removed = current.filter((c) => !touched.has(c.d.id));
    for (const c of removed) await cancel(c);

    await tx.update(delegations).set({ status: "replied", lastChangeAt: now, draft: null }).where(eq(delegations.id, d.id));
    await recordAudit(tx, null, {
      action: "delegation.reply",
      entity: "delegation",
      entityId: d.id,
      eventId: event.id,
      after: { by: `liaison ${d.liaisonName}`, added, kept, replaced, removed: removed.map((c) => c.r.fullName) },
    });
    return { delegates: out, added, kept, removed: removed.length, replaced };
  });
}

// ───────────────────────────── background: reply-by ─────────────────────────────

/** Release every unit whose reply-by has passed (one transaction per forum, under its lock). */
export async function releaseDueDelegations(db: Db, now = new Date()): Promise<number> {
  const due = await db
    .selectDistinct({ eventId: delegations.eventId })
    .from(delegations)
    .where(and(isNull(delegations.releasedAt), lte(delegations.replyBy, now)));
  let released = 0;
  for (const { eventId } of due) {
    released += await db.transaction(async (tx) => {
      const event = await lockEvent(tx, eventId);
      if (!event) return 0;
      const rows = await tx
        .update(delegations)
        .set({ releasedAt: now })
        .where(and(eq(delegations.eventId, eventId), isNull(delegations.releasedAt), lte(delegations.replyBy, now)))
        .returning({ id: delegations.id, quota: delegations.quota });
      const promoted = await promoteWaitlisted(tx, event, null);
      for (const r of rows) await recordAudit(tx, null, { action: "delegation.release", entity: "delegation", entityId: r.id, eventId, after: { automatic: true, promoted: promoted.length } });
      return rows.length;
    });
  }
  return released;
}

const REMINDER_LOCK = 7283412;

/** ONE reminder to each liaison who has not replied, `hours` before reply-by. */
export async function remindDueLiaisons(db: Db, hours: number, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${REMINDER_LOCK})`);
    const rows = await tx
      .update(delegations)
      .set({ remindedAt: now })
      .where(
        and(
          eq(delegations.status, "invited"),
          isNull(delegations.remindedAt),
          isNull(delegations.releasedAt),
          gt(delegations.replyBy, now),
          lte(delegations.replyBy, new Date(now.getTime() + hours * 3600_000)),
        ),
      )
      .returning();
    for (const d of rows) {
      const [event] = await tx.select().from(events).where(eq(events.id, d.eventId));
      if (!event || event.status === "cancelled") continue;
      await enqueueDelegationMessage(tx, "reminder", { phone: d.liaisonPhone, email: d.liaisonEmail }, event, { unit: await orgName(tx, d.organizationId), replyBy: d.replyBy, token: d.replyToken });
    }
    return rows.length;
  });
}

/** Used by check-in: who replaced this registration's delegate, if anyone (for the 409 message). */
export async function replacementOf(db: Db, registrationId: string): Promise<{ name: string; unit: string } | null> {
  const next = alias(delegates, "next_delegate");
  const nextReg = alias(registrations, "next_registration");
  const [r] = await db
    .select({ name: nextReg.fullName, unit: organizations.name })
    .from(delegates)
    .innerJoin(next, eq(next.id, delegates.replacedById))
    .innerJoin(nextReg, eq(nextReg.id, next.registrationId))
    .innerJoin(delegations, eq(delegations.id, delegates.delegationId))
    .innerJoin(organizations, eq(organizations.id, delegations.organizationId))
    .where(eq(delegates.registrationId, registrationId))
    .limit(1);
  return r ?? null;
}
