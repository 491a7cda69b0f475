"use server";
// Guard: userAction("profile.edit" | "user.manage", …) for a signed-in user's own things and site admin; sign-in/sign-up/sign-out are publicAction on purpose (no account yet; throttled per account and IP).
/**
 * Account server actions, thin on the family (lib/actions/define.ts):
 *  - sign-in, sign-up, sign-out, OAuth sign-in: deliberately public (publicAction) — they are how one becomes an
 *    actor. Sign-in and sign-up are throttled in the database (lib/auth/limits); failures never say whether an email
 *    exists;
 *  - the signed-in user's profile, password and API tokens (profile.edit: own data only);
 *  - the admin's user management (user.manage; event.staff.manage on the forum in the input).
 */
import { cookies } from "next/headers";
import { requestHeaders } from "@/lib/http/request-headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction, userAction, type Failure } from "@/lib/actions/define";
import { DomainError, parse, type ActionResult } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit";
import { oauthProviderList, signIn, signOut, SignInRefused } from "@/lib/auth/auth";
import { BAD_CREDENTIALS } from "@/lib/auth/credentials";
import { clientIp } from "@/lib/auth/request-info";
import { issueToken, revokeToken } from "@/lib/auth/tokens";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { requestLocale } from "@/lib/i18n/request";
import { setSiteRole, setUserDisabled } from "./admin";
import { changePassword, signUp, updateProfile } from "./commands";
import { nextParam } from "./next-param";
import { localeOfEmail } from "./queries";
import { changePasswordSchema, profileSchema, signUpSchema } from "./validation";

// ---------------------------------------------------------------- signing in and up (public)

export type AuthFormState = (ActionResult & { retryAfter?: number; values?: Record<string, string> }) | null;

const YEAR = { path: "/", maxAge: 31536000, sameSite: "lax" as const };

/** Sign in with the credentials provider; a refusal (bad credentials, throttled) is thrown as its DomainError. */
async function credentialsSignIn(email: string, password: string): Promise<void> {
  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (e) {
    if (e instanceof SignInRefused) throw e.refusal;
    throw e;
  }
}

/** The form's values to show again (never the password) and, when throttled, how long to wait. */
const keepForm = (keys: string[]) => ({
  failure: (f: Failure, { error, input }: { error: unknown; input: Record<string, unknown> }) => ({
    ...f,
    retryAfter: error instanceof DomainError ? (error.extra?.retryAfter as number | undefined) : undefined,
    values: Object.fromEntries(keys.map((k) => [k, typeof input[k] === "string" ? (input[k] as string) : ""])),
  }),
});

const signInInput = z.object({ email: z.string().default(""), password: z.string().default(""), next: z.string().optional() });

export const signInAction = publicAction(
  "how one becomes an actor; throttled per account and IP",
  signInInput,
  async ({ db, input }) => {
    // Absurd input (a 10 MB "email") is simply wrong credentials: same answer, nothing checked or written.
    if (input.email.length > 300 || input.password.length > 1024) throw new DomainError("unauthenticated", BAD_CREDENTIALS);
    await credentialsSignIn(input.email, input.password);
    // The account's language applies unless this browser already chose one with the language switch.
    const jar = await cookies();
    const locale = jar.has(LOCALE_COOKIE) ? null : await localeOfEmail(db, input.email);
    if (locale) jar.set(LOCALE_COOKIE, locale, YEAR);
    redirect(nextParam(input.next, "/"));
  },
  keepForm(["email"]),
);

export const signUpAction = publicAction(
  "self-service sign-up; throttled per IP",
  z.looseObject({ next: z.string().optional() }),
  async ({ db, input }) => {
    const data = parse(signUpSchema, input);
    data.locale ??= await requestLocale(); // the language the form was filled in
    await signUp(db, data, await clientIp());
    await credentialsSignIn(data.email, data.password);
    redirect(nextParam(input.next, "/me"));
  },
  keepForm(["name", "email", "organization", "position", "phone"]),
);

export const signOutAction = publicAction("clears the caller's own session cookie only; writes nothing", z.object({}), async () => {
  await signOut({ redirectTo: "/" });
});

/** "Sign in with …" for the OAuth / OIDC providers configured by env vars (none by default). */
export const oauthSignInAction = publicAction(
  "starts an OAuth/OIDC sign-in with an env-configured provider; writes nothing itself",
  z.object({ provider: z.string().max(100).default(""), next: z.string().optional() }),
  async ({ input }) => {
    if (!oauthProviderList().some((p) => p.id === input.provider)) redirect("/sign-in");
    await signIn(input.provider, { redirectTo: nextParam(input.next, "/") });
  },
);

// ---------------------------------------------------------------- the signed-in user's own account

export type ProfileFormState = ActionResult<void> | null;

export const updateProfileAction = userAction(
  "profile.edit",
  profileSchema,
  async ({ db, actor, input }) => {
    await updateProfile(db, actor, input);
    (await cookies()).set(LOCALE_COOKIE, input.locale, YEAR);
  },
  { revalidate: "/me" },
);

export const changePasswordAction = userAction("profile.edit", changePasswordSchema, async ({ db, actor, input }) => {
  await changePassword(db, actor, input);
  // Other sessions are now void; keep this one by signing in afresh (a bearer-token caller has no cookie to renew).
  if (!(await requestHeaders()).get("authorization")) await signIn("credentials", { email: actor.email, password: input.newPassword, redirect: false });
});

export type TokenFormState = ActionResult<{ token: string; expiresAt: string }> | null;

export const createTokenAction = userAction(
  "profile.edit",
  z.object({ name: z.string().trim().max(80, { error: "admin.errors.too_long" }).optional() }),
  async ({ db, actor, input }) => {
    const name = input.name || "API";
    const t = await db.transaction(async (tx) => {
      const issued = await issueToken(tx, actor.id, name);
      await recordAudit(tx, actor, { action: "api_token.issue", entity: "api_token", entityId: issued.id, after: { name, expiresAt: issued.expiresAt } });
      return issued;
    });
    return { token: t.token, expiresAt: t.expiresAt.toISOString() };
  },
  { revalidate: "/me" },
);

export const revokeTokenAction = userAction("profile.edit", z.object({ tokenId: z.string().max(64) }), ({ db, actor, input }) => revokeToken(db, actor, input.tokenId), {
  revalidate: "/me",
});

// ---------------------------------------------------------------- user management (admins)

const uuid = z.uuid({ error: "errors.unknownId" });
const users = { revalidate: "/admin/users" };

export const setSiteRoleAction = userAction("user.manage", z.object({ userId: uuid, siteRole: z.enum(["admin", "user"]) }), ({ db, actor, input }) => setSiteRole(db, actor, input), users);

export const setUserDisabledAction = userAction(
  "user.manage",
  z.object({ userId: uuid, disabled: z.enum(["true", "false"]).transform((v) => v === "true") }),
  ({ db, actor, input }) => setUserDisabled(db, actor, input),
  users,
);

// Forum roles are granted and removed on each forum's Team tab (lib/team/actions.ts), not here: one way to staff a forum.
