/**
 * Reading JSON request bodies safely (issue 3 "bad input"): a size cap checked from Content-Length and again while
 * streaming (→ 413 with a clear message), malformed JSON → 400, a non-object → 422, a non-JSON content type → 415.
 *
 *   try { const body = await readJson(req); … } catch (e) { return errorResponse(e, "POST /api/v1/…"); }
 */
import { BodyError, jsonBodyLimit, readBodyText } from "./body-limit";

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
  return value as Record<string, unknown>;
}

export { BodyError, jsonBodyLimit };
