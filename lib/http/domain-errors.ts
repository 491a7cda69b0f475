/** Route handlers: a DomainError becomes its HTTP status with {error, fieldErrors?}; anything else a logged 500. */
import { DomainError, HTTP_STATUS } from "@/lib/actions/result";
import { internalError, jsonError } from "./responses";

export function errorResponse(e: unknown, where: string) {
  if (e instanceof DomainError) return jsonError(HTTP_STATUS[e.code], e.message, e.fieldErrors ? { fieldErrors: e.fieldErrors } : undefined);
  return internalError(e, where);
}

/** The JSON body, or a 422 naming what was expected. */
export async function jsonBody(req: Request, expected: string): Promise<unknown> {
  return req.json().catch(() => {
    throw new DomainError("invalid", `The body must be JSON: ${expected}.`);
  });
}
