"use server";
/** /admin/users: site role, disabling, per-forum organizer/staff roles. Admin only (user.manage, event.staff.manage). */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { grantEventRole, revokeEventRole, setSiteRole, setUserDisabled } from "@/lib/accounts/admin";
import { parse, run, type ActionResult } from "@/lib/actions/result";
import { requirePermission } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";

const uuid = z.uuid({ error: "errors.unknownId" });

/** The forum in scope, when the form names a well-formed one (the guard runs before full validation). */
function eventScope(fd: FormData) {
  const eventId = fd.get("eventId");
  return typeof eventId === "string" && uuid.safeParse(eventId).success ? { eventId } : {};
}

export async function setSiteRoleAction(fd: FormData): Promise<ActionResult<{ changed: boolean }>> {
  return run(async () => {
    const actor = await requirePermission("user.manage");
    const input = parse(z.object({ userId: uuid, siteRole: z.enum(["admin", "user"]) }), fd);
    const r = await setSiteRole(await getDb(), actor, input);
    revalidatePath("/admin/users");
    return r;
  });
}

export async function setUserDisabledAction(fd: FormData): Promise<ActionResult<{ changed: boolean }>> {
  return run(async () => {
    const actor = await requirePermission("user.manage");
    const input = parse(z.object({ userId: uuid, disabled: z.enum(["true", "false"]).transform((v) => v === "true") }), fd);
    const r = await setUserDisabled(await getDb(), actor, input);
    revalidatePath("/admin/users");
    return r;
  });
}

export type GrantState = ActionResult<{ changed: boolean }> | null;

export async function grantEventRoleAction(_prev: GrantState, fd: FormData): Promise<GrantState> {
  return run(async () => {
    const actor = await requirePermission("event.staff.manage", eventScope(fd));
    const input = parse(z.object({ userId: uuid, eventId: uuid, role: z.enum(["organizer", "staff"], { error: "errors.chooseEventRole" }) }), fd);
    const r = await grantEventRole(await getDb(), actor, input);
    revalidatePath("/admin/users");
    return r;
  });
}

export async function revokeEventRoleAction(fd: FormData): Promise<ActionResult<{ changed: boolean }>> {
  return run(async () => {
    const actor = await requirePermission("event.staff.manage", eventScope(fd));
    const input = parse(z.object({ userId: uuid, eventId: uuid }), fd);
    const r = await revokeEventRole(await getDb(), actor, input);
    revalidatePath("/admin/users");
    return r;
  });
}
