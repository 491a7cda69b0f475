"use server";
// Deliberately without requireActor(): signing in and up is how one becomes an actor; throttled (lib/auth/limits).
/**
 * Sign-in, sign-up, sign-out. Deliberately public (guard manifest: "public"): they are how one becomes an actor.
 * Sign-in and sign-up are throttled in the database (lib/auth/limits); failures never say whether an email exists.
 */
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signUp } from "@/lib/accounts/commands";
import { localeOfEmail } from "@/lib/accounts/queries";
import { signUpSchema } from "@/lib/accounts/validation";
import { DomainError, parse, toFailure, type ActionResult } from "@/lib/actions/result";
import { oauthProviderList, signIn, signOut, SignInRefused } from "@/lib/auth/auth";
import { BAD_CREDENTIALS } from "@/lib/auth/credentials";
import { clientIp } from "@/lib/auth/request-info";
import { getDb } from "@/lib/db";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { requestLocale } from "@/lib/i18n/request";
import { nextParam } from "./next-param";

export type AuthFormState = (ActionResult & { retryAfter?: number; values?: Record<string, string> }) | null;

const signInInput = z.object({ email: z.string().max(300).default(""), password: z.string().max(1024).default("") });

async function credentialsSignIn(email: string, password: string): Promise<AuthFormState> {
  try {
    await signIn("credentials", { email, password, redirect: false });
    return null;
  } catch (e) {
    if (e instanceof SignInRefused) {
      const retryAfter = e.refusal.extra?.retryAfter as number | undefined;
      return { ...(await toFailure(e.refusal)), retryAfter };
    }
    return await toFailure(e);
  }
}

export async function signInAction(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const input = signInInput.safeParse({ email: formData.get("email") ?? "", password: formData.get("password") ?? "" });
  // Absurd input (a 10 MB "email") is simply wrong credentials: same answer, nothing checked or written.
  if (!input.success) return toFailure(new DomainError("unauthenticated", BAD_CREDENTIALS));
  const { email, password } = input.data;
  const failure = await credentialsSignIn(email, password);
  if (failure) return { ...failure, values: { email } };
  // The account's language applies unless this browser already chose one with the language switch.
  const jar = await cookies();
  const locale = jar.has(LOCALE_COOKIE) ? null : await localeOfEmail(await getDb(), email);
  if (locale) jar.set(LOCALE_COOKIE, locale, { path: "/", maxAge: 31536000, sameSite: "lax" });
  redirect(nextParam(formData.get("next")?.toString(), "/"));
}

export async function signUpAction(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const values = Object.fromEntries(["name", "email", "organization", "position", "phone"].map((k) => [k, String(formData.get(k) ?? "")]));
  try {
    const input = parse(signUpSchema, formData);
    input.locale ??= await requestLocale(); // the language the form was filled in
    await signUp(await getDb(), input, await clientIp());
    const failure = await credentialsSignIn(input.email, input.password);
    if (failure) return { ...failure, values };
  } catch (e) {
    const retryAfter = e instanceof DomainError ? (e.extra?.retryAfter as number | undefined) : undefined;
    return { ...(await toFailure(e)), retryAfter, values };
  }
  redirect(nextParam(formData.get("next")?.toString(), "/me"));
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}

/** "Sign in with …" for the OAuth / OIDC providers configured by env vars (none by default). */
export async function oauthSignInAction(formData: FormData): Promise<void> {
  const provider = String(formData.get("provider") ?? "");
  if (!oauthProviderList().some((p) => p.id === provider)) redirect("/sign-in");
  await signIn(provider, { redirectTo: nextParam(formData.get("next")?.toString(), "/") });
}
