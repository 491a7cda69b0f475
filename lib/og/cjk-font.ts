/**
 * A CJK font for share images drawn with next/og (satori), read from disk. Satori reads TTF/OTF/WOFF but not font
 * COLLECTIONS, and the CJK fonts a Linux server has are collections (fonts-noto-cjk: NotoSansCJK-Bold.ttc holds JP,
 * KR, SC, TC, HK faces). So the Simplified Chinese face is cut out of the collection into a plain OpenType font in
 * memory: a TTC's faces are offset tables pointing into shared table data, so a face is its offset table with the
 * tables it points to copied behind it (unchanged, so their checksums stay valid). No font is downloaded or shipped;
 * the same system fonts render the PDFs (Chromium). Read once per process (~17 MB) and kept.
 *
 * OG_FONT_PATH may name a .ttf/.otf (used as is) or another .ttc (its "… SC" face, else its first).
 */
import "server-only";
import fs from "node:fs/promises";
import { env } from "@/lib/env";

const CANDIDATES = [
  "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
  "/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc",
  "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc",
  "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
  "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
];

/** The family names (name IDs 1 and 4, Windows platform) of the face whose offset table starts at `at`. */
export function faceNames(buf: Buffer, at: number): string[] {
  const tables = buf.readUInt16BE(at + 4);
  for (let i = 0; i < tables; i++) {
    const r = at + 12 + i * 16;
    if (buf.toString("latin1", r, r + 4) !== "name") continue;
    const t = buf.readUInt32BE(r + 8);
    const count = buf.readUInt16BE(t + 2);
    const strings = t + buf.readUInt16BE(t + 4);
    const out: string[] = [];
    for (let j = 0; j < count; j++) {
      const e = t + 6 + j * 12;
      const platform = buf.readUInt16BE(e);
      const id = buf.readUInt16BE(e + 6);
      const len = buf.readUInt16BE(e + 8);
      const off = buf.readUInt16BE(e + 10);
      if (platform === 3 && (id === 1 || id === 4)) out.push(Buffer.from(buf.subarray(strings + off, strings + off + len)).swap16().toString("utf16le"));
    }
    return out;
  }
  return [];
}

/** One face of a font collection as a standalone OpenType font. */
export function extractFace(ttc: Buffer, at: number): Buffer {
  const tables = ttc.readUInt16BE(at + 4);
  const head = Buffer.alloc(12 + tables * 16);
  ttc.copy(head, 0, at, at + 12);
  const parts: Buffer[] = [head];
  let pos = head.length;
  for (let i = 0; i < tables; i++) {
    const r = at + 12 + i * 16;
    const [checksum, offset, length] = [ttc.readUInt32BE(r + 4), ttc.readUInt32BE(r + 8), ttc.readUInt32BE(r + 12)];
    ttc.copy(head, 12 + i * 16, r, r + 4);
    head.writeUInt32BE(checksum, 12 + i * 16 + 4);
    head.writeUInt32BE(pos, 12 + i * 16 + 8);
    head.writeUInt32BE(length, 12 + i * 16 + 12);
    parts.push(ttc.subarray(offset, offset + length));
    pos += length;
    const pad = (4 - (length % 4)) % 4;
    if (pad) {
      parts.push(Buffer.alloc(pad));
      pos += pad;
    }
  }
  return Buffer.concat(parts);
}

/** A plain font from a file: a .ttc's Simplified Chinese face (or its first), anything else as is. */
export function fontFromFile(data: Buffer, prefer = /\bSC\b/): Buffer {
  if (data.toString("latin1", 0, 4) !== "ttcf") return data;
  const faces = Array.from({ length: data.readUInt32BE(8) }, (_, i) => data.readUInt32BE(12 + i * 4));
  const at = faces.find((f) => faceNames(data, f).some((n) => prefer.test(n) && !/Mono/.test(n))) ?? faces[0];
  return extractFace(data, at);
}

let loaded: Promise<Buffer | null> | undefined;

/** The CJK font for share images, or null when the machine has none (the image then falls back to Latin text). */
export function cjkFont(): Promise<Buffer | null> {
  loaded ??= (async () => {
    for (const file of env.OG_FONT_PATH ? [env.OG_FONT_PATH] : CANDIDATES) {
      try {
        return fontFromFile(await fs.readFile(file));
      } catch {
        /* next candidate */
      }
    }
    return null;
  })();
  return loaded;
}
