/** Shared bits of the registration API routes and actions: the caller's language and DomainError → HTTP status. */
import "server-only";
import { DomainError, HTTP_STATUS } from "@/lib/actions/result";
import { readBodyText } from "@/lib/http/body-limit";
import { errorResponse } from "@/lib/http/domain-errors";
import { jsonError } from "@/lib/http/responses";
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

/** lib/http's errorResponse, with "please sign in" in the caller's language. */
export async function apiFailure(e: unknown, where: string, locale: Locale) {
  if (e instanceof DomainError && e.code === "unauthenticated") return jsonError(HTTP_STATUS[e.code], registrationT(locale)("signInRequired"));
  return errorResponse(e, where);
}

/** The JSON body (413 past the size limit, like every API route), or a 422 in the caller's language. */
export async function jsonBody(req: Request, locale: Locale): Promise<unknown> {
  const text = await readBodyText(req);
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError("invalid", registrationT(locale)("errors.invalid"), { _: ["JSON body expected"] });
  }
}
