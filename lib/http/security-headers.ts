/**
 * Security headers for EVERY response, set by the custom HTTP server (scripts/lib/http-server.ts: a page-cache hit's
 * from its entry; scripts/lib/http-backend.ts: everything Next answers) because page-cache hits never reach Next.
 * Pure (no server-only): the start-up script imports it.
 *
 * Content-Security-Policy without 'unsafe-inline' scripts, two ways:
 *  - responses Next renders get a fresh nonce per request: the server puts the policy on the request too, where Next
 *    reads the nonce and stamps it on every script it emits;
 *  - a cached page was rendered once for many visitors, so a per-request nonce cannot be in its HTML (and a nonce
 *    stored in shared HTML is public, i.e. worthless). Its policy lists the SHA-256 of each inline script instead,
 *    computed once when the page is stored (`inlineScriptHashes`). Same-origin script files are allowed by 'self'.
 * Styles keep 'unsafe-inline' (React style attributes; the printables' <style>); scripts never do.
 * 'wasm-unsafe-eval' lets same-origin scripts compile WebAssembly (the check-in desk's QR decoder, lib/shared/qr.ts);
 * it allows no JavaScript eval.
 */
import { createHash } from "node:crypto";

const BASE = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
];

export function cspWithNonce(nonce: string): string {
  return [...BASE, `script-src 'self' 'nonce-${nonce}' 'wasm-unsafe-eval'`].join("; ");
}

export function cspWithHashes(hashes: string[]): string {
  return [...BASE, `script-src 'self'${hashes.map((h) => ` 'sha256-${h}'`).join("")} 'wasm-unsafe-eval'`].join("; ");
}

/** A <script> element of rendered HTML: its attributes (1) and its body (2). Also lib/cache/static-page.ts's. */
export const SCRIPT_ELEMENT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/** Base64 SHA-256 of every inline <script> body (scripts with src, and non-JavaScript data blocks, need none). */
export function inlineScriptHashes(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(SCRIPT_ELEMENT)) {
    const [, attrs, body] = m;
    if (/\bsrc\s*=/.test(attrs) || !body) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
    if (type && type !== "text/javascript" && type !== "module" && type !== "application/javascript") continue;
    out.add(createHash("sha256").update(body, "utf8").digest("base64"));
  }
  return [...out];
}

/** The headers besides the CSP, on every response. HSTS only over https (a browser ignores it over http anyway). */
export function baseSecurityHeaders(https: boolean): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
    ...(https ? { "strict-transport-security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
