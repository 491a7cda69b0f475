"use server";
// Guard: organizer actions are eventAction("registration.manage", …), the attendee's own userAction("registration.own", …) (ownership checked in the command); register/sign-up are publicAction (anyone may register, throttled). tests/db/guards.test.ts covers each.
/**
 * Registration server actions, thin on the family (lib/actions/define.ts):
 *  - the organizer's console (registration.manage on the forum in the input; every command scopes its writes by
 *    that forum, so ids of another forum are simply not found);
 *  - the attendee's own registrations and personal agenda (registration.own; ownership is enforced by each
 *    command's WHERE clause);
 *  - registering from a forum's form: `registerAction` for signed-in people (registration.create) and
 *    `signUpAndRegisterAction`, the newcomer's inline sign-up — deliberately public like sign-up itself (it creates
 *    the account through lib/accounts' signUp, with its throttling), then registers as that new account.
 * Errors a person sees here are in the language of the request (requestLocale).
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signUp } from "@/lib/accounts/commands";
import { eventAction, publicAction, userAction, type Failure } from "@/lib/actions/define";
import { DomainError, type ActionResult, type FieldErrors } from "@/lib/actions/result";
import { signIn } from "@/lib/auth/auth";
import type { Actor } from "@/lib/auth/permissions";
import { clientIp } from "@/lib/auth/request-info";
import type { Db } from "@/db/client";
import type { Locale } from "@/lib/i18n/config";
import { requestLocale } from "@/lib/i18n/request";
import { addGuest, assignBus, autoFillBuses, changeRegistrationStatus, updateRegistration as updateByOrganizer } from "./admin-commands";
import { assignBusSchema, autoFillSchema, guestSchema, statusChangeSchema, updateRegistrationSchema } from "./admin-validation";
import { cancelRegistration, registerForEvent, updateRegistration } from "./commands";
import { translateMessage } from "@/lib/i18n/errors";
import { selectSession, setAllSessions } from "./personal-agenda";
import { answersFromForm, newcomerSchema, registrationSchema } from "./validation";

// ---------------------------------------------------------------- the organizer's console

export const changeStatusAction = eventAction("registration.manage", statusChangeSchema, async ({ db, actor, input }) =>
  changeRegistrationStatus(db, actor, { ...input, locale: await requestLocale() }),
);

export const updateRegistrationAction = eventAction("registration.manage", updateRegistrationSchema, async ({ db, actor, input }) =>
  updateByOrganizer(db, actor, input, await requestLocale()),
);

export const addGuestAction = eventAction("registration.manage", guestSchema, async ({ db, actor, input }) => addGuest(db, actor, input));

export const assignBusAction = eventAction("registration.manage", assignBusSchema, async ({ db, actor, input }) => assignBus(db, actor, { ...input, locale: await requestLocale() }));

export const autoFillBusesAction = eventAction("registration.manage", autoFillSchema, async ({ db, actor, input }) =>
  autoFillBuses(db, actor, { ...input, locale: await requestLocale() }),
);

// Guest CSV import is a file upload: POST /api/v1/events/{slug}/registrations/import (a route, so its size limit is
// enforced while streaming, after the guard — issue 12 item 7), not a server action.

// ---------------------------------------------------------------- the attendee's own registrations

export type RegisterFormState = (ActionResult<{ id: string }> & { values?: Record<string, string> }) | null;

/** "Please sign in" in the caller's language. */
async function localized(f: Failure): Promise<Failure> {
  return f.code === "unauthenticated" ? { ...f, error: translateMessage("registration.signInRequired", await requestLocale()) } : f;
}

const KEEP = ["name", "email", "category", "organization", "position", "phone", "needs", "groupId", "siteVisit"];

/** The typed values, to show again after a refused submission (never the password). */
function keepValues(input: Record<string, unknown>, all = false): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(input)) {
    const last = Array.isArray(v) ? v[v.length - 1] : v;
    if ((all || KEEP.includes(k) || k.startsWith("answers.")) && typeof last === "string" && !k.includes("password")) out[k] = last;
  }
  return out;
}
const withValues = (all = false) => ({ failure: async (f: Failure, { input }: { input: Record<string, unknown> }) => ({ ...(await localized(f)), values: keepValues(input, all) }) });

export const cancelRegistrationAction = userAction(
  "registration.own",
  z.object({ registrationId: z.string().max(64) }),
  async ({ db, actor, input }) => {
    await cancelRegistration(db, actor, { registrationId: input.registrationId, locale: await requestLocale() });
  },
  { revalidate: "/me/registrations", failure: localized },
);

/** Parse with several schemas at once so the form shows every problem in one go. */
function parseForm(locale: Locale, input: Record<string, unknown>, withNewcomer: boolean) {
  const raw = answersFromForm(input);
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

/** The attendee edits their own registration (the form carries registrationId). */
export const updateMyRegistrationAction = userAction(
  "registration.own",
  z.looseObject({ registrationId: z.string().max(64) }),
  async ({ db, actor, input }) => {
    const locale = await requestLocale();
    const { data } = parseForm(locale, input, false);
    const r = await updateRegistration(db, actor, { registrationId: input.registrationId, data, locale });
    revalidatePath(`/me/registrations/${input.registrationId}`);
    return { id: r.id };
  },
  withValues(true),
);

export const selectSessionAction = userAction(
  "registration.own",
  z.object({ sessionId: z.string().max(64), selected: z.enum(["1", "0"]) }),
  async ({ db, actor, input }) => {
    await selectSession(db, actor, { sessionId: input.sessionId, selected: input.selected === "1", locale: await requestLocale() });
  },
  { revalidate: "/me/agenda", failure: localized },
);

/** "Add all" (selected=1) / "clear" (selected=0): every session of one public forum on or off the caller's agenda. */
export const setAllSessionsAction = userAction(
  "registration.own",
  z.object({ eventId: z.uuid(), selected: z.enum(["1", "0"]) }),
  async ({ db, actor, input }) => {
    await setAllSessions(db, actor, { eventId: input.eventId, selected: input.selected === "1" });
  },
  { revalidate: "/me/agenda", failure: localized },
);

// ---------------------------------------------------------------- registering from the forum's form

const registerInput = z.looseObject({ eventSlug: z.string().min(1).max(200) });

async function registerAndGo(db: Db, actor: Actor, slug: string, locale: Locale, data: ReturnType<typeof parseForm>["data"]): Promise<never> {
  const r = await registerForEvent(db, actor, { eventSlug: slug, data, locale });
  redirect(`/me/registrations/${r.id}?new=1`);
}

/** A signed-in person registers (the form carries eventSlug). */
export const registerAction = userAction(
  "registration.create",
  registerInput,
  async ({ db, actor, input }) => {
    const locale = await requestLocale();
    const { data } = parseForm(locale, input, false);
    return registerAndGo(db, actor, input.eventSlug, locale, data);
  },
  withValues(),
);

export const signUpAndRegisterAction = publicAction(
  "the newcomer's inline sign-up: creates the account (throttled like sign-up), then registers as it",
  registerInput,
  async ({ db, input }) => {
    const locale = await requestLocale();
    const { data, who } = parseForm(locale, input, true);
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
    return registerAndGo(db, { id: user.id, name: user.name, email: user.email, siteRole: "user" }, input.eventSlug, locale, data);
  },
  withValues(),
);
