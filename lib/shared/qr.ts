/**
 * Where the check-in desk's QR decoder (the ZXing-WASM BarcodeDetector polyfill, for browsers without a native one:
 * Safari before 17, iOS WeChat, Chrome on Windows/Linux) loads its WebAssembly from: our own origin, never a CDN —
 * desks must work on a venue network without the internet, and the CSP allows no other origin.
 * Served by app/vendor/zxing-reader.wasm/route.ts from node_modules/zxing-wasm.
 */
export const QR_WASM_PATH = "/vendor/zxing-reader.wasm";
