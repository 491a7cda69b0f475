/**
 * Every API route and the methods its route.ts exports. Pure (no server-only imports): the HTTP server's
 * back end (scripts/lib/http-backend.ts) answers any other method with 405 and an `Allow` header from here — Next's own 405 has
 * none — and the OpenAPI document (lib/api/openapi.ts) describes exactly these operations. tests/db/openapi.test.ts
 * proves all three agree: the route files' exports, this table and the document.
 */
export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Documented in the OpenAPI document, path templates as written there ({param} = one path segment). */
export const API_ROUTES: Record<string, readonly HttpMethod[]> = {
  "/api/health": ["GET"],
  "/api/v1/openapi.json": ["GET"],
  "/api/v1/events": ["GET"],
  "/api/v1/events/import": ["POST"],
  "/api/v1/events/{slug}": ["GET", "PATCH"],
  "/api/v1/events/{slug}/agenda.ics": ["GET"],
  "/api/v1/events/{slug}/export": ["GET"],
  "/api/v1/events/{slug}/registrations": ["POST"],
  "/api/v1/events/{slug}/registrations/import": ["POST"],
  "/api/v1/events/{slug}/delegations": ["GET", "POST"],
  "/api/v1/events/{slug}/delegations/import": ["POST"],
  "/api/v1/events/{slug}/roster": ["GET"],
  "/api/v1/events/{slug}/people/{personId}/photo": ["POST", "DELETE"],
  "/api/v1/events/{slug}/seating": ["GET"],
  "/api/v1/events/{slug}/seating/rostrum": ["PUT"],
  "/api/v1/events/{slug}/seating/table-cards.pdf": ["GET"],
  "/api/v1/delegations/{id}": ["PATCH", "DELETE"],
  "/api/v1/replies/{token}": ["GET"],
  "/api/v1/replies/{token}/delegates": ["PUT"],
  "/api/v1/checkins": ["POST"],
  "/api/v1/calendar/{file}": ["GET"],
  "/api/v1/me": ["GET"],
  "/api/v1/me/registrations": ["GET"],
  "/api/v1/registrations/{id}": ["DELETE"],
  "/api/v1/auth/signup": ["POST"],
  "/api/v1/auth/token": ["POST"],
  "/api/v1/auth/tokens/{id}": ["DELETE"],
  "/api/v1/reports/{slug}": ["GET"],
  "/api/v1/reports/{slug}/media": ["POST"],
};

/** Not in the document (Auth.js's own endpoints); "*" = any number of segments. */
export const OTHER_API_ROUTES: Record<string, readonly HttpMethod[]> = {
  "/api/auth/*": ["GET", "POST"],
};

type Compiled = { template: string; re: RegExp; literal: number; methods: readonly HttpMethod[] };
const compiled: Compiled[] = Object.entries({ ...API_ROUTES, ...OTHER_API_ROUTES }).map(([template, methods]) => {
  const parts = template.split("/").filter(Boolean);
  const re = parts.map((p) => (p === "*" ? "(?:/[^/]+)+" : /^\{[^}]+\}$/.test(p) ? "/[^/]+" : `/${p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`)).join("");
  return { template, re: new RegExp(`^${re}/?$`), literal: parts.filter((p) => p !== "*" && !p.startsWith("{")).length, methods };
});

/** The route a path belongs to (the most specific template, as Next matches static segments first), or null. */
export function apiRouteOf(pathname: string): Compiled | null {
  let best: Compiled | null = null;
  for (const c of compiled) if (c.re.test(pathname) && (!best || c.literal > best.literal)) best = c;
  return best;
}

/** The `Allow` header value for a path: its methods, HEAD with GET, OPTIONS (Next answers both), sorted. */
export function allowHeader(methods: readonly string[]): string {
  const all = new Set<string>([...methods, "OPTIONS"]);
  if (all.has("GET")) all.add("HEAD");
  return [...all].sort().join(", ");
}

/** For a request: null when the method is served (or the path is not an API route), else the Allow value for a 405. */
export function methodNotAllowed(method: string, pathname: string): string | null {
  const route = apiRouteOf(pathname);
  if (!route) return null;
  const m = method.toUpperCase();
  if (m === "OPTIONS" || (route.methods as readonly string[]).includes(m) || (m === "HEAD" && route.methods.includes("GET"))) return null;
  return allowHeader(route.methods);
}

/**
 * Routes the HTTP server's back end runs itself (scripts/lib/direct-routes.ts) instead of passing them to Next's
 * router: the SAME exported handler of the route's route.ts (the one wrapper family, lib/actions/route.ts, with its
 * guard), called with the request as Next would call it — only Next's routing and request/response adaptation are
 * skipped (~40 % of a check-in's server time, issue 15: ten desks scanning at once). Static paths only (no params);
 * each listed method must be exported by the route (tests/db/openapi.test.ts checks the table against the files).
 */
export const DIRECT_API_ROUTES: Record<string, readonly HttpMethod[]> = {
  "/api/v1/checkins": ["POST"],
};
