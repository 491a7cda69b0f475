/**
 * The production HTTP server, in two halves joined by loopback HTTP:
 *
 * - **the front** (`startFront`, the process's main thread under `npm start`) owns the public port. It gives every
 *   request an id (x-request-id; a well-formed one from a trusted load balancer is kept), decides the client's address
 *   and scheme (TRUST_PROXY), and answers anonymous reads of public pages from the page cache
 *   (lib/cache/page-cache.ts): a hit is written from its entry's precomputed bytes and headers — brotli, gzip or
 *   identity, security headers and its own hash-based CSP included, a strong ETag each (If-None-Match → 304). A
 *   request for a direct route (a check-in scan: lib/api/routes.ts) goes to the back end as one message over the
 *   threads' port (./thread-calls.ts), its answer back as another. Every other request is passed to the back end
 *   over loopback HTTP as is, its answer streamed back.
 * - **the back end** (`startBackend` in ./http-backend.ts, a worker thread under `npm start`: scripts/serve.ts) runs Next: the per-request
 *   work only Next needs (request-header rewriting, a CSP nonce, the default security headers, 405s with Allow,
 *   brotli static assets) and Next's request handler. It also renders the page cache's misses.
 *
 * Why two isolates: Next enters AsyncLocalStorage on every request, which in Node 20 turns on an async_hooks hook for
 * every async resource the process creates, and a large app leaves Node's own HTTP code with megamorphic call sites.
 * In one isolate that made a cache hit cost ~2× what a bare node:http server sending the same bytes costs, whatever
 * the hit path itself did (BENCHMARKS.md, "cache-hit decomposition"). The front's isolate never runs Next.
 *
 * Trust between the halves: the front marks what it forwards with a per-process secret (`x-huiwu-front`), and cache
 * renders with another (`x-huiwu-bypass`); the back end trusts forwarding headers only with one of them, and treats
 * anything else (a local client reaching its loopback port) as a direct client.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { Agent, createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import { cachedPage, type Entry, freshEntry, type KeyConfig, keyConfigFromEnv, notModified, pageCacheEnabled, pageCacheKey, pickEncoding } from "../../lib/cache/page-cache";
import { env, type TrustProxy } from "../../lib/env";
import { resolveClient } from "../../lib/http/client-ip";
import { baseSecurityHeaders } from "../../lib/http/security-headers";
import { langParam, LOCALE_COOKIE, localeFrom } from "../../lib/i18n/config";
import { translateMessage } from "../../lib/i18n/errors";
import type { DirectReply, DirectRequest } from "./thread-calls";

/** The two secrets the front and the back end share (made by the front, handed to the back end at its start). */
export type Secrets = { front: string; bypass: string };
export const newSecrets = (): Secrets => ({ front: randomBytes(16).toString("hex"), bypass: randomBytes(16).toString("hex") });

