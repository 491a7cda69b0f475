/**
 * Direct routes (DIRECT_API_ROUTES, lib/api/routes.ts): the back end (./http-backend.ts) calls the route's own
 * exported handler — the module Next itself loads from the build, the one wrapper family with its guard — with a
 * web Request, instead of passing the request through Next's router. What is skipped is only Next's routing and its
 * request/response adaptation; what the route reads of its request (who calls, the language, the client's address,
 * the request id) it reads from this Request (lib/http/request-scope.ts). A check-in costs ~40 % less server time so.
 *
 * Only a request whose body is declared by Content-Length and small is answered here; any other (chunked, large)
 * goes to Next, whose answer is the same (the route's own size cap and errors apply there).
 */
import { createRequire } from "node:module";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { DIRECT_API_ROUTES } from "../../lib/api/routes";
import { runInRequest } from "../../lib/http/request-scope";
import { logger } from "../../lib/log";
import { failRequest } from "./http-server";

export type RouteHandler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type DirectRoutes = Map<string, RouteHandler>;

/** The largest body answered here (a check-in's is ~60 bytes); a larger one goes through Next. */
export const DIRECT_BODY_MAX = 64 * 1024;

type BuiltRoute = { routeModule: { ensureUserland(): Promise<void>; userland: Record<string, unknown> } };

/** The direct routes' handlers, from the build Next serves (`distDir`): the very module objects Next requires. */
export async function loadDirectRoutes(distDir: string): Promise<DirectRoutes> {
  const req = createRequire(path.join(process.cwd(), "package.json"));
  const out: DirectRoutes = new Map();
  for (const [route, methods] of Object.entries(DIRECT_API_ROUTES)) {
    const file = path.resolve(distDir, "server", "app", `.${route}`, "route.js");
    const built = req(file) as BuiltRoute;
    await built.routeModule.ensureUserland();
    for (const m of methods) {
      const handler = built.routeModule.userland[m];
      if (typeof handler !== "function") throw new Error(`${file} exports no ${m} handler (DIRECT_API_ROUTES)`);
      out.set(`${m} ${route}`, handler as RouteHandler);
    }
  }
  return out;
}

/** The handler that answers this request directly, or undefined (not a direct route, or a body Next must read). */
export function directHandler(routes: DirectRoutes, req: IncomingMessage, pathname: string): RouteHandler | undefined {
  if (routes.size === 0) return undefined;
  const handler = routes.get(`${req.method} ${pathname}`);
  if (!handler || req.headers["transfer-encoding"] !== undefined) return undefined;
  const length = Number(req.headers["content-length"] ?? 0);
  return Number.isSafeInteger(length) && length <= DIRECT_BODY_MAX ? handler : undefined;
}

/** Answer `req` with `handler`, as Next would: the same Request in, its Response's status, headers and body out. */
export async function answerDirect(handler: RouteHandler, req: IncomingMessage, res: ServerResponse, https: boolean): Promise<void> {
  try {
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) {
      if (v === undefined) continue;
      if (Array.isArray(v)) for (const one of v) headers.append(k, one);
      else headers.set(k, v);
    }
    const body = await readBody(req);
    const request = new Request(`${https ? "https" : "http"}://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, {
      method: req.method,
      headers,
      body: body.length > 0 ? new Uint8Array(body) : undefined, // a copy: a web body takes an ArrayBuffer-backed view
    });
    const response = await runInRequest(request, () => handler(request, { params: Promise.resolve({}) }));
    const out = Buffer.from(await response.arrayBuffer());
    res.statusCode = response.status;
    for (const [k, v] of response.headers) if (k !== "set-cookie") res.setHeader(k, v);
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) res.setHeader("set-cookie", cookies);
    res.setHeader("content-length", out.length);
    res.end(req.method === "HEAD" ? undefined : out);
  } catch (e) {
    // The wrapper family answers every failure of its own; this is a request it never saw (a header no web Request
    // accepts). Logged with its reference; answered like any unexpected error, without internals.
    const id = String(res.getHeader("x-request-id") ?? "");
    logger.error({ ref: id.slice(0, 8), reqId: id, where: `${req.method} ${req.url?.split("?")[0]} (direct)`, err: e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : String(e) }, "unexpected error");
    if (res.headersSent) return void res.destroy();
    failRequest(req, res, id, 500, "internal");
  }
}

/** The request's body (at most DIRECT_BODY_MAX bytes: directHandler admits no larger Content-Length, which Node enforces). */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
