/**
 * The check-in desk's QR decoder (components/console/qr-scanner.tsx): where the browser has no BarcodeDetector it
 * loads the `barcode-detector` polyfill, whose WebAssembly we serve from our own origin (lib/shared/qr.ts). The file we
 * serve must be exactly the build the polyfill was made for, and it must read our tickets as every screen shows them.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { ZXING_WASM_SHA256 } from "barcode-detector/ponyfill";
import { newTicketCode } from "@/lib/registrations/commands";
import { ticketQrDataUrl } from "@/lib/registrations/ticket-qr";
import { QR_WASM_FILE, readQrCodes } from "../fixtures/qr";

describe("QR decoder", () => {
  it("serves the .wasm the polyfill expects (same SHA-256), not a CDN's", () => {
    expect(createHash("sha256").update(readFileSync(QR_WASM_FILE)).digest("hex")).toBe(ZXING_WASM_SHA256);
  });

  it("reads a ticket QR as the screens render it (dark blue SVG), through that .wasm", async () => {
    const codes = Array.from({ length: 5 }, () => newTicketCode());
    for (const code of codes) {
      const svg = Buffer.from((await ticketQrDataUrl(code)).split(",")[1], "base64");
      const png = await sharp(svg, { density: 144 }).png().toBuffer();
      expect(await readQrCodes(new Uint8Array(png))).toEqual([code]);
    }
  });
});
