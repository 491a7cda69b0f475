/** Shared bits of the registration API routes and actions: the caller's language and DomainError → HTTP status. */
import "server-only";
import { DomainError } from "@/lib/actions/result";
import { errorResponse } from "@/lib/http/domain-errors";
import { requestLocale } from "@/lib/i18n/request";
import type { Locale } from "@/lib/i18n/config";

export async function apiLocale(): Promise<Locale> {
  try {
    return await requestLocale();
  } catch {
    return "zh-CN";
  }
}

/** lib/http's errorResponse, with "please sign in" in the caller's language. */
export async function apiFailure(e: unknown, where: string, locale: Locale) {
  if (e instanceof DomainError && e.code === "unauthenticated") return errorResponse(new DomainError("unauthenticated", "registration.signInRequired"), where, { locale });
  return errorResponse(e, where, { locale });
}
