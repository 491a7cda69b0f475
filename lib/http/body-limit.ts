/** Request bodies are read with a size cap: a declared Content-Length over it, or a stream growing past it → 413. */
import { env } from "@/lib/env";

/** Default cap for JSON API bodies (bytes); JSON_BODY_LIMIT_BYTES overrides. Files go through upload routes instead. */
export function jsonBodyLimit(): number {
  return env.JSON_BODY_LIMIT_BYTES;
}

/**
 * A refusal of the body itself, answered with its status by errorResponse (lib/http/domain-errors). Like a
 * DomainError it carries a message key ("errors.bodyTooLarge") and parameters, translated there.
 */
export class BodyError extends Error {
  override name = "BodyError";
  constructor(
    public status: 400 | 413 | 415 | 422,
    public messageKey: string,
    public params?: Record<string, string | number>,
  ) {
    super(messageKey);
  }
}

const tooLarge = (max: number) => new BodyError(413, "errors.bodyTooLarge", { kb: Math.round(max / 1024) });

/** The body as text, or BodyError(413) without reading more than `maxBytes`. */
export async function readBodyText(req: Request, maxBytes = jsonBodyLimit()): Promise<string> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return "";
  return new TextDecoder().decode(await readCapped(req.body, maxBytes, () => tooLarge(maxBytes)));
}

/**
 * Read a stream whole, but stop (cancelling it) and throw `tooLarge()` as soon as it passes `maxBytes`: never more
 * than the cap is held in memory. Shared by JSON bodies and file uploads (lib/storage).
 */
export async function readCapped(stream: ReadableStream<Uint8Array>, maxBytes: number, tooLarge: () => Error): Promise<Buffer> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}
