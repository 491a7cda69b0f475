/**
 * The production HTTP server: Next's request handler behind a thin layer that
 *  1. gives every request an id (x-request-id; a well-formed one from a trusted load balancer is kept) for the logs;
 *  2. answers anonymous reads of public pages from the page cache (lib/cache/page-cache.ts) without entering Next,
 *     so a cached forum page costs about what a bare node:http server sending the same bytes does (`npm run bench`
 *     compares the two). A hit is served FIRST, before the per-request work only Next needs (request-header rewriting,
 *     a CSP nonce, the default-header hook): its entry carries every header precomputed, security headers and its own
 *     hash-based CSP included, in brotli, gzip and identity, with a strong ETag each (If-None-Match → 304). A miss or
 *     stale page is rendered by asking this same server over loopback with a per-process bypass header.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import { cachedPage, type Entry, freshEntry, notModified, pageCacheEnabled, pageCacheKey, pickEncoding } from "../../lib/cache/page-cache";
import { resolveClient, trustProxyFromEnv } from "../../lib/http/client-ip";
import { baseSecurityHeaders, cspWithNonce } from "../../lib/http/security-headers";
import { methodNotAllowed } from "../../lib/api/routes";
import { LANG_HEADER, langParam, LOCALE_COOKIE, localeFrom } from "../../lib/i18n/config";
import { translateMessage } from "../../lib/i18n/errors";
import { staticBrotli } from "./static-br";

const BYPASS = randomBytes(16).toString("hex");
const FORWARDED = ["accept", "accept-language", "user-agent", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host"];
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function startHttpServer(port: number, hostname: string) {
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const assets = staticBrotli(process.env.NEXT_DIST_DIR || ".next");

  async function slow(req: IncomingMessage, res: ServerResponse, forwarded: boolean, id: string) {
    const bypass = one(req.headers["x-huiwu-bypass"]) === BYPASS;
    delete req.headers["x-huiwu-bypass"];
    if (!bypass && !forwarded) trustForwarding(req); // a background render carries what this server already decided
    const https = isHttps(req);
    // the page cache when the hit path could not answer alone: the version needs a read, or the page a render
    if (!bypass && pageCacheEnabled()) {
      const key = pageCacheKey(req.method ?? "GET", req.url ?? "/", (h) => one(req.headers[h]));
      if (key) {
        try {
          const entry = await cachedPage(key, () => renderSelf(req, port, id));
          if (entry) return sendEntry(req, res, entry, https, id);
        } catch {
          // the cache is an optimisation: on any failure render normally
        }
      }
    }
    res.setHeader("x-request-id", id);
    // An explicit language URL (?lang=en): Next learns it from this header, set from the URL only (lib/i18n/config.ts).
    delete req.headers[LANG_HEADER];
    const lang = langParam(req.url);
    if (lang) req.headers[LANG_HEADER] = lang;
    // Security headers on every response (lib/http/security-headers.ts) — as DEFAULTS, added when the headers are
    // written and only where the response has none of its own: Next never overwrites a header already set on the
    // response (send-response.js), so setting them up front would silently beat a route's own policy (the print views
    // that the console frames: frame-ancestors 'self', X-Frame-Options SAMEORIGIN).
    const defaults = baseSecurityHeaders(https);
    delete req.headers["content-security-policy"];
    delete req.headers["content-security-policy-report-only"];
    if (!bypass) {
      // Next reads the nonce from the request's policy and stamps it on every script it emits. A background render
      // for the cache gets none: its page is served with hashes of its inline scripts instead.
      const policy = cspWithNonce(randomBytes(16).toString("base64"));
      req.headers["content-security-policy"] = policy;
      defaults["content-security-policy"] = policy;
    }
    withDefaultHeaders(res, defaults);
    // A method an API route does not serve: 405 with the `Allow` header (lib/api/routes.ts) — Next's own 405 has none.
    const pathname = (req.url ?? "/").split("?")[0];
    const allow = pathname.startsWith("/api/") ? methodNotAllowed(req.method ?? "GET", pathname) : null;
    if (allow) {
      const locale = localeFrom(one(req.headers.cookie), one(req.headers["accept-language"]), lang);
      const body = JSON.stringify({ error: translateMessage({ key: "errors.methodNotAllowed", params: { method: req.method ?? "", allow } }, locale), code: "method_not_allowed" });
      const hasBody = Number(req.headers["content-length"] ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined;
      res.writeHead(405, { allow, "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body), "cache-control": "no-store", ...(hasBody ? { connection: "close" } : {}) });
      res.end(req.method === "HEAD" ? undefined : body); // a body we will not read: the connection closes instead
      return;
    }
    if (assets.serve(req, res, pathname)) return;
    // An API write (POST/PUT/PATCH/DELETE) answers a small JSON body — a check-in ~200 bytes. Next gzips every route
    // response (it streams them, so its 1 KB threshold never applies): with ten check-in desks that was ~7 % of the
    // server's CPU for bodies gzip does not shrink. Such requests reach Next without Accept-Encoding; reads (lists,
    // exports, feeds) keep it.
    if (pathname.startsWith("/api/") && req.method !== "GET" && req.method !== "HEAD") delete req.headers["accept-encoding"];
    await handle(req, res);
  }

  const server = createServer((req, res) => {
    const incoming = one(req.headers["x-request-id"]);
    const id = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    req.headers["x-request-id"] = id;
    // The hit path: an anonymous GET/HEAD of a stored, fresh page. Only what the answer depends on is looked at.
    let forwarded = false;
    if ((req.method === "GET" || req.method === "HEAD") && req.headers["x-huiwu-bypass"] === undefined && pageCacheEnabled()) {
      // Behind a trusted proxy the forwarded scheme and host are part of the key (and decide HSTS): settle them first.
      if (trustProxyFromEnv().kind !== "none") {
        trustForwarding(req);
        forwarded = true;
      }
      const key = pageCacheKey(req.method, req.url ?? "/", (h) => one(req.headers[h]));
      const entry = key ? freshEntry(key) : undefined;
      // without a trusted proxy only our own TLS counts (a client's X-Forwarded-Proto is not looked at)
      if (entry) return sendEntry(req, res, entry, forwarded ? isHttps(req) : Boolean((req.socket as TLSSocket).encrypted), id);
    }
    return slow(req, res, forwarded, id);
  });
  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  return server;
}

/** Write a stored page: the encoding the client prefers, its precomputed headers, or a 304 when its ETag matches. */
function sendEntry(req: IncomingMessage, res: ServerResponse, entry: Entry, https: boolean, id: string) {
  const v = entry.variants[pickEncoding(one(req.headers["accept-encoding"]))];
  const tls = https ? 1 : 0;
  if (notModified(one(req.headers["if-none-match"]), v.etag)) {
    res.writeHead(304, [...v.notModified[tls], "x-request-id", id]);
    res.end();
    return;
  }
  res.writeHead(entry.status, [...v.headers[tls], "x-request-id", id]);
  res.end(req.method === "HEAD" ? undefined : v.body);
}