export const FRONT = "x-huiwu-front";
export const BYPASS = "x-huiwu-bypass";
const FORWARDED = ["accept", "accept-language", "user-agent", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host"];
export const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;
/** Hop-by-hop headers (RFC 9110 §7.6.1) and our own markers: never passed on as the client or the back end sent them. */
const HOP = new Set(["connection", "keep-alive", "proxy-connection", "te", "upgrade", "expect", FRONT, BYPASS]);

export const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * The front's configuration, read from the environment when it starts rather than per request: a read of
 * `process.env` costs ~2.5 µs here (a call into C++ and the environment's lock), and the hit path needed four — a
 * third of a bare server's whole answer. A running server's environment does not change; tests that change it call
 * `reloadFrontConfig()`.
 */
type FrontConfig = { cache: boolean; trustProxy: TrustProxy; key: KeyConfig };
const none: TrustProxy = { kind: "none" };
let config: FrontConfig = { cache: false, trustProxy: none, key: { appUrl: undefined, trustProxy: none } }; // read by startFront
function readFrontConfig(): FrontConfig {
  const key = keyConfigFromEnv();
  return { cache: env.HUIWU_PAGE_CACHE !== "0", trustProxy: key.trustProxy, key };
}
export function reloadFrontConfig() {
  config = readFrontConfig();
}

/** The largest body of a request sent as a direct call (a check-in's is ~60 bytes); a larger one goes through Next. */
export const DIRECT_BODY_MAX = 64 * 1024;

/** The back end's direct routes ("POST /api/v1/checkins") and the call that has it answer one (./thread-calls.ts). */
export type DirectUpstream = { routes: ReadonlySet<string>; call: (request: DirectRequest) => Promise<DirectReply> };

/** The front: request ids, the client's address, page-cache hits and fills; everything else to the back end. */
export async function startFront(port: number, hostname: string, upstream: { port: number; secrets: Secrets; direct?: DirectUpstream }): Promise<Server> {
  const pass = passTo(upstream.port, upstream.secrets.front);
  reloadFrontConfig();

  async function miss(req: IncomingMessage, res: ServerResponse, forwarded: boolean, id: string) {
    if (!forwarded) trustForwarding(req, config.trustProxy);
    const https = isHttps(req);
    if (upstream.direct && isDirect(upstream.direct.routes, req)) return callDirect(upstream.direct, req, res, id, https);
    // the page cache when the hit path could not answer alone: the version needs a read, or the page a render
    if (pageCacheEnabled(config.cache)) {
      const key = pageCacheKey(req.method ?? "GET", req.url ?? "/", (h) => one(req.headers[h]), config.key);
      if (key) {
        try {
          const entry = await cachedPage(key, () => render(req, upstream.port, upstream.secrets.bypass, id));
          if (entry) return sendEntry(req, res, entry, https, id);
        } catch {
          // the cache is an optimisation: on any failure the back end answers normally
        }
      }
    }
    pass(req, res, id);
  }

  const server = createServer((req, res) => {
    const incoming = one(req.headers["x-request-id"]);
    const id = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    req.headers["x-request-id"] = id;
    // The hit path: an anonymous GET/HEAD of a stored, fresh page. Only what the answer depends on is looked at.
    let forwarded = false;
    if ((req.method === "GET" || req.method === "HEAD") && pageCacheEnabled(config.cache)) {
      // Behind a trusted proxy the forwarded scheme and host are part of the key (and decide HSTS): settle them first.
      if (config.trustProxy.kind !== "none") {
        trustForwarding(req, config.trustProxy);
        forwarded = true;
      }
      const key = pageCacheKey(req.method, req.url ?? "/", (h) => one(req.headers[h]), config.key);
      const entry = key ? freshEntry(key) : undefined;
      // without a trusted proxy only our own TLS counts (a client's X-Forwarded-Proto is not looked at)
      if (entry) return sendEntry(req, res, entry, forwarded ? isHttps(req) : Boolean((req.socket as TLSSocket).encrypted), id);
    }
    return miss(req, res, forwarded, id);
  });
  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  return server;
}

/**
 * Pass a request to the back end and stream its answer back: the request's headers as the front left them (the
 * client's address settled, the id set) plus the front's mark, minus hop-by-hop ones; the answer's raw headers (every
 * Set-Cookie kept) minus hop-by-hop ones, `Connection: close` excepted. Keep-alive connections, reused most recent first.
 */
function passTo(port: number, mark: string) {
  const agent = new Agent({ keepAlive: true, scheduling: "lifo" });
  return (req: IncomingMessage, res: ServerResponse, id: string) => {
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined && !HOP.has(k)) headers[k] = v;
    headers[FRONT] = mark;
    const up = httpRequest({ host: "127.0.0.1", port, method: req.method, path: req.url, headers, agent }, (answer) => {
      const raw: string[] = [];
      const h = answer.rawHeaders;
      for (let i = 0; i < h.length; i += 2) {
        const name = h[i].toLowerCase();
        if (!HOP.has(name) || (name === "connection" && /\bclose\b/i.test(h[i + 1]))) raw.push(h[i], h[i + 1]);
      }
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, raw);
      answer.on("error", () => res.destroy()); // the back end broke off mid-answer: so does the client's
      answer.pipe(res);
    });
    up.on("error", () => {
      if (res.headersSent) return void res.destroy();
      failRequest(req, res, id, 502, "unavailable");
    });
    res.on("close", () => {
      if (!res.writableFinished) up.destroy(); // the client went away: stop the back end's work on it
    });
    req.pipe(up);
  };
}

/** Is this a request the back end answers as a direct call: one of its direct routes, with a small declared body? */
export function isDirect(routes: ReadonlySet<string>, req: IncomingMessage): boolean {
  if (!routes.has(`${req.method} ${(req.url ?? "/").split("?")[0]}`) || req.headers["transfer-encoding"] !== undefined) return false;
  const length = Number(req.headers["content-length"] ?? 0);
  return Number.isSafeInteger(length) && length <= DIRECT_BODY_MAX;
}

