/**
 * The upload pipeline (DESIGN §3.9): size limit while reading → type by magic bytes → per-kind size limit →
 * images re-encoded with sharp (metadata incl. EXIF/GPS stripped, orientation applied, pixel limit against
 * decompression bombs, phone and desktop variants) → random keys → bytes into media_blobs.
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import sharp, { type Metadata, type OutputInfo, type Sharp } from "sharp";
import type { Db, Tx } from "@/db/client";
import { media, mediaBlobs, people, reportMedia, type MediaVariant } from "@/db/schema";
import { DomainError, type MessageParams } from "@/lib/actions/result";
import { BodyError, readCapped } from "@/lib/http/body-limit";
import type { Actor } from "@/lib/auth/permissions";
import { errorResponse } from "@/lib/http/domain-errors";
import type { Locale } from "@/lib/i18n/config";
import { putBlob } from "./blobs";
import { detectType, type Detected } from "./detect";
import { IMAGE_VARIANTS, MAX_ATTACHMENT_BYTES, MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, MAX_STORED_EDGE, MAX_UPLOAD_BYTES } from "./limits";

export type UploadRefusal = "too_large" | "unsupported" | "zip_bomb" | "image_bomb" | "corrupt" | "empty";

const HTTP_BY_REASON: Record<UploadRefusal, number> = { too_large: 413, unsupported: 415, zip_bomb: 422, image_bomb: 422, corrupt: 422, empty: 422 };

/** A refused upload: a clear message for the person, a machine-readable reason and an HTTP status for the API. */
export class UploadError extends DomainError {
  constructor(
    public reason: UploadRefusal,
    messageKey: string,
    params?: MessageParams,
  ) {
    super("invalid", messageKey, { params, fieldErrors: { file: [{ key: messageKey, params }] }, extra: { reason } });
  }
  get status() {
    return HTTP_BY_REASON[this.reason];
  }
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** Refuse by the declared length alone (Content-Length / File.size), before reading a byte of the body. */
export function checkDeclaredSize(bytes: number | null | undefined, limit = MAX_UPLOAD_BYTES) {
  if (bytes != null && Number.isFinite(bytes) && bytes > limit) {
    throw new UploadError("too_large", "errors.upload.tooLargeDeclared", { size: mb(bytes), limit: mb(limit) });
  }
}

/** Read a body stream, stopping (and cancelling the stream) as soon as it passes the limit — a 200 MB upload is never held whole. */
export async function readLimited(stream: ReadableStream<Uint8Array> | null, limit = MAX_UPLOAD_BYTES): Promise<Buffer> {
  if (!stream) throw new UploadError("empty", "errors.upload.empty");
  const data = await readCapped(stream, limit, () => new UploadError("too_large", "errors.upload.tooLarge", { limit: mb(limit) }));
  if (data.length === 0) throw new UploadError("empty", "errors.upload.empty");
  return data;
}

/**
 * The body of an upload route (issue 12 item 7): files go to route handlers, never to server actions, so the limit is
 * enforced while streaming and only after the route family has checked who is calling. Call it in the handler (after
 * the guard): the X-Huiwu-Upload: 1 header (a cross-site form cannot send it without a CORS preflight, so it also
 * stops CSRF) → 400; a declared Content-Length over `limit` → 413 before a byte is read; a (chunked) stream growing
 * past `limit` → 413, cancelled there; empty → 422.
 */
export async function readUploadBody(req: Request, limit = MAX_UPLOAD_BYTES): Promise<Buffer> {
  if (req.headers.get("x-huiwu-upload") !== "1") throw new BodyError(400, "errors.uploadHeader");
  const length = req.headers.get("content-length");
  checkDeclaredSize(length ? Number(length) : null, limit);
  return readLimited(req.body, limit);
}

export type ProcessedFile = {
  type: Detected;
  main: { data: Buffer; mime: string; width: number | null; height: number | null };
  variants: { name: string; data: Buffer; mime: string; width: number; height: number }[];
};

/** Check and transform one file's bytes. Throws UploadError with a person-readable reason. */
export async function processUpload(bytes: Buffer): Promise<ProcessedFile> {
  if (bytes.length === 0) throw new UploadError("empty", "errors.upload.empty");
  const detected = detectType(bytes);
  if (!detected.ok) throw new UploadError(detected.reason, detected.detail);
  const type = detected.type;
  if (type.kind === "attachment") {
    if (bytes.length > MAX_ATTACHMENT_BYTES) throw new UploadError("too_large", "errors.upload.attachmentTooLarge", { limit: mb(MAX_ATTACHMENT_BYTES) });
    return { type, main: { data: bytes, mime: type.mime, width: null, height: null }, variants: [] };
  }
  if (bytes.length > MAX_IMAGE_BYTES) throw new UploadError("too_large", "errors.upload.imageTooLarge", { limit: mb(MAX_IMAGE_BYTES) });
  return { type, ...(await reencodeImage(bytes, type.mime)) };
}

const SHARP_INPUT = { limitInputPixels: MAX_IMAGE_PIXELS, failOn: "error" as const, sequentialRead: true };
const EXPECTED_FORMAT = { "image/jpeg": "jpeg", "image/png": "png", "image/webp": "webp" } as const;

async function reencodeImage(bytes: Buffer, mime: keyof typeof EXPECTED_FORMAT) {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, SHARP_INPUT).metadata();
  } catch (e) {
    if (e instanceof Error && /pixel limit/i.test(e.message)) throw new UploadError("image_bomb", "errors.upload.imageBomb");
    throw new UploadError("corrupt", "errors.upload.corrupt");
  }
  if (meta.format !== EXPECTED_FORMAT[mime] || !meta.width || !meta.height) {
    throw new UploadError("corrupt", "errors.upload.corrupt");
  }
  if (meta.width * meta.height > MAX_IMAGE_PIXELS) {
    throw new UploadError("image_bomb", "errors.upload.pixelLimit", { width: meta.width, height: meta.height, megapixels: MAX_IMAGE_PIXELS / 1_000_000 });
  }
  const encode = (s: Sharp) =>
    mime === "image/jpeg" ? s.jpeg({ quality: 82, mozjpeg: true }) : mime === "image/png" ? s.png({ compressionLevel: 9 }) : s.webp({ quality: 80 });
  let main: { data: Buffer; info: OutputInfo };
  try {
    // rotate() applies the EXIF orientation; without withMetadata()/keepExif() sharp writes no EXIF, XMP, IPTC or GPS.
    main = await encode(
      sharp(bytes, SHARP_INPUT).rotate().resize({ width: MAX_STORED_EDGE, height: MAX_STORED_EDGE, fit: "inside", withoutEnlargement: true }),
    ).toBuffer({ resolveWithObject: true });
  } catch (e) {
    if (e instanceof Error && /pixel limit/i.test(e.message)) throw new UploadError("image_bomb", "errors.upload.imageBomb");
    throw new UploadError("corrupt", "errors.upload.corrupt");
  }
  const variants: ProcessedFile["variants"] = [];
  for (const v of IMAGE_VARIANTS) {
    if (main.info.width <= v.width) continue;
    const out = await sharp(main.data).resize({ width: v.width }).webp({ quality: 78 }).toBuffer({ resolveWithObject: true });
    variants.push({ name: v.name, data: out.data, mime: "image/webp", width: out.info.width, height: out.info.height });
  }
  return { main: { data: main.data, mime, width: main.info.width, height: main.info.height }, variants };
}