/** HTTPS as the client sees it, after trustForwarding: our own TLS socket, or X-Forwarded-Proto it kept (a trusted proxy). */
function isHttps(req: IncomingMessage): boolean {
  return Boolean((req.socket as TLSSocket).encrypted) || one(req.headers["x-forwarded-proto"]) === "https";
}

/** Set `defaults` on the response when its headers are written, each only if the response has not set it itself. */
export function withDefaultHeaders(res: ServerResponse, defaults: Record<string, string>) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    for (const [k, v] of Object.entries(defaults)) if (!this.hasHeader(k)) this.setHeader(k, v);
    return writeHead.apply(this, args);
  } as ServerResponse["writeHead"];
}

/**
 * Replace what the client claims about itself with what this server knows (lib/http/client-ip.ts, TRUST_PROXY):
 * X-Forwarded-For becomes the one client address; X-Forwarded-Proto/-Host survive only from a trusted proxy.
 */
function trustForwarding(req: IncomingMessage) {
  const { ip, viaProxy } = resolveClient(req.socket.remoteAddress, req.headers["x-forwarded-for"]?.toString(), trustProxyFromEnv());
  req.headers["x-forwarded-for"] = ip;
  delete req.headers["x-real-ip"];
  delete req.headers["forwarded"];
  if (!viaProxy) {
    delete req.headers["x-forwarded-proto"];
    delete req.headers["x-forwarded-host"];
    delete req.headers["x-forwarded-port"];
  }
}

function renderSelf(req: IncomingMessage, port: number, id: string): Promise<Response> {
  const headers = new Headers({ "x-huiwu-bypass": BYPASS, "x-request-id": id });
  for (const h of FORWARDED) {
    const v = one(req.headers[h]);
    if (v) headers.set(h, v);
  }
  // The page was keyed by localeFrom (lib/cache/page-cache.ts); render exactly that language, decided by the same function.
  headers.set("cookie", `${LOCALE_COOKIE}=${localeFrom(one(req.headers.cookie), one(req.headers["accept-language"]), langParam(req.url))}`);
  return fetch(`http://127.0.0.1:${port}${req.url}`, { headers, redirect: "manual", cache: "no-store" });
}
