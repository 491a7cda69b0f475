/** The upload pipeline's refusals and its re-encoding (issue 6, DESIGN §3.9). */
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { detectType } from "@/lib/storage/detect";
import { MAX_UPLOAD_BYTES } from "@/lib/storage/limits";
import { checkDeclaredSize, processUpload, readLimited, UploadError } from "@/lib/storage/upload";
import { bombPng, docx, gif, htmlAsJpg, jpegWithGps, makeZip, pdf, xlsx, zipBombDocx } from "../fixtures/files";

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(UploadError);
    return e as UploadError;
  }
  throw new Error("expected a refusal");
}

describe("detectType by magic bytes", () => {
  it("knows JPEG/PNG/WebP/PDF/DOCX/XLSX", async () => {
    expect(detectType(await jpegWithGps(10, 10))).toMatchObject({ ok: true, type: { mime: "image/jpeg" } });
    expect(detectType(await sharp({ create: { width: 2, height: 2, channels: 3, background: "#fff" } }).png().toBuffer())).toMatchObject({ ok: true, type: { mime: "image/png" } });
    expect(detectType(await sharp({ create: { width: 2, height: 2, channels: 3, background: "#fff" } }).webp().toBuffer())).toMatchObject({ ok: true, type: { mime: "image/webp" } });
    expect(detectType(pdf())).toMatchObject({ ok: true, type: { ext: "pdf" } });
    expect(detectType(docx())).toMatchObject({ ok: true, type: { ext: "docx" } });
    expect(detectType(xlsx())).toMatchObject({ ok: true, type: { ext: "xlsx" } });
  });
  it("refuses a zip that is not an Office document (no [Content_Types].xml, or no word/ or xl/ part)", () => {
    expect(detectType(makeZip([{ name: "word/document.xml", data: "x" }]))).toMatchObject({ ok: false, reason: "unsupported" });
    expect(detectType(makeZip([{ name: "[Content_Types].xml", data: "x" }, { name: "ppt/slide1.xml", data: "x" }]))).toMatchObject({ ok: false, reason: "unsupported" });
  });
});

describe("upload refusals", () => {
  it("an HTML file renamed .jpg", async () => {
    const e = await refusal(processUpload(htmlAsJpg()));
    expect(e.reason).toBe("unsupported");
    expect(e.status).toBe(415);
  });

  it("an unsupported type (GIF)", async () => {
    expect((await refusal(processUpload(gif()))).reason).toBe("unsupported");
  });

  it("a 200 MB upload: refused by its declared size before reading, and while streaming without holding it all", async () => {
    expect(() => checkDeclaredSize(200 * 1024 * 1024)).toThrow(UploadError);
    let pulled = 0;
    const chunk = new Uint8Array(1024 * 1024);
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        if (pulled >= 200) return c.close();
        pulled++;
        c.enqueue(chunk);
      },
    });
    const e = await refusal(readLimited(stream));
    expect(e.reason).toBe("too_large");
    expect(e.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(MAX_UPLOAD_BYTES / chunk.length + 2); // stopped at the limit, not at 200 MB
  });

  it("an image over 10 MB", async () => {
    const big = Buffer.concat([await jpegWithGps(100, 100), Buffer.alloc(11 * 1024 * 1024)]);
    expect((await refusal(processUpload(big))).reason).toBe("too_large");
  });

  it("a decompression-bomb image (100 megapixels in a few KB)", async () => {
    const bomb = bombPng();
    expect(bomb.length).toBeLessThan(200_000);
    const e = await refusal(processUpload(bomb));
    expect(e.reason).toBe("image_bomb");
  });

  it("a zip bomb posing as DOCX", async () => {
    expect((await refusal(processUpload(zipBombDocx()))).reason).toBe("zip_bomb");
  });

  it("a truncated JPEG", async () => {
    const j = await jpegWithGps(400, 300);
    expect((await refusal(processUpload(j.subarray(0, 200)))).reason).toBe("corrupt");
  });
});

describe("accepted files", () => {
  it("a JPEG is re-encoded: EXIF (GPS, camera) stripped, variants for phone and desktop", async () => {
    const input = await jpegWithGps();
    const before = await sharp(input).metadata();
    expect(before.exif).toBeDefined();
    expect(before.exif!.toString("latin1")).toContain("GPS-9000");

    const out = await processUpload(input);
    expect(out.type.mime).toBe("image/jpeg");
    expect(out.main.data.equals(input)).toBe(false);
    const after = await sharp(out.main.data).metadata();
    expect(after.exif).toBeUndefined();
    expect(out.main.data.toString("latin1")).not.toMatch(/GPS-9000|TestCam|secret-owner|Exif/);
    expect([after.width, after.height]).toEqual([1600, 1200]);
    expect(out.variants.map((v) => [v.name, v.width])).toEqual([
      ["w640", 640],
      ["w1280", 1280],
    ]);
    for (const v of out.variants) expect((await sharp(v.data).metadata()).format).toBe("webp");
  });

  it("PDF, DOCX and XLSX are kept byte for byte", async () => {
    for (const f of [pdf(), docx(), xlsx()]) {
      const out = await processUpload(f);
      expect(out.type.kind).toBe("attachment");
      expect(out.main.data.equals(f)).toBe(true);
    }
  });
});
