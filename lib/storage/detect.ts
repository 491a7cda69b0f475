/**
 * What a file really is, by its bytes (DESIGN §3.9) — never by its name or the browser's Content-Type.
 * Pure: no I/O, safe in unit tests.
 */

export type Detected =
  | { kind: "image"; mime: "image/jpeg" | "image/png" | "image/webp"; ext: "jpg" | "png" | "webp" }
  | { kind: "attachment"; mime: AttachmentMime; ext: "pdf" | "docx" | "xlsx" };

export type AttachmentMime =
  | "application/pdf"
  | "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
  | "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export type Refusal = { ok: false; reason: "unsupported" | "zip_bomb" | "corrupt"; detail: string };

const startsWith = (b: Uint8Array, sig: number[], at = 0) => b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Zip archives whose entries together claim more than this when unpacked are refused (a zip bomb). */
export const MAX_ZIP_UNCOMPRESSED = 300 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 5000;

export function detectType(b: Uint8Array): { ok: true; type: Detected } | Refusal {
  if (startsWith(b, [0xff, 0xd8, 0xff])) return { ok: true, type: { kind: "image", mime: "image/jpeg", ext: "jpg" } };
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ok: true, type: { kind: "image", mime: "image/png", ext: "png" } };
  if (startsWith(b, ascii("RIFF")) && startsWith(b, ascii("WEBP"), 8)) return { ok: true, type: { kind: "image", mime: "image/webp", ext: "webp" } };
  if (startsWith(b, ascii("%PDF-"))) return { ok: true, type: { kind: "attachment", mime: "application/pdf", ext: "pdf" } };
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return detectOfficeZip(b);
  return { ok: false, reason: "unsupported", detail: "errors.upload.unsupported" };
}

export type ZipEntry = { name: string; compressedSize: number; uncompressedSize: number };

/** Entries of a zip's central directory (read from the end-of-central-directory record), or null if malformed. */
export function zipEntries(b: Uint8Array): ZipEntry[] | null {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // EOCD: signature 0x06054b50, at least 22 bytes from the end, followed by a comment of at most 65535 bytes.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count > MAX_ZIP_ENTRIES) return [{ name: "", compressedSize: 0, uncompressedSize: Number.MAX_SAFE_INTEGER }];
  const out: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || view.getUint32(p, true) !== 0x02014b50) return null;
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    if (p + 46 + nameLen > b.length) return null;
    const name = new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLen));
    out.push({ name, compressedSize, uncompressedSize });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function detectOfficeZip(b: Uint8Array): { ok: true; type: Detected } | Refusal {
  const entries = zipEntries(b);
  if (!entries) return { ok: false, reason: "corrupt", detail: "errors.upload.zipUnreadable" };
  const total = entries.reduce((s, e) => s + e.uncompressedSize, 0);
  if (entries.length > MAX_ZIP_ENTRIES || total > MAX_ZIP_UNCOMPRESSED) {
    return { ok: false, reason: "zip_bomb", detail: "errors.upload.zipBomb" };
  }
  for (const e of entries) {
    if (e.compressedSize > 0 && e.uncompressedSize / e.compressedSize > 1000 && e.uncompressedSize > 10 * 1024 * 1024) {
      return { ok: false, reason: "zip_bomb", detail: "errors.upload.zipBomb" };
    }
  }
  const names = new Set(entries.map((e) => e.name));
  if (!names.has("[Content_Types].xml")) {
    return { ok: false, reason: "unsupported", detail: "errors.upload.zipNotOffice" };
  }
  const has = (prefix: string) => entries.some((e) => e.name.startsWith(prefix));
  if (names.has("word/document.xml") || has("word/")) {
    return { ok: true, type: { kind: "attachment", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ext: "docx" } };
  }
  if (names.has("xl/workbook.xml") || has("xl/")) {
    return { ok: true, type: { kind: "attachment", mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ext: "xlsx" } };
  }
  return { ok: false, reason: "unsupported", detail: "errors.upload.zipNotOffice" };
}