/** A random, unguessable storage key (128 bits, base64url: 22 characters). */
export function randomKey(): string {
  return randomBytes(16).toString("base64url");
}

/** Clean an uploader's file name for display and Content-Disposition (the stored key never derives from it). */
export function cleanFilename(name: string | null | undefined, ext: string): string {
  const base = (name ?? "")
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f"\\/<>:|?*]+/g, "")
    .trim()
    .slice(0, 120);
  const stem = base.replace(/\.[^.]*$/, "") || "file";
  return `${stem}.${ext}`;
}

/** Store processed bytes: blobs (main + variants) and one media row. Use inside the caller's transaction. */
export async function storeProcessed(tx: Db | Tx, actor: Actor, file: ProcessedFile, filename: string | null | undefined) {
  const key = randomKey();
  await putBlob(tx, key, file.main.data);
  const variants: MediaVariant[] = [];
  for (const v of file.variants) {
    const vkey = `${key}.${v.name}`;
    await putBlob(tx, vkey, v.data);
    variants.push({ key: vkey, width: v.width, height: v.height, bytes: v.data.length, mime: v.mime });
  }
  const [row] = await tx
    .insert(media)
    .values({
      kind: file.type.kind,
      mime: file.main.mime,
      bytes: file.main.data.length,
      filename: cleanFilename(filename, file.type.ext),
      storageKey: key,
      width: file.main.width,
      height: file.main.height,
      variants,
      sha256: createHash("sha256").update(file.main.data).digest("hex"),
      createdById: actor.id,
    })
    .returning();
  return row;
}

/** Delete a media row and its bytes (main + variants) unless a report or a person still uses it. Inside the caller's transaction. */
export async function deleteMediaIfUnused(tx: Db | Tx, mediaId: string) {
  const [inReport] = await tx.select({ id: reportMedia.id }).from(reportMedia).where(eq(reportMedia.mediaId, mediaId)).limit(1);
  const [onPerson] = await tx.select({ id: people.id }).from(people).where(eq(people.photoMediaId, mediaId)).limit(1);
  if (inReport || onPerson) return false;
  const [m] = await tx.delete(media).where(eq(media.id, mediaId)).returning({ key: media.storageKey, variants: media.variants });
  if (m) await tx.delete(mediaBlobs).where(inArray(mediaBlobs.key, [m.key, ...m.variants.map((x) => x.key)]));
  return Boolean(m);
}

/** The route family's `failure` hook for upload routes: the usual translated error, plus the refusal's `reason`. */
export function uploadFailure(e: unknown, locale: Locale): Promise<Response> | undefined {
  return e instanceof UploadError ? errorResponse(e, "upload", { locale, extra: { reason: e.reason } }) : undefined;
}
