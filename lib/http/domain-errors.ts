/**
 * Route handlers' one error mapping: a BodyError (size, type, malformed JSON) or DomainError becomes its HTTP status
 * with {error, fieldErrors?} (+ Retry-After when rate limited); anything else a logged 500 with a reference.
 */
import { DomainError, HTTP_STATUS } from "@/lib/actions/result";
import { BodyError, readBodyText } from "./body-limit";
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

/** The JSON body (413 when over the size limit), or a 422 naming what was expected. */
export async function jsonBody(req: Request, expected: string): Promise<unknown> {
  const text = await readBodyText(req); // 413 past JSON_BODY_LIMIT_BYTES (lib/http/body-limit.ts)
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError("invalid", `The body must be JSON: ${expected}.`);
  }
}
