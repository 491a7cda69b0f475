/**
 * The back end of the production HTTP server (scripts/lib/http-server.ts explains the two halves): Next's request
 * handler behind the per-request work only Next needs, on an ephemeral loopback port. Under `npm start` it runs in a
 * worker thread (scripts/serve.ts); the tests start it in their own thread.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type ServerResponse, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { MessageChannel } from "node:worker_threads";
import { methodNotAllowed } from "../../lib/api/routes";
import { env } from "../../lib/env";
import { trustProxyFromEnv } from "../../lib/http/client-ip";
import { baseSecurityHeaders, cspWithNonce } from "../../lib/http/security-headers";
import { LANG_HEADER, langParam, localeFrom } from "../../lib/i18n/config";
import { translateMessage } from "../../lib/i18n/errors";
import { loadDirectRoutes, runDirect, type DirectRoutes } from "./direct-routes";
import { BYPASS, FRONT, isHttps, newSecrets, one, REQUEST_ID, type Secrets, startFront, trustForwarding } from "./http-server";
import { staticBrotli } from "./static-br";
import { answerDirectCalls, directCaller, type DirectCall, type DirectReply } from "./thread-calls";

/**
 * The front (./http-server.ts) and this back end in one thread: the tests (`npm start` runs the back end in a worker
 * thread). The direct calls go over a MessageChannel, as over the worker's port under `npm start`.
 */
export async function startHttpServer(port: number, hostname: string, opts: BackendOptions = {}): Promise<Server> {
  const secrets = newSecrets();
  const backend = await startBackend(secrets, undefined, opts);
  const channel = new MessageChannel();
  answerDirectCalls(channel.port2, backend.answerDirect);
  const front = await startFront(port, hostname, { port: backend.port, secrets, direct: { routes: new Set(backend.directRoutes), call: directCaller(channel.port1) } });
  front.on("close", () => {
    backend.server.close();
    channel.port1.close();
  });
  return front;
}

export type BackendOptions = {
  /** The direct routes' handlers (./direct-routes.ts); default: loaded from the build. Tests with a stand-in for Next give their own. */
  directRoutes?: DirectRoutes;
};

export type Backend = {
  server: Server;
  port: number;
  /** The direct routes ("POST /api/v1/checkins"): the front sends these as direct calls (./thread-calls.ts). */
  directRoutes: string[];
  /** Answer a direct call from the front (./direct-routes.ts runDirect), after the back end's own per-request work. */
  answerDirect: (call: DirectCall) => Promise<DirectReply>;
};

type From = "front" | "bypass" | "client";

/**
 * The back end's own work on every request, before anyone answers it, on its headers (`headers` is changed): the
 * request id (a client's only when well-formed; the front's and the cache renders' as given), the language of an
 * explicit language URL, a CSP nonce, and no Accept-Encoding on an API write. Returns the id and the response's
 * default security headers. A client other than the front has its forwarding headers settled first (trustForwarding).
 */
function admit(headers: IncomingHttpHeaders, url: string, method: string, from: From, https: boolean): { id: string; defaults: Record<string, string> } {
  delete headers[FRONT];
  delete headers[BYPASS];
  const incoming = one(headers["x-request-id"]);
  const id = incoming && (from !== "client" || REQUEST_ID.test(incoming)) ? incoming : randomUUID();
  headers["x-request-id"] = id;
  // An explicit language URL (?lang=en): Next learns it from this header, set from the URL only (lib/i18n/config.ts).
  delete headers[LANG_HEADER];
  const lang = langParam(url);
  if (lang) headers[LANG_HEADER] = lang;
  // Security headers on every response (lib/http/security-headers.ts) — as DEFAULTS, added when the headers are
  // written and only where the response has none of its own: Next never overwrites a header already set on the
  // response (send-response.js), so setting them up front would silently beat a route's own policy (the print views
  // that the console frames: frame-ancestors 'self', X-Frame-Options SAMEORIGIN).
  const defaults = baseSecurityHeaders(https);
  delete headers["content-security-policy"];
  delete headers["content-security-policy-report-only"];
  if (from !== "bypass") {
    // Next reads the nonce from the request's policy and stamps it on every script it emits. A background render
    // for the cache gets none: its page is served with hashes of its inline scripts instead.
    const policy = cspWithNonce(randomBytes(16).toString("base64"));
    headers["content-security-policy"] = policy;
    defaults["content-security-policy"] = policy;
  }
  // An API write (POST/PUT/PATCH/DELETE) answers a small JSON body — a check-in ~200 bytes. Next gzips every route
  // response (it streams them, so its 1 KB threshold never applies): with ten check-in desks that was ~7 % of the
  // server's CPU for bodies gzip does not shrink. Such requests reach Next without Accept-Encoding; reads (lists,
  // exports, feeds) keep it.
  if (url.startsWith("/api/") && method !== "GET" && method !== "HEAD") delete headers["accept-encoding"];
  return { id, defaults };
}

