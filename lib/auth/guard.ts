/**
 * The guard at the top of every server action and mutating route handler (DESIGN §3.1):
 *
 *   const actor = await requirePermission("registration.manage", { eventId });
 *
 * It re-reads the actor from the database on every call (role changes and disabling take effect at once) and
 * throws a DomainError ("unauthenticated" / "forbidden") that actions turn into an ActionResult and routes into 401/403.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import { headers } from "next/headers";
import type { Db } from "@/db/client";
import { eventStaff } from "@/db/schema";
import { DomainError } from "@/lib/actions/result";
import { getDb } from "@/lib/db";
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

export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) {
    const bearer = await headers()
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
