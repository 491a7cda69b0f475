/** Shared bits of the registration API routes and actions: the caller's language and DomainError → HTTP status. */
import "server-only";
import { DomainError, HTTP_STATUS } from "@/lib/actions/result";
import { internalError, jsonError } from "@/lib/http/responses";
import { requestLocale } from "@/lib/i18n/request";
import type { Locale } from "@/lib/i18n/config";
import { registrationT } from "./i18n";

export async function apiLocale(): Promise<Locale> {
  try {
    return await requestLocale();
  } catch {
    return "zh-CN";
  }
}

export async function apiFailure(e: unknown, where: string, locale: Locale) {
  if (e instanceof DomainError) {
    const message = e.code === "unauthenticated" ? registrationT(locale)("signInRequired") : e.message;
    return jsonError(HTTP_STATUS[e.code], message, e.fieldErrors ? { fieldErrors: e.fieldErrors } : undefined);
  }
  return internalError(e, where);
}

export async function jsonBody(req: Request, locale: Locale): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new DomainError("invalid", registrationT(locale)("errors.invalid"), { _: ["JSON body expected"] });
  }
}
