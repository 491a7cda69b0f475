/**
 * Writes of the forum editor (DESIGN §3.3): each takes (db, actor, input); every UPDATE/DELETE is scoped by the event id
 * the guard checked, so a caller cannot reach another forum's rows by passing their ids.
 */
import "server-only";
import { and, eq, inArray, isNotNull, like, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventOrganizations, events, eventStaff, organizations, outbox, registrationQuestions, registrations } from "@/db/schema";
import { DomainError, type MessageParams } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/permissions";
import { formatEventWhen } from "@/lib/i18n/format";
import { recordAudit } from "@/lib/audit";
import type {
  CreateEventInput,
  EventPatch,
  HostsInput,
  QuestionsInput,
  RegistrationSettingsInput,
  StatusInput,
  UpdateEventInput,
} from "./validation";
import { zonedToDate } from "./zoned";
import { ACTIVE_REGISTRATION_STATUSES } from "@/lib/shared/enums";

export type EventStatus = (typeof events.$inferSelect)["status"];

/** Allowed status changes: publish / unpublish, cancel (notifies registrants), complete. Cancelled and completed are final. */
export const TRANSITIONS: Record<EventStatus, EventStatus[]> = {
  draft: ["published", "cancelled"],
  published: ["draft", "cancelled", "completed"],
  cancelled: [],
  completed: [],
};

