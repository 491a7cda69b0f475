"use server";
/** Profile, password and API tokens of the signed-in user (permission profile.edit: any signed-in user, own data only). */
import { cookies, headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { changePassword, updateProfile } from "@/lib/accounts/commands";
import { changePasswordSchema, profileSchema } from "@/lib/accounts/validation";
import { parse, run, type ActionResult } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit";
import { signIn } from "@/lib/auth/auth";
import { requirePermission } from "@/lib/auth/guard";
import { issueToken, revokeToken } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db";
import { LOCALE_COOKIE } from "@/lib/i18n/config";

export type ProfileFormState = ActionResult<void> | null;

export async function updateProfileAction(_prev: ProfileFormState, fd: FormData): Promise<ProfileFormState> {
  return run(async () => {
    const actor = await requirePermission("profile.edit");
    const input = parse(profileSchema, fd);
    await updateProfile(await getDb(), actor, input);
    (await cookies()).set(LOCALE_COOKIE, input.locale, { path: "/", maxAge: 31536000, sameSite: "lax" });
    revalidatePath("/me");
  });
}

export async function changePasswordAction(_prev: ProfileFormState, fd: FormData): Promise<ProfileFormState> {
  return run(async () => {
    const actor = await requirePermission("profile.edit");
    const input = parse(changePasswordSchema, fd);
    await changePassword(await getDb(), actor, input);
    // Other sessions are now void; keep this one by signing in afresh (a bearer-token caller has no cookie to renew).
    if (!(await headers()).get("authorization")) await signIn("credentials", { email: actor.email, password: input.newPassword, redirect: false });
  });
}

const tokenName = z.object({ name: z.string().trim().max(80).optional() });

export type TokenFormState = ActionResult<{ token: string; expiresAt: string }> | null;

export async function createTokenAction(_prev: TokenFormState, fd: FormData): Promise<TokenFormState> {
  return run(async () => {
    const actor = await requirePermission("profile.edit");
    const { name } = parse(tokenName, fd);
    const db = await getDb();
    const t = await db.transaction(async (tx) => {
      const issued = await issueToken(tx, actor.id, name || "API");
      await recordAudit(tx, actor, { action: "api_token.issue", entity: "api_token", entityId: issued.id, after: { name: name || "API", expiresAt: issued.expiresAt } });
      return issued;
    });
    revalidatePath("/me");
    return { token: t.token, expiresAt: t.expiresAt.toISOString() };
  });
}

export async function revokeTokenAction(fd: FormData): Promise<ActionResult<void>> {
  return run(async () => {
    const actor = await requirePermission("profile.edit");
    const { tokenId } = parse(z.object({ tokenId: z.string().max(64) }), fd);
    await revokeToken(await getDb(), actor, tokenId);
    revalidatePath("/me");
  });
}
