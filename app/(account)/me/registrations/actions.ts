"use server";
/** The attendee's own registrations and personal agenda. Ownership is enforced by each command's WHERE clause. */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { DomainError, parse, toFailure, type ActionResult } from "@/lib/actions/result";
import { requirePermission } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";
import { cancelRegistration, updateRegistration } from "@/lib/registrations/commands";
import { apiLocale } from "@/lib/registrations/api";
import { registrationT } from "@/lib/registrations/i18n";
import { selectSession } from "@/lib/registrations/personal-agenda";
import { answersFromForm, registrationSchema } from "@/lib/registrations/validation";
import { formDataToObject } from "@/lib/actions/result";
import type { RegisterFormState } from "@/app/(public)/events/[slug]/register/actions";

const idInput = z.object({ registrationId: z.string().max(64) });
const selectInput = z.object({ sessionId: z.string().max(64), selected: z.enum(["1", "0"]) });

async function failure(e: unknown, locale: Locale) {
  const f = await toFailure(e, locale);
  return f.code === "unauthenticated" ? { ...f, error: registrationT(locale)("signInRequired") } : f;
}

export async function cancelRegistrationAction(_prev: ActionResult | null, fd: FormData): Promise<ActionResult> {
  const locale = await apiLocale();
  try {
    const actor = await requirePermission("registration.own");
    const { registrationId } = parse(idInput, fd);
    await cancelRegistration(await getDb(), actor, { registrationId, locale });
    revalidatePath("/me/registrations");
    return { ok: true };
  } catch (e) {
    return failure(e, locale);
  }
}

export async function updateRegistrationAction(registrationId: string, _prev: RegisterFormState, fd: FormData): Promise<RegisterFormState> {
  const locale = await apiLocale();
  try {
    const actor = await requirePermission("registration.own");
    let data;
    try {
      data = parse(registrationSchema(locale), answersFromForm(formDataToObject(fd)));
    } catch (e) {
      if (e instanceof DomainError) throw new DomainError("invalid", "registration.errors.invalid", { fieldErrors: e.fieldErrors });
      throw e;
    }
    const r = await updateRegistration(await getDb(), actor, { registrationId, data, locale });
    revalidatePath(`/me/registrations/${registrationId}`);
    return { ok: true, data: { id: r.id } };
  } catch (e) {
    const values: Record<string, string> = {};
    for (const [k, v] of fd.entries()) if (typeof v === "string") values[k] = v;
    return { ...(await failure(e, locale)), values };
  }
}

export async function selectSessionAction(_prev: ActionResult | null, fd: FormData): Promise<ActionResult> {
  const locale = await apiLocale();
  try {
    const actor = await requirePermission("registration.own");
    const input = parse(selectInput, fd);
    await selectSession(await getDb(), actor, { sessionId: input.sessionId, selected: input.selected === "1", locale });
    revalidatePath("/me/agenda");
    return { ok: true };
  } catch (e) {
    return failure(e, locale);
  }
}