export function canTransition(from: EventStatus, to: EventStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

const invalid = (field: string, code: string, params?: MessageParams) => new DomainError("invalid", "errors.checkFields", { fieldErrors: { [field]: [{ key: `admin.errors.${code}`, params }] } });

/** ASCII slug from an English title, else forum-YYYYMMDD. */
export function slugFrom(titleEn: string | null | undefined, startsAt: Date): string {
  const s = (titleEn ?? "")
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return s || `forum-${startsAt.toISOString().slice(0, 10).replace(/-/g, "")}`;
}

/** `base`, else base-2, base-3 … whichever is free. */
export async function uniqueSlug(db: Db, base: string): Promise<string> {
  const taken = new Set(
    (await db.select({ slug: events.slug }).from(events).where(or(eq(events.slug, base), like(events.slug, `${base}-%`)))).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

async function loadEvent(db: Db, eventId: string) {
  const [row] = await db.select().from(events).where(eq(events.id, eventId)).limit(1);
  if (!row) throw new DomainError("not_found", "errors.forumNotFound");
  return row;
}

export async function createEvent(db: Db, actor: Actor, input: CreateEventInput) {
  return db.transaction(async (tx) => {
    const slug = await uniqueSlug(tx, input.slug || slugFrom(input.titleEn, input.startsAt));
    const { slug: _ignored, ...fields } = input;
    const [row] = await tx
      .insert(events)
      .values({ ...fields, slug, status: "draft", createdById: actor.id })
      .returning({ id: events.id, slug: events.slug });
    // The creator runs the new forum.
    await tx.insert(eventStaff).values({ eventId: row.id, userId: actor.id, role: "organizer" }).onConflictDoNothing();
    await recordAudit(tx, actor, { action: "event.create", entity: "event", entityId: row.id, eventId: row.id, after: { slug, title: input.title } });
    return row;
  });
}

export async function updateEvent(db: Db, actor: Actor, input: UpdateEventInput) {
  const { eventId, ...fields } = input;
  return db.transaction(async (tx) => {
    const before = await loadEvent(tx, eventId);
    const [row] = await tx.update(events).set(fields).where(eq(events.id, eventId)).returning({ id: events.id, slug: events.slug });
    await recordAudit(tx, actor, { action: "event.edit", entity: "event", entityId: eventId, eventId, before: { title: before.title, startsAt: before.startsAt, endsAt: before.endsAt }, after: fields });
    return row;
  });
}

/** Publish / unpublish / cancel / complete. Cancelling writes one notification per live registration to the outbox. */
export async function setEventStatus(db: Db, actor: Actor, input: StatusInput) {
  return db.transaction(async (tx) => {
    const [event] = await tx.select().from(events).where(eq(events.id, input.eventId)).for("update");
    if (!event) throw new DomainError("not_found", "errors.forumNotFound");
    if (event.status === input.status) return { id: event.id, slug: event.slug, status: event.status, notified: 0 };
    if (!canTransition(event.status, input.status)) throw invalid("status", "invalid_transition", { from: event.status, to: input.status });
    const [row] = await tx
      .update(events)
      .set({ status: input.status })
      .where(and(eq(events.id, event.id), eq(events.status, event.status)))
      .returning({ id: events.id, slug: events.slug, status: events.status });
    let notified = 0;
    if (input.status === "cancelled") notified = await notifyCancelled(tx, event, input.reason ?? null);
    await recordAudit(tx, actor, { action: `event.${input.status}`, entity: "event", entityId: event.id, eventId: event.id, before: { status: event.status }, after: { status: input.status, notified } });
    return { ...row, notified };
  });
}

async function notifyCancelled(tx: Db, event: typeof events.$inferSelect, reason: string | null): Promise<number> {
  const regs = await tx
    .select({ id: registrations.id, email: registrations.email, userId: registrations.userId, fullName: registrations.fullName })
    .from(registrations)
    .where(and(eq(registrations.eventId, event.id), inArray(registrations.status, [...ACTIVE_REGISTRATION_STATUSES]), isNotNull(registrations.email)));
  if (regs.length === 0) return 0;
  const whenZh = formatEventWhen(event.startsAt, event.endsAt, event.timezone, "zh-CN");
  const whenEn = formatEventWhen(event.startsAt, event.endsAt, event.timezone, "en");
  const subject = `【会议取消】${event.title}${event.titleEn ? ` / Cancelled: ${event.titleEn}` : ""}`;
  const rows = regs.map((r) => ({
    kind: "event_cancelled",
    toEmail: r.email!,
    userId: r.userId,
    eventId: event.id,
    registrationId: r.id,
    subject,
    body: [
      `${r.fullName}，您好：`,
      `很抱歉地通知您，原定于 ${whenZh} 举行的“${event.title}”已取消。${reason ? `\n说明：${reason}` : ""}`,
      "",
      `Dear ${r.fullName},`,
      `we regret that “${event.titleEn ?? event.title}” (${whenEn}) has been cancelled.${reason ? `\nNote: ${reason}` : ""}`,
    ].join("\n"),
  }));
  for (let i = 0; i < rows.length; i += 500) await tx.insert(outbox).values(rows.slice(i, i + 500));
  return rows.length;
}

export async function updateRegistrationSettings(db: Db, actor: Actor, input: RegistrationSettingsInput) {
  return db.transaction(async (tx) => {
    const [event] = await tx.select().from(events).where(eq(events.id, input.eventId)).for("update");
    if (!event) throw new DomainError("not_found", "errors.forumNotFound");
    const opens = input.registrationOpensAt ? zonedToDate(input.registrationOpensAt, event.timezone) : null;
    const closes = input.registrationClosesAt ? zonedToDate(input.registrationClosesAt, event.timezone) : null;
    if (input.registrationOpensAt && !opens) throw invalid("registrationOpensAt", "invalid_time");
    if (input.registrationClosesAt && !closes) throw invalid("registrationClosesAt", "invalid_time");
    return applySettings(tx, actor, event, {
      capacity: input.capacity,
      registrationOpensAt: opens,
      registrationClosesAt: closes,
      requiresApproval: input.requiresApproval,
      waitlistEnabled: input.waitlistEnabled,
    });
  });
}

type Settings = Partial<Pick<typeof events.$inferSelect, "capacity" | "registrationOpensAt" | "registrationClosesAt" | "requiresApproval" | "waitlistEnabled">>;

async function applySettings(tx: Db, actor: Actor, event: typeof events.$inferSelect, s: Settings) {
  const opens = s.registrationOpensAt !== undefined ? s.registrationOpensAt : event.registrationOpensAt;
  const closes = s.registrationClosesAt !== undefined ? s.registrationClosesAt : event.registrationClosesAt;
  if (opens && closes && closes < opens) throw invalid("registrationClosesAt", "closes_before_opens");
  if (s.capacity !== undefined && s.capacity !== null && s.capacity !== event.capacity) {
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(registrations)
      .where(and(eq(registrations.eventId, event.id), eq(registrations.status, "confirmed")));
    if (s.capacity < n) throw invalid("capacity", "capacity_below_confirmed", { n });
  }
  const [row] = await tx.update(events).set(s).where(eq(events.id, event.id)).returning();
  await recordAudit(tx, actor, { action: "event.registration_settings", entity: "event", entityId: event.id, eventId: event.id, after: s });
  return row;
}

/** PATCH /api/v1/events/{slug}: settings and/or a status change, all or nothing. */
export async function patchEvent(db: Db, actor: Actor, eventId: string, patch: EventPatch) {
  return db.transaction(async (tx) => {
    const [event] = await tx.select().from(events).where(eq(events.id, eventId)).for("update");
    if (!event) throw new DomainError("not_found", "errors.forumNotFound");
    const { status, ...rest } = patch;
    const s: Settings = {};
    if (rest.capacity !== undefined) s.capacity = rest.capacity;
    if (rest.requiresApproval !== undefined) s.requiresApproval = rest.requiresApproval;
    if (rest.registrationOpensAt !== undefined) s.registrationOpensAt = rest.registrationOpensAt ? new Date(rest.registrationOpensAt) : null;
    if (rest.registrationClosesAt !== undefined) s.registrationClosesAt = rest.registrationClosesAt ? new Date(rest.registrationClosesAt) : null;
    if (Object.keys(s).length > 0) await applySettings(tx, actor, event, s);
    if (status && status !== event.status) await setEventStatus(tx, actor, { eventId, status, reason: null });
    const [row] = await tx.select().from(events).where(eq(events.id, eventId));
    return row;
  });
}

/** Replace the extra registration questions: kept ids are updated (answers stay linked), new ones added, missing ones removed. */
export async function saveQuestions(db: Db, actor: Actor, input: QuestionsInput) {
  return db.transaction(async (tx) => {
    await loadEvent(tx, input.eventId);
    const existing = await tx.select({ id: registrationQuestions.id }).from(registrationQuestions).where(eq(registrationQuestions.eventId, input.eventId));
    const existingIds = new Set(existing.map((q) => q.id));
    const keep = new Set<string>();
    for (const [i, q] of input.questions.entries()) {
      const values = { label: q.label, labelEn: q.labelEn, kind: q.kind, options: q.kind === "text" ? [] : q.options, required: q.required, order: i + 1 };
      if (q.id && existingIds.has(q.id)) {
        keep.add(q.id);
        await tx.update(registrationQuestions).set(values).where(and(eq(registrationQuestions.id, q.id), eq(registrationQuestions.eventId, input.eventId)));
      } else {
        await tx.insert(registrationQuestions).values({ ...values, eventId: input.eventId });
      }
    }
    const drop = [...existingIds].filter((x) => !keep.has(x));
    if (drop.length) await tx.delete(registrationQuestions).where(and(eq(registrationQuestions.eventId, input.eventId), inArray(registrationQuestions.id, drop)));
    await recordAudit(tx, actor, { action: "event.questions", entity: "event", entityId: input.eventId, eventId: input.eventId, after: { count: input.questions.length } });
    return { count: input.questions.length };
  });
}

/** Find an organization by name (case-insensitive) or create it. */
export async function findOrCreateOrganization(db: Db, name: string, extra: Partial<typeof organizations.$inferInsert> = {}) {
  const clean = name.normalize("NFKC").trim().replace(/\s+/g, " ");
  const [found] = await db.select().from(organizations).where(sql`lower(${organizations.name}) = lower(${clean})`).limit(1);
  if (found) return found;
  const [row] = await db
    .insert(organizations)
    .values({ ...extra, name: clean })
    .onConflictDoNothing()
    .returning();
  if (row) return row;
  const [again] = await db.select().from(organizations).where(sql`lower(${organizations.name}) = lower(${clean})`).limit(1);
  return again;
}

/** Replace the co-host list (order = position in the list, from 1). */
export async function saveHosts(db: Db, actor: Actor, input: HostsInput) {
  return db.transaction(async (tx) => {
    await loadEvent(tx, input.eventId);
    const rows: { organizationId: string; role: HostsInput["hosts"][number]["role"]; order: number }[] = [];
    const renamed: string[] = [];
    const seen = new Set<string>();
    for (const [i, h] of input.hosts.entries()) {
      let orgId = h.organizationId ?? null;
      let nameEn: string | null;
      if (orgId) {
        const [o] = await tx.select({ id: organizations.id, nameEn: organizations.nameEn }).from(organizations).where(eq(organizations.id, orgId));
        if (!o) throw invalid(`hosts.${i}.organizationId`, "invalid_id");
        nameEn = o.nameEn;
      } else {
        const o = await findOrCreateOrganization(tx, h.name!);
        orgId = o.id;
        nameEn = o.nameEn;
      }
      if (h.nameEn !== undefined && h.nameEn !== nameEn && !renamed.includes(orgId)) {
        await tx.update(organizations).set({ nameEn: h.nameEn }).where(eq(organizations.id, orgId));
        await recordAudit(tx, actor, { action: "organization.edit", entity: "organization", entityId: orgId, eventId: input.eventId, before: { nameEn }, after: { nameEn: h.nameEn } });
        renamed.push(orgId);
      }
      const key = `${orgId}|${h.role}`;
      if (seen.has(key)) throw invalid(`hosts.${i}.name`, "duplicate_host");
      seen.add(key);
      rows.push({ organizationId: orgId, role: h.role, order: i + 1 }); // from 1, like every other position
    }
    await tx.delete(eventOrganizations).where(eq(eventOrganizations.eventId, input.eventId));
    if (rows.length) await tx.insert(eventOrganizations).values(rows.map((r) => ({ ...r, eventId: input.eventId })));
    await recordAudit(tx, actor, { action: "event.hosts", entity: "event", entityId: input.eventId, eventId: input.eventId, after: rows });
    return { count: rows.length };
  });
}
