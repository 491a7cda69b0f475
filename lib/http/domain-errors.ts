/** Route handlers: a DomainError becomes its HTTP status with {error, fieldErrors?}; anything else a logged 500. */
import { DomainError, HTTP_STATUS } from "@/lib/actions/result";
import { BodyError, readBodyText } from "./body-limit";
import { internalError, jsonError } from "./responses";

export function errorResponse(e: unknown, where: string) {
  if (e instanceof BodyError) return jsonError(e.status, e.message);
  if (e instanceof DomainError) return jsonError(HTTP_STATUS[e.code], e.message, e.fieldErrors ? { fieldErrors: e.fieldErrors } : undefined);
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
