/**
 * Direct routes (DIRECT_API_ROUTES, lib/api/routes.ts): the back end (./http-backend.ts) calls the route's own
 * exported handler — the module Next itself loads from the build, the one wrapper family with its guard — with a
 * web Request, instead of passing the request through Next's router. What is skipped is only Next's routing and its
 * request/response adaptation; what the route reads of its request (who calls, the language, the client's address,
 * the request id) it reads from this Request (lib/http/request-scope.ts). A check-in costs ~40 % less server time so.
 *
 * Such a request reaches the back end as one message from the front (`direct` in ./thread-calls.ts), not over the
 * loopback HTTP connection. The front sends only a request whose body is declared by Content-Length and small
 * (`isDirect` in ./http-server.ts); any other (chunked, large) goes to Next over HTTP, whose answer is the same (the
 * route's own size cap and errors apply there).
 */
import { createRequire } from "node:module";
import path from "node:path";
import { DIRECT_API_ROUTES } from "../../lib/api/routes";
import { runInRequest } from "../../lib/http/request-scope";
import { logger } from "../../lib/log";
import type { DirectCall, DirectReply } from "./thread-calls";

export type RouteHandler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type DirectRoutes = Map<string, RouteHandler>;

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

/**
 * Answer a direct call (a request the front passed over the threads' message port, ./thread-calls.ts) with `handler`,
 * as Next would: the same web Request in, its Response's status, headers and body out — plus the back end's own
 * response headers (the request id, and `defaults`, each where the route set none: ./http-backend.ts `admit`).
 */
export async function runDirect(handler: RouteHandler, call: DirectCall, id: string, defaults: Record<string, string>): Promise<DirectReply> {
  try {
    const headers = new Headers();
    for (const [k, v] of Object.entries(call.headers)) {
      if (Array.isArray(v)) for (const one of v) headers.append(k, one);
      else headers.set(k, v);
    }
    const request = new Request(`${call.https ? "https" : "http"}://${headers.get("host") ?? "localhost"}${call.url}`, {
      method: call.method,
      headers,
      body: call.body.length > 0 ? call.body : undefined,
    });
    const response = await runInRequest(request, () => handler(request, { params: Promise.resolve({}) }));
    const body = new Uint8Array(await response.arrayBuffer());
    const out: string[] = [];
    for (const [k, v] of response.headers) if (k !== "set-cookie" && k !== "content-length") out.push(k, v);
    for (const cookie of response.headers.getSetCookie()) out.push("set-cookie", cookie);
    if (!response.headers.has("x-request-id")) out.push("x-request-id", id);
    for (const [k, v] of Object.entries(defaults)) if (!response.headers.has(k)) out.push(k, v);
    out.push("content-length", String(body.length));
    return { status: response.status, headers: out, body };
  } catch (e) {
    // The wrapper family answers every failure of its own; this is a request it never saw (a header no web Request
    // accepts). Logged with its reference; the front answers it like any unexpected error, without internals.
    logger.error({ ref: id.slice(0, 8), reqId: id, where: `${call.method} ${call.url.split("?")[0]} (direct)`, err: e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : String(e) }, "unexpected error");
    return { failed: true };
  }
}
