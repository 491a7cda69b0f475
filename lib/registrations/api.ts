/** Shared bit of the registration API routes: "please sign in" in the caller's language (a route `failure` hook). */
import "server-only";
import { DomainError } from "@/lib/actions/result";
import { errorResponse } from "@/lib/http/domain-errors";
import type { Locale } from "@/lib/i18n/config";

/** A route's `failure` option: "please sign in" in the caller's language (the rest falls back to errorResponse). */
export function signInRequiredInCallersLanguage(e: unknown, locale: Locale): Promise<Response> | undefined {
  if (e instanceof DomainError && e.code === "unauthenticated") return errorResponse(new DomainError("unauthenticated", "registration.signInRequired"), "sign-in required", { locale });
  return undefined;
}
