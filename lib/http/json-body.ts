/**
 * Reading JSON request bodies safely (issue 3 "bad input"): a size cap checked from Content-Length and again while
 * streaming (→ 413 with a clear message), malformed JSON → 400, a non-object → 422, a non-JSON content type → 415.
 *
 *   try { const body = await readJson(req); … } catch (e) { return apiErrorResponse(e, "POST /api/v1/…"); }
 */
import { DomainError } from "@/lib/actions/result";
import { errorResponse } from "./domain-errors";
import { jsonError } from "./responses";

/** Default cap for JSON API bodies (bytes); JSON_BODY_LIMIT_BYTES overrides. Files go through upload routes instead. */
export function jsonBodyLimit(): number {
  const v = Number(process.env.JSON_BODY_LIMIT_BYTES);
  return Number.isFinite(v) && v > 0 ? v : 1024 * 1024;
}

export class BodyError extends Error {
  override name = "BodyError";
  constructor(
    public status: 400 | 413 | 415 | 422,
    message: string,
  ) {
    super(message);
  }
}

const tooLarge = (max: number) => new BodyError(413, `The request body is too large (limit ${Math.round(max / 1024)} KB).`);

export async function readJson(req: Request, maxBytes = jsonBodyLimit()): Promise<Record<string, unknown>> {
  const type = req.headers.get("content-type");
  if (type && !/^application\/([\w.+-]*\+)?json\b/i.test(type.trim())) {
    throw new BodyError(415, "Send the body as JSON (Content-Type: application/json).");
  }
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) throw new BodyError(400, "The request body is empty; send a JSON object.");
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
  if (!text.trim()) throw new BodyError(400, "The request body is empty; send a JSON object.");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BodyError(400, "The request body is not valid JSON.");
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new BodyError(422, "The request body must be a JSON object.");
  return value as Record<string, unknown>;
}

/** BodyError → its status; DomainError → its status (+ Retry-After when rate limited); else a logged 500. */
export async function apiErrorResponse(e: unknown, where: string): Promise<Response> {
  if (e instanceof BodyError) return jsonError(e.status, e.message);
  const res = await errorResponse(e, where);
  const retryAfter = e instanceof DomainError ? e.extra?.retryAfter : undefined;
  if (typeof retryAfter === "number") res.headers.set("Retry-After", String(retryAfter));
  return res;
}