/**
 * A direct route's request, sent to the back end as one message: its headers as the front left them (the client's
 * address settled, the id set) minus hop-by-hop ones, and its whole body; the reply written back as it came. The back
 * end unreachable or the body broken off: 502, as when the loopback connection fails.
 */
async function callDirect(direct: DirectUpstream, req: IncomingMessage, res: ServerResponse, id: string, https: boolean) {
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined && !HOP.has(k)) headers[k] = v;
  let reply: DirectReply;
  try {
    const body = await readBody(req);
    reply = await direct.call({ method: req.method ?? "POST", url: req.url ?? "/", headers, body, https });
  } catch {
    if (!res.destroyed) failRequest(req, res, id, 502, "unavailable");
    return;
  }
  if (res.destroyed) return; // the client went away meanwhile
  if ("failed" in reply) return failRequest(req, res, id, 500, "internal");
  res.writeHead(reply.status, reply.headers);
  res.end(req.method === "HEAD" ? undefined : reply.body);
}

/** A request's whole body (at most DIRECT_BODY_MAX bytes: isDirect admits no larger Content-Length, which Node enforces). */
function readBody(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    // a copy of exactly its bytes: a message copies a view's whole buffer, and a small Buffer is a slice of an 8 KB pool
    req.on("end", () => resolve(new Uint8Array(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks))));
    req.on("error", reject);
    req.on("close", () => {
      if (!req.complete) reject(new Error("the request's body broke off"));
    });
  });
}

/**
 * The server's own failure answer (502 when the back end cannot be reached, 500 when a direct route could not even
 * be called): the reference id only, in the client's language; JSON `{error, code}` on the API; the connection closes.
 */
export function failRequest(req: IncomingMessage, res: ServerResponse, id: string, status: 500 | 502, code: "internal" | "unavailable") {
  const locale = localeFrom(one(req.headers.cookie), one(req.headers["accept-language"]), langParam(req.url));
  const message = translateMessage({ key: "errors.internal", params: { ref: id.slice(0, 8) } }, locale);
  const api = (req.url ?? "/").startsWith("/api/");
  const body = api ? JSON.stringify({ error: message, code }) : message;
  res.writeHead(status, {
    ...baseSecurityHeaders(isHttps(req)),
    "content-type": api ? "application/json; charset=utf-8" : "text/plain; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    "x-request-id": id,
    connection: "close",
  });
  res.end(req.method === "HEAD" ? undefined : body);
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
export function isHttps(req: IncomingMessage): boolean {
  return Boolean((req.socket as TLSSocket).encrypted) || one(req.headers["x-forwarded-proto"]) === "https";
}

/**
 * Replace what the client claims about itself with what this server knows (lib/http/client-ip.ts, TRUST_PROXY):
 * X-Forwarded-For becomes the one client address; X-Forwarded-Proto/-Host survive only from a trusted proxy.
 */
export function trustForwarding(req: IncomingMessage, trust: TrustProxy) {
  const { ip, viaProxy } = resolveClient(req.socket.remoteAddress, req.headers["x-forwarded-for"]?.toString(), trust);
  req.headers["x-forwarded-for"] = ip;
  delete req.headers["x-real-ip"];
  delete req.headers["forwarded"];
  if (!viaProxy) {
    delete req.headers["x-forwarded-proto"];
    delete req.headers["x-forwarded-host"];
    delete req.headers["x-forwarded-port"];
  }
}

/** A page for the cache, rendered by the back end as an anonymous visitor in the request's language. */
function render(req: IncomingMessage, port: number, bypass: string, id: string): Promise<Response> {
  const headers = new Headers({ [BYPASS]: bypass, "x-request-id": id });
  for (const h of FORWARDED) {
    const v = one(req.headers[h]);
    if (v) headers.set(h, v);
  }
  // The page was keyed by localeFrom (lib/cache/page-cache.ts); render exactly that language, decided by the same function.
  headers.set("cookie", `${LOCALE_COOKIE}=${localeFrom(one(req.headers.cookie), one(req.headers["accept-language"]), langParam(req.url))}`);
  return fetch(`http://127.0.0.1:${port}${req.url}`, { headers, redirect: "manual", cache: "no-store" });
}
