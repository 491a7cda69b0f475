/** Shared bit of the registration API routes: "please sign in" in the caller's language (a route `failure` hook). */
import "server-only";
import { DomainError, HTTP_STATUS } from "@/lib/actions/result";
import { jsonError } from "@/lib/http/responses";
import type { Locale } from "@/lib/i18n/config";
import { registrationT } from "./i18n";

export function signInRequiredInCallersLanguage(e: unknown, locale: Locale): Response | undefined {
  if (e instanceof DomainError && e.code === "unauthenticated") return jsonError(HTTP_STATUS[e.code], registrationT(locale)("signInRequired"));
  return undefined;
}