/** The back end: Next behind the per-request work it needs, on an ephemeral loopback port; and the direct routes. */
export async function startBackend(secrets: Secrets, publicPort = Number(process.env.PORT || 3000), opts: BackendOptions = {}): Promise<Backend> {
  const { default: next } = await import("next");
  // Next is told the public host and port (what it would have been given without the front); the loopback port is ours.
  const app = next({ dev: false, dir: process.cwd(), hostname: process.env.HOSTNAME || "0.0.0.0", port: publicPort });
  const handle = app.getRequestHandler();
  await app.prepare();
  const distDir = env.NEXT_DIST_DIR;
  const assets = staticBrotli(distDir);
  const direct = opts.directRoutes ?? (await loadDirectRoutes(distDir));

  const server = createServer(async (req, res) => {
    const from: From = one(req.headers[FRONT]) === secrets.front ? "front" : one(req.headers[BYPASS]) === secrets.bypass ? "bypass" : "client";
    // the front decided the client's address and scheme; anyone else on the loopback port is a direct client
    if (from === "client") trustForwarding(req, trustProxyFromEnv());
    const { id, defaults } = admit(req.headers, req.url ?? "/", req.method ?? "GET", from, isHttps(req));
    res.setHeader("x-request-id", id);
    withDefaultHeaders(res, defaults);
    // A method an API route does not serve: 405 with the `Allow` header (lib/api/routes.ts) — Next's own 405 has none.
    const pathname = (req.url ?? "/").split("?")[0];
    const allow = pathname.startsWith("/api/") ? methodNotAllowed(req.method ?? "GET", pathname) : null;
    if (allow) {
      const locale = localeFrom(one(req.headers.cookie), one(req.headers["accept-language"]), langParam(req.url));
      const body = JSON.stringify({ error: translateMessage({ key: "errors.methodNotAllowed", params: { method: req.method ?? "", allow } }, locale), code: "method_not_allowed" });
      const hasBody = Number(req.headers["content-length"] ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined;
      res.writeHead(405, { allow, "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body), "cache-control": "no-store", ...(hasBody ? { connection: "close" } : {}) });
      res.end(req.method === "HEAD" ? undefined : body); // a body we will not read: the connection closes instead
      return;
    }
    if (assets.serve(req, res, pathname)) return;
    await handle(req, res);
  });
  // Only the front connects, over keep-alive connections it reuses: never close an idle one (the front could send
  // its next request on it just as it closes: a reset, and a 502 for a request that did nothing wrong).
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  // A direct route (lib/api/routes.ts), called by the front: its own handler, without Next's router (./direct-routes.ts)
  const answerDirect = async (call: DirectCall): Promise<DirectReply> => {
    const handler = direct.get(`${call.method} ${call.url.split("?")[0]}`);
    if (!handler) return { failed: true }; // the front sends only the routes it was given
    const { id, defaults } = admit(call.headers, call.url, call.method, "front", call.https);
    return runDirect(handler, call, id, defaults);
  };
  return { server, port: (server.address() as AddressInfo).port, directRoutes: [...direct.keys()], answerDirect };
}

/** Set `defaults` on the response when its headers are written, each only if the response has not set it itself. */
export function withDefaultHeaders(res: ServerResponse, defaults: Record<string, string>) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    for (const [k, v] of Object.entries(defaults)) if (!this.hasHeader(k)) this.setHeader(k, v);
    return writeHead.apply(this, args);
  } as ServerResponse["writeHead"];
}

