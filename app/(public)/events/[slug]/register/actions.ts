"use server";
/**
 * Registering for a forum from its form. `registerAction` is for signed-in people (guard: registration.create);
 * `signUpAndRegisterAction` is the newcomer's inline sign-up: deliberately public like sign-up itself (it creates the
 * account through lib/accounts' signUp, with its throttling), then registers as that new account.
 */
import { redirect } from "next/navigation";
import { signUp } from "@/lib/accounts/commands";
import { DomainError, formDataToObject, toFailure, type ActionResult, type FieldErrors } from "@/lib/actions/result";
import { signIn } from "@/lib/auth/auth";
import { requirePermission } from "@/lib/auth/guard";
import type { Actor } from "@/lib/auth/permissions";
import { clientIp } from "@/lib/auth/request-info";
import { getDb } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";
import { registerForEvent } from "@/lib/registrations/commands";
import { apiLocale } from "@/lib/registrations/api";
import { registrationT } from "@/lib/registrations/i18n";
import { answersFromForm, newcomerSchema, registrationSchema } from "@/lib/registrations/validation";

export type RegisterFormState = (ActionResult<{ id: string }> & { values?: Record<string, string> }) | null;

const KEEP = ["name", "email", "category", "organization", "position", "phone", "needs", "groupId", "siteVisit"];

function keepValues(fd: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of fd.entries()) if ((KEEP.includes(k) || k.startsWith("answers.")) && typeof v === "string") out[k] = v;
  return out;
}

/** Parse with several schemas at once so the form shows every problem in one go. */
function parseForm(locale: Locale, fd: FormData, withNewcomer: boolean) {
  const raw = answersFromForm(formDataToObject(fd));
  const errors: FieldErrors = {};
  const collect = <T,>(r: { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }) => {
    if (r.success) return r.data;
    for (const i of r.error.issues) (errors[i.path.join(".") || "_"] ??= []).push(i.message);
    return null;
  };
  const data = collect(registrationSchema(locale).safeParse(raw));
  const who = withNewcomer ? collect(newcomerSchema(locale).safeParse(raw)) : null;
  if (Object.keys(errors).length || !data) throw new DomainError("invalid", "registration.errors.invalid", { fieldErrors: errors });
  return { data, who };
}

async function finish(slug: string, actor: Actor, locale: Locale, data: ReturnType<typeof parseForm>["data"]): Promise<string> {
  const r = await registerForEvent(await getDb(), actor, { eventSlug: slug, data, locale });
  return r.id;
}

export async function registerAction(slug: string, _prev: RegisterFormState, fd: FormData): Promise<RegisterFormState> {
  const locale = await apiLocale();
  let id: string;
  try {
    const actor = await requirePermission("registration.create");
    const { data } = parseForm(locale, fd, false);
    id = await finish(slug, actor, locale, data);
  } catch (e) {
    return { ...(await localized(e, locale)), values: keepValues(fd) };
  }
  redirect(`/me/registrations/${id}?new=1`);
}

export async function signUpAndRegisterAction(slug: string, _prev: RegisterFormState, fd: FormData): Promise<RegisterFormState> {
  const locale = await apiLocale();
  let id: string;
  try {
    const { data, who } = parseForm(locale, fd, true);
    const db = await getDb();
    let user: { id: string; email: string; name: string };
    try {
      user = await signUp(db, { name: who!.name, email: who!.email, password: who!.password, organization: data.organization, position: data.position, phone: data.phone, locale }, await clientIp());
    } catch (e) {
      if (e instanceof DomainError && e.code === "conflict") {
        throw new DomainError("conflict", "registration.errors.emailTaken", { fieldErrors: { email: ["registration.errors.emailTaken"] } });
      }
      throw e;
    }
    await signIn("credentials", { email: who!.email, password: who!.password, redirect: false });
    id = await finish(slug, { id: user.id, name: user.name, email: user.email, siteRole: "user" }, locale, data);
  } catch (e) {
    return { ...(await localized(e, locale)), values: keepValues(fd) };
  }
  redirect(`/me/registrations/${id}?new=1`);
}

async function localized(e: unknown, locale: Locale) {
  const f = await toFailure(e, locale);
  if (f.code === "unauthenticated") return { ...f, error: registrationT(locale)("signInRequired") };
  return f;
}
