/**
 * User management for site admins (permission user.manage / event.staff.manage / audit.read): reads and commands.
 * `actor` is null only for the operator CLI (scripts/cli.ts), which has no signed-in user; the audit log says "system".
 */
import "server-only";
import { and, asc, count, desc, eq, gte, ilike, inArray, isNotNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, events, eventStaff, users } from "@/db/schema";
import { DomainError } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit";
import type { Actor, EventRole, SiteRole } from "@/lib/auth/permissions";
import { forgetUserTokens } from "@/lib/auth/token-cache";
import { EVENT_STAFF_ROLES } from "@/lib/shared/enums";

export const PAGE_SIZE = 50;

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The admin users page's role filter: site admins, a forum role anywhere, or disabled accounts. */
export const USER_ROLE_FILTERS = ["admin", ...EVENT_STAFF_ROLES, "disabled"] as const;
export type UserFilter = { q?: string; role?: (typeof USER_ROLE_FILTERS)[number]; page?: number };

export async function listUsers(db: Db, f: UserFilter) {
  const where: SQL[] = [];
  if (f.q) where.push(or(ilike(users.name, like(f.q)), ilike(users.email, like(f.q)), ilike(users.organization, like(f.q)))!);
  if (f.role === "admin") where.push(eq(users.siteRole, "admin"));
  if (f.role === "disabled") where.push(isNotNull(users.disabledAt));
  if (f.role === "organizer" || f.role === "staff") {
    where.push(inArray(users.id, db.select({ id: eventStaff.userId }).from(eventStaff).where(eq(eventStaff.role, f.role))));
  }
  const cond = where.length ? and(...where) : undefined;
  const page = Math.max(1, f.page ?? 1);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        organization: users.organization,
        siteRole: users.siteRole,
        disabledAt: users.disabledAt,
        createdAt: users.createdAt,
      })
      .from(users)
      .where(cond)
      .orderBy(desc(users.createdAt), asc(users.email))
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE),
    db.select({ total: count() }).from(users).where(cond),
  ]);
  const ids = rows.map((r) => r.id);
  const roles = ids.length
    ? await db
        .select({ userId: eventStaff.userId, eventId: eventStaff.eventId, role: eventStaff.role, slug: events.slug, title: events.title })
        .from(eventStaff)
        .innerJoin(events, eq(events.id, eventStaff.eventId))
        .where(inArray(eventStaff.userId, ids))
        .orderBy(asc(events.startsAt))
    : [];
  return {
    total,
    page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    users: rows.map((r) => ({ ...r, eventRoles: roles.filter((x) => x.userId === r.id) })),
  };
}

/** Forums to grant roles on (newest first). */
export async function eventChoices(db: Db) {
  return db.select({ id: events.id, slug: events.slug, title: events.title, startsAt: events.startsAt }).from(events).orderBy(desc(events.startsAt)).limit(500);
}

async function lockedUser(tx: Db, userId: string) {
  const [u] = await tx
    .select({ id: users.id, email: users.email, siteRole: users.siteRole, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, userId))
    .for("update");
  if (!u) throw new DomainError("not_found", "errors.userNotFound");
  return u;
}

export async function setSiteRole(db: Db, actor: Actor | null, input: { userId: string; siteRole: SiteRole }) {
  if (input.userId === actor?.id && input.siteRole !== "admin") {
    throw new DomainError("invalid", "errors.cannotDemoteSelf");
  }
  return db.transaction(async (tx) => {
    const u = await lockedUser(tx, input.userId);
    if (u.siteRole === input.siteRole) return { changed: false };
    await tx.update(users).set({ siteRole: input.siteRole }).where(eq(users.id, u.id));
    await recordAudit(tx, actor, { action: "user.role", entity: "user", entityId: u.id, before: { siteRole: u.siteRole }, after: { siteRole: input.siteRole, email: u.email } });
    return { changed: true };
  }).finally(() => forgetUserTokens(db, input.userId));
}

