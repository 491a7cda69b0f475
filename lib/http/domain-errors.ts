/**
 * Route handlers' one error mapping: a BodyError (size, type, malformed JSON) or DomainError becomes its HTTP status
 * with {error, code?, fieldErrors?} in the request's language (+ Retry-After when rate limited); anything else a
 * logged 500 with a reference.
 */
import { DomainError, failureLocale, HTTP_STATUS } from "@/lib/actions/result";
import type { Locale } from "@/lib/i18n/config";
import { translateError } from "@/lib/i18n/errors";
import { BodyError } from "./body-limit";
import { internalError, jsonError } from "./responses";

/** `extra` adds fields to the JSON answer (e.g. the refused registration of a check-in). */
export async function errorResponse(e: unknown, where: string, opts: { locale?: Locale; extra?: Record<string, unknown> } = {}): Promise<Response> {
  if (!(e instanceof BodyError) && !(e instanceof DomainError)) return internalError(e, where);
  const locale = opts.locale ?? (await failureLocale());
  if (e instanceof BodyError) return jsonError(e.status, translateError(e, locale).error, opts.extra);
  const { error, fieldErrors } = translateError(e, locale);
  const status = "status" in e && typeof e.status === "number" ? e.status : HTTP_STATUS[e.code]; // UploadError: 413/415/422
  const res = jsonError(status, error, { code: e.code, ...(fieldErrors ? { fieldErrors } : {}), ...opts.extra });
  const retryAfter = e.extra?.retryAfter;
  if (typeof retryAfter === "number") res.headers.set("Retry-After", String(retryAfter));
  return res;
}
