/**
 * The production HTTP server: Next's request handler behind a thin layer that
 *  1. gives every request an id (x-request-id; a well-formed one from a trusted load balancer is kept) for the logs;
 *  2. answers anonymous reads of public pages from the page cache (lib/cache/page-cache.ts) without entering Next,
 *     so a cached forum page costs about what a static file does. A miss or stale page is rendered by asking this
 *     same server over loopback with a per-process bypass header.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import { cachedPage, gzipped, pageCacheEnabled, pageCacheKey } from "../../lib/cache/page-cache";
import { resolveClient, trustProxyFromEnv } from "../../lib/http/client-ip";
import { baseSecurityHeaders, cspWithNonce } from "../../lib/http/security-headers";
import { methodNotAllowed } from "../../lib/api/routes";
import { LANG_HEADER, langParam, LOCALE_COOKIE, localeFrom } from "../../lib/i18n/config";
import { translateMessage } from "../../lib/i18n/errors";

const BYPASS = randomBytes(16).toString("hex");
const FORWARDED = ["accept", "accept-language", "user-agent", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host"];

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function startHttpServer(port: number, hostname: string) {
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createServer(async (req, res) => {
    const incoming = one(req.headers["x-request-id"]);
    const id = incoming && /^[A-Za-z0-9._-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    req.headers["x-request-id"] = id;
    res.setHeader("x-request-id", id);

    // An explicit language URL (?lang=en): Next learns it from this header, set from the URL only (lib/i18n/config.ts).
    delete req.headers[LANG_HEADER];
    const lang = langParam(req.url);
    if (lang) req.headers[LANG_HEADER] = lang;

    const bypass = one(req.headers["x-huiwu-bypass"]) === BYPASS;
    delete req.headers["x-huiwu-bypass"];
    if (!bypass) trustForwarding(req); // a background render carries what this server already decided
    // Security headers on every response (lib/http/security-headers.ts) — as DEFAULTS, added when the headers are
    // written and only where the response has none of its own: Next never overwrites a header already set on the
    // response (send-response.js), so setting them up front would silently beat a route's own policy (the print views
    // that the console frames: frame-ancestors 'self', X-Frame-Options SAMEORIGIN).
    const https = one(req.headers["x-forwarded-proto"]) === "https" || Boolean((req.socket as TLSSocket).encrypted);
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
    if (!bypass && pageCacheEnabled()) {
      const key = pageCacheKey(req.method ?? "GET", req.url ?? "/", (h) => one(req.headers[h]));
      if (key) {
        try {
          const entry = await cachedPage(key, () => renderSelf(req, port, id));
          if (entry) {
            res.statusCode = entry.status;
            for (const [k, v] of entry.headers) res.setHeader(k, v);
            res.setHeader("content-security-policy", entry.csp);
            res.setHeader("x-huiwu-cache", `v${entry.version}`);
            res.setHeader("vary", "Accept-Encoding, Accept-Language, Cookie");
            const body = /\bgzip\b/.test(one(req.headers["accept-encoding"]) ?? "") ? (res.setHeader("content-encoding", "gzip"), gzipped(entry)) : Buffer.from(entry.body);
            res.setHeader("content-length", body.byteLength);
            res.end(req.method === "HEAD" ? undefined : body);
            return;
          }
        } catch {
          // the cache is an optimisation: on any failure render normally
        }
      }
    }
    await handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  return server;
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
