import { readFile } from "node:fs/promises";
import path from "node:path";
import { publicRoute } from "@/lib/actions/route";

export const dynamic = "force-dynamic";

/** The reader build of zxing-wasm that barcode-detector expects (its ZXING_WASM_SHA256: tests/unit/qr-decoder.test.ts). */
const FILE = path.join(process.cwd(), "node_modules", "zxing-wasm", "dist", "reader", "zxing_reader.wasm");
let bytes: Promise<Buffer> | null = null;

/**
 * GET /vendor/zxing-reader.wasm?v={version}: the QR decoder's WebAssembly, from our own origin (lib/shared/qr.ts).
 * The client names the version in the query, so the file is cached for a year and a new version is a new URL.
 */
export const GET = publicRoute("an open-source decoder binary, the same for everyone", {}, async () => {
  bytes ??= readFile(FILE).catch((e) => {
    bytes = null;
    throw e;
  });
  const data = await bytes;
  return new Response(new Uint8Array(data), {
    headers: {
      "Content-Type": "application/wasm",
      "Content-Length": String(data.length),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
});
