/**
 * The back end of the production HTTP server (scripts/lib/http-server.ts explains the two halves): Next's request
 * handler behind the per-request work only Next needs, on an ephemeral loopback port. Under `npm start` it runs in a
 * worker thread (scripts/serve.ts); the tests start it in their own thread.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type ServerResponse, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { methodNotAllowed } from "../../lib/api/routes";
import { env } from "../../lib/env";
import { trustProxyFromEnv } from "../../lib/http/client-ip";
import { baseSecurityHeaders, cspWithNonce } from "../../lib/http/security-headers";
import { LANG_HEADER, langParam, localeFrom } from "../../lib/i18n/config";
import { translateMessage } from "../../lib/i18n/errors";
import { answerDirect, directHandler, loadDirectRoutes, type DirectRoutes } from "./direct-routes";
import { BYPASS, FRONT, isHttps, newSecrets, one, REQUEST_ID, type Secrets, startFront, trustForwarding } from "./http-server";
import { staticBrotli } from "./static-br";

/** The front (./http-server.ts) and this back end in one thread: the tests (`npm start` runs the back end in a worker thread). */
export async function startHttpServer(port: number, hostname: string, opts: BackendOptions = {}): Promise<Server> {
  const secrets = newSecrets();
  const backend = await startBackend(secrets, undefined, opts);
  const front = await startFront(port, hostname, { port: backend.port, secrets });
  front.on("close", () => backend.server.close());
  return front;
}

export type BackendOptions = {
  /** The direct routes' handlers (./direct-routes.ts); default: loaded from the build. Tests with a stand-in for Next give their own. */
  directRoutes?: DirectRoutes;
};

/** The back end: Next behind the per-request work it needs, on an ephemeral loopback port. */
export async function startBackend(secrets: Secrets, publicPort = Number(process.env.PORT || 3000), opts: BackendOptions = {}): Promise<{ server: Server; port: number }> {
  const { default: next } = await import("next");
  // Next is told the public host and port (what it would have been given without the front); the loopback port is ours.
  const app = next({ dev: false, dir: process.cwd(), hostname: process.env.HOSTNAME || "0.0.0.0", port: publicPort });
  const handle = app.getRequestHandler();
  await app.prepare();
  const distDir = env.NEXT_DIST_DIR;
  const assets = staticBrotli(distDir);
  const direct = opts.directRoutes ?? (await loadDirectRoutes(distDir));

  const server = createServer(async (req, res) => {
    const viaFront = one(req.headers[FRONT]) === secrets.front;
    const bypass = one(req.headers[BYPASS]) === secrets.bypass;
    delete req.headers[FRONT];
    delete req.headers[BYPASS];
    const incoming = one(req.headers["x-request-id"]);
    const id = incoming && (viaFront || bypass || REQUEST_ID.test(incoming)) ? incoming : randomUUID();
    req.headers["x-request-id"] = id;
    // the front decided the client's address and scheme; anyone else on the loopback port is a direct client
    if (!viaFront && !bypass) trustForwarding(req, trustProxyFromEnv());
    res.setHeader("x-request-id", id);
    // An explicit language URL (?lang=en): Next learns it from this header, set from the URL only (lib/i18n/config.ts).
    delete req.headers[LANG_HEADER];
    const lang = langParam(req.url);
    if (lang) req.headers[LANG_HEADER] = lang;
    // Security headers on every response (lib/http/security-headers.ts) — as DEFAULTS, added when the headers are
    // written and only where the response has none of its own: Next never overwrites a header already set on the
    // response (send-response.js), so setting them up front would silently beat a route's own policy (the print views
    // that the console frames: frame-ancestors 'self', X-Frame-Options SAMEORIGIN).
    const defaults = baseSecurityHeaders(isHttps(req));
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
    // A direct route (lib/api/routes.ts): its own handler, without Next's router (./direct-routes.ts)
    const handler = directHandler(direct, req, pathname);
    if (handler) return answerDirect(handler, req, res, isHttps(req));
    await handle(req, res);
  });
  // Only the front connects, over keep-alive connections it reuses: never close an idle one (the front could send
  // its next request on it just as it closes: a reset, and a 502 for a request that did nothing wrong).
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

/** Set `defaults` on the response when its headers are written, each only if the response has not set it itself. */
export function withDefaultHeaders(res: ServerResponse, defaults: Record<string, string>) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    for (const [k, v] of Object.entries(defaults)) if (!this.hasHeader(k)) this.setHeader(k, v);
    return writeHead.apply(this, args);
  } as ServerResponse["writeHead"];
}

