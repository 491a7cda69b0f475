/**
 * Route handlers' one error mapping: a BodyError (size, type, malformed JSON) or DomainError becomes its HTTP status
 * with {error, fieldErrors?} (+ Retry-After when rate limited); anything else a logged 500 with a reference.
 */
import { DomainError, HTTP_STATUS } from "@/lib/actions/result";
import { BodyError } from "./body-limit";
import { internalError, jsonError } from "./responses";

export async function errorResponse(e: unknown, where: string): Promise<Response> {
  if (e instanceof BodyError) return jsonError(e.status, e.message);
  if (e instanceof DomainError) {
    const res = jsonError(HTTP_STATUS[e.code], e.message, e.fieldErrors ? { fieldErrors: e.fieldErrors } : undefined);
    const retryAfter = e.extra?.retryAfter;
    if (typeof retryAfter === "number") res.headers.set("Retry-After", String(retryAfter));
    return res;
  }
  return internalError(e, where);
}
