/**
 * THE JSON body reader of every route handler: route handlers get bodies through it, via the route
 * family (lib/actions/route.ts, `body: zodSchema`), never through req.json().
 *
 *   - Content-Type other than JSON                      → 415
 *   - over the size cap (Content-Length or streamed)     → 413, never more than the cap held in memory
 *   - empty or malformed JSON                            → 400 — the request is not JSON at all, so it is a syntax
 *     error of the request (RFC 9110 §15.5.1), not content the server understood and refused; one code everywhere
 *     (it used to be 400 on the auth routes and 422 elsewhere), documented in the OpenAPI document
 *   - JSON that is not an object                         → 422
 *   - NUL (U+0000) in any string or key                   → 422 (Postgres cannot store it)
 * Each refusal is a BodyError that errorResponse (lib/http/domain-errors.ts) answers with its status.
 */
import { BodyError, jsonBodyLimit, readBodyText } from "./body-limit";
import { NUL_MESSAGE, nulPath } from "./nul";

export async function readJson(req: Request, maxBytes = jsonBodyLimit()): Promise<Record<string, unknown>> {
  const type = req.headers.get("content-type");
  if (type && !/^application\/([\w.+-]*\+)?json\b/i.test(type.trim())) {
    throw new BodyError(415, "errors.bodyWrongType");
  }
  const text = await readBodyText(req, maxBytes);
  if (!text.trim()) throw new BodyError(400, "errors.bodyEmpty");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BodyError(400, "errors.bodyNotJson");
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new BodyError(422, "errors.bodyNotObject");
  const at = nulPath(value);
  if (at !== null) throw new BodyError(422, NUL_MESSAGE, { at: at || "-" });
  return value as Record<string, unknown>;
}

export { BodyError, jsonBodyLimit };
