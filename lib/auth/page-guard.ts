/**
 * For pages and layouts (server components): the signed-in actor with a permission, else sign-in (anonymous) or the
 * 403 page (too weak). A page check is for the UI only — every action and route still runs its own guard.
 *
 *   const actor = await pageActor("user.manage", {}, "/admin/users");
 */
import "server-only";
import { forbidden, redirect } from "next/navigation";
import { currentActor } from "./actor";
import { can, type Scope } from "./guard";
import type { Actor, Permission } from "./permissions";

export async function pageActor(permission: Permission, scope: Scope = {}, here = "/"): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/sign-in?next=${encodeURIComponent(here)}`);
  if (!(await can(actor, permission, scope))) forbidden();
  return actor;
}
