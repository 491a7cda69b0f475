/**
 * The guard at the top of every server action and mutating route handler (DESIGN §3.1):
 *
 *   const actor = await requirePermission("registration.manage", { eventId });
 *
 * It re-reads the actor from the database on every call (role changes and disabling take effect at once; for a bearer
 * token within AUTH_CACHE_RECHECK_MS, lib/auth/token-cache.ts) and
 * throws a DomainError ("unauthenticated" / "forbidden") that actions turn into an ActionResult and routes into 401/403.
 */
import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventStaff } from "@/db/schema";
import { DomainError } from "@/lib/actions/result";
import { getDb } from "@/lib/db";
import { requestHeaders } from "@/lib/http/request-headers";
import { currentActor } from "./actor";
import { allows, needsEventScope, PERMISSIONS, type Actor, type EventRole, type Permission } from "./permissions";

export type Scope = { eventId?: string };

/**
 * A forum id no forum has (the nil UUID). `can(actor, p, { eventId: NO_FORUM })` asks a forum-scoped permission
 * about an unknown or malformed forum: it fails for everyone but site-wide roles (admins), so only they learn that
 * the forum is missing (404) while everyone else gets 403. The one copy, for the action and route families.
 */
export const NO_FORUM = "00000000-0000-0000-0000-000000000000";

export async function eventRoleOf(db: Db, userId: string, eventId: string): Promise<EventRole | null> {
  const [row] = await db
    .select({ role: eventStaff.role })
    .from(eventStaff)
    .where(and(eq(eventStaff.userId, userId), eq(eventStaff.eventId, eventId)))
    .limit(1);
  return row?.role ?? null;
}

export async function anyEventRolesOf(db: Db, userId: string): Promise<EventRole[]> {
  const rows = await db.selectDistinct({ role: eventStaff.role }).from(eventStaff).where(eq(eventStaff.userId, userId));
  return rows.map((r) => r.role);
}

/** Does this actor have the permission (in this scope)? For the UI and for the guard alike. */
export async function can(actor: Actor | null, permission: Permission, scope: Scope = {}, db?: Db): Promise<boolean> {
  if (!actor) return false;
  const d = db ?? (await getDb());
  const eventRole = scope.eventId && needsEventScope(permission) ? await eventRoleOf(d, actor.id, scope.eventId) : null;
  const anyEventRoles = "anyEvent" in PERMISSIONS[permission] ? await anyEventRolesOf(d, actor.id) : [];
  return allows(permission, { actor, eventRole, anyEventRoles });
}

/**
 * `can` as an SQL condition on a forum id (a column or a value), for a hot command that finds its forum and checks
 * the permission in its own statement (the check-in desk). Same matrix: the site role is decided here (`allows`), a
 * forum role by the statement, from `event_staff` as it is at that moment.
 */
export function canSql(actor: Actor, permission: Permission, eventId: SQL): SQL {
  if (allows(permission, { actor })) return sql`true`;
  const rule = PERMISSIONS[permission] as { event?: readonly EventRole[]; anyEvent?: readonly EventRole[] };
  const roles = (rs: readonly EventRole[]) => sql.join(rs.map((r) => sql`${r}`), sql`, `);
  const parts: SQL[] = [];
  if (rule.event) parts.push(sql`exists (select 1 from ${eventStaff} where ${eventStaff.userId} = ${actor.id} and ${eventStaff.eventId} = ${eventId} and ${eventStaff.role} in (${roles(rule.event)}))`);
  if (rule.anyEvent) parts.push(sql`exists (select 1 from ${eventStaff} where ${eventStaff.userId} = ${actor.id} and ${eventStaff.role} in (${roles(rule.anyEvent)}))`);
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) {
    const bearer = await requestHeaders()
      .then((h) => h.get("authorization"))
      .catch(() => null);
    throw new DomainError(
      "unauthenticated",
      bearer ? "errors.tokenInvalid" : "errors.signInRequired",
    );
  }
  return actor;
}

export async function requirePermission(permission: Permission, scope: Scope = {}): Promise<Actor> {
  const actor = await requireActor();
  if (!(await can(actor, permission, scope))) throw new DomainError("forbidden", "errors.forbidden");
  return actor;
}
