/**
 * The request a route handler is answering when the HTTP server's back end runs the handler itself, before Next
 * (a "direct route", DIRECT_API_ROUTES in lib/api/routes.ts; scripts/lib/direct-routes.ts). Next's `headers()` and
 * `cookies()` exist only inside a request Next runs, so the code that asks who is calling, in which language, from
 * which address (lib/http/request-headers.ts) reads this scope first and Next's otherwise.
 *
 * Pure (no server-only, no Next import): the back end imports it from its own module graph while the route runs in
 * the bundle's; both reach ONE AsyncLocalStorage through a process-wide symbol (as Next keeps its own stores).
 */
import { AsyncLocalStorage } from "node:async_hooks";

const KEY = Symbol.for("huiwu.request-scope");
type Holder = { [KEY]?: AsyncLocalStorage<Request> };
const scope: AsyncLocalStorage<Request> = ((globalThis as Holder)[KEY] ??= new AsyncLocalStorage<Request>());

/** Run `fn` with `req` as the current request (its headers and cookies are what the route's code reads). */
export function runInRequest<T>(req: Request, fn: () => T): T {
  return scope.run(req, fn);
}

/** The request a direct route is answering, or undefined (a request Next runs, a script, a test). */
export function scopedRequest(): Request | undefined {
  return scope.getStore();
}