export async function setUserDisabled(db: Db, actor: Actor | null, input: { userId: string; disabled: boolean }) {
  if (input.userId === actor?.id) throw new DomainError("invalid", "errors.cannotDisableSelf");
  return db.transaction(async (tx) => {
    const u = await lockedUser(tx, input.userId);
    if (Boolean(u.disabledAt) === input.disabled) return { changed: false };
    await tx
      .update(users)
      .set({ disabledAt: input.disabled ? sql`now()` : null })
      .where(eq(users.id, u.id));
    await recordAudit(tx, actor, {
      action: input.disabled ? "user.disable" : "user.enable",
      entity: "user",
      entityId: u.id,
      before: { disabled: Boolean(u.disabledAt) },
      after: { disabled: input.disabled, email: u.email },
    });
    return { changed: true };
  }).finally(() => forgetUserTokens(db, input.userId));
}

export async function grantEventRole(db: Db, actor: Actor | null, input: { userId: string; eventId: string; role: EventRole }) {
  return db.transaction(async (tx) => {
    const u = await lockedUser(tx, input.userId);
    const [e] = await tx.select({ id: events.id, slug: events.slug }).from(events).where(eq(events.id, input.eventId)).limit(1);
    if (!e) throw new DomainError("not_found", "errors.forumNotFound");
    const [before] = await tx
      .select({ role: eventStaff.role })
      .from(eventStaff)
      .where(and(eq(eventStaff.eventId, e.id), eq(eventStaff.userId, u.id)));
    if (before?.role === input.role) return { changed: false };
    await putEventRole(tx, actor, { event: e, user: u, role: input.role, before: before?.role ?? null });
    return { changed: true };
  });
}

/**
 * Put a user on a forum's team with a role (added, or changed), audited as event.staff.grant — inside the caller's
 * transaction. The one write behind the site admin's grant and the team's invite of an existing account.
 */
export async function putEventRole(tx: Db, actor: Actor | null, p: { event: { id: string; slug: string }; user: { id: string; email: string }; role: EventRole; before: EventRole | null }) {
  await tx
    .insert(eventStaff)
    .values({ eventId: p.event.id, userId: p.user.id, role: p.role })
    .onConflictDoUpdate({ target: [eventStaff.eventId, eventStaff.userId], set: { role: p.role } });
  await recordAudit(tx, actor, {
    action: "event.staff.grant",
    entity: "event_staff",
    entityId: p.user.id,
    eventId: p.event.id,
    before: p.before ? { role: p.before } : null,
    after: { role: p.role, email: p.user.email, event: p.event.slug },
  });
}

export async function revokeEventRole(db: Db, actor: Actor | null, input: { userId: string; eventId: string }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(eventStaff)
      .where(and(eq(eventStaff.eventId, input.eventId), eq(eventStaff.userId, input.userId)))
      .returning({ role: eventStaff.role });
    if (!row) throw new DomainError("not_found", "errors.roleNotFound");
    await recordAudit(tx, actor, { action: "event.staff.revoke", entity: "event_staff", entityId: input.userId, eventId: input.eventId, before: { role: row.role } });
    return { changed: true };
  });
}

// ------------------------------------------------------------------------------------------------ audit log

export type AuditFilter = { action?: string; entity?: string; actor?: string; eventId?: string; from?: Date; to?: Date; before?: number };

/** Newest first, keyset-paginated by id (`before`), filtered. */
export async function auditEntries(db: Db, f: AuditFilter, limit = 100) {
  const where: SQL[] = [];
  if (f.action) where.push(ilike(auditLog.action, like(f.action)));
  if (f.entity) where.push(eq(auditLog.entity, f.entity));
  if (f.eventId) where.push(eq(auditLog.eventId, f.eventId));
  if (f.actor) where.push(or(ilike(users.email, like(f.actor)), ilike(users.name, like(f.actor)))!);
  if (f.from) where.push(gte(auditLog.at, f.from));
  if (f.to) where.push(lt(auditLog.at, f.to));
  if (f.before) where.push(lt(auditLog.id, f.before));
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      eventId: auditLog.eventId,
      eventSlug: events.slug,
      before: auditLog.before,
      after: auditLog.after,
      ip: auditLog.ip,
      actorName: users.name,
      actorEmail: users.email,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .leftJoin(events, eq(events.id, auditLog.eventId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  return { entries: rows.slice(0, limit), nextBefore: rows.length > limit ? rows[limit - 1].id : null };
}

export async function auditEntities(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ entity: auditLog.entity }).from(auditLog).orderBy(asc(auditLog.entity));
  return rows.map((r) => r.entity);
}

