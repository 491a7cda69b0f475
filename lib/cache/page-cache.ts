/**
 * Full-page cache for anonymous reads of public pages, run by the HTTP server in front of Next (scripts/lib/http-server.ts).
 *
 * Why here and not Next's route cache: every page negotiates its language per request (cookie / Accept-Language),
 * which makes them dynamic to Next. This cache keys a page by (language, path, query) and serves the stored HTML
 * while the public content version is unchanged. The version is a database sequence bumped by triggers on every
 * write that public pages show (migration 0002), read at most every VERSION_TTL_MS; so an edit shows within that
 * time on every instance sharing the database, and no command can forget to invalidate.
 *
 * Not cached: signed-in visitors (the header shows who they are), client-side navigations (RSC requests), anything
 * but 200 HTML/XML without Set-Cookie. Memory is bounded (LRU by bytes).
 */
import { gzipSync } from "node:zlib";
import { publicOrigin } from "@/lib/http/origin";
import { cspWithHashes, inlineScriptHashes } from "@/lib/http/security-headers";
import { langParam, localeFrom } from "@/lib/i18n/config";
import { env } from "@/lib/env";

export const VERSION_TTL_MS = 200;
const MAX_AGE_MS = 60_000; // time-based changes (scheduled publishing, upcoming → past) show within a minute
const MAX_BYTES = 64 * 1024 * 1024;

const CACHEABLE = [
  /^\/$/,
  /^\/events\/[a-z0-9-]+$/,
  /^\/events\/[a-z0-9-]+\/agenda$/,
  /^\/speakers$/,
  /^\/speakers\/[0-9a-f-]{36}$/,
  /^\/reports$/,
  /^\/reports\/[a-z0-9-]+$/,
  /^\/reports\/feed\.xml$/,
  // the public read API (the same for every caller; requests with Authorization are never served from the cache)
  /^\/api\/v1\/events$/,
  /^\/api\/v1\/events\/[a-z0-9-]+$/,
  /^\/api\/v1\/reports\/[a-z0-9-]+$/,
];
const KEPT_HEADERS = ["content-type", "content-language", "cache-control", "link", "x-robots-tag"];

/** `csp`: the page's Content-Security-Policy, allowing its inline scripts by hash (lib/http/security-headers.ts). */
type Entry = { body: ArrayBuffer; gzip?: Buffer; status: number; headers: [string, string][]; csp: string; version: number; storedAt: number };
type State = {
  entries: Map<string, Entry>;
  bytes: number;
  inflight: Map<string, Promise<Entry | null>>;
  version: { value: number; checkedAt: number; pending?: Promise<number> };
};

type G = { __huiwuPageCache?: State; __huiwuPublicVersion?: () => Promise<number> };
const g = globalThis as unknown as G;
const state: State = (g.__huiwuPageCache ??= { entries: new Map(), bytes: 0, inflight: new Map(), version: { value: -1, checkedAt: 0 } });

/** The app registers how to read the version (instrumentation.ts); until then nothing is cached. */
export function registerPublicVersionSource(read: () => Promise<number>) {
  g.__huiwuPublicVersion = read;
}

export function pageCacheEnabled() {
  return env.HUIWU_PAGE_CACHE !== "0" && typeof g.__huiwuPublicVersion === "function";
}

async function currentVersion(): Promise<number> {
  const v = state.version;
  if (Date.now() - v.checkedAt < VERSION_TTL_MS) return v.value;
  v.pending ??= g.__huiwuPublicVersion!()
    .then((n) => {
      v.value = n;
      v.checkedAt = Date.now();
      return n;
    })
    .finally(() => {
      v.pending = undefined;
    });
  return v.pending;
}

/** The cache key of a request, or null when it must not be served from the cache. */
export function pageCacheKey(method: string, pathAndQuery: string, header: (name: string) => string | undefined): string | null {
  if (method !== "GET" && method !== "HEAD") return null;
  const q = pathAndQuery.indexOf("?");
  const pathname = q < 0 ? pathAndQuery : pathAndQuery.slice(0, q);
  if (!CACHEABLE.some((re) => re.test(pathname))) return null;
  if (header("rsc") || header("next-router-prefetch") || header("next-action") || header("authorization")) return null;
  const cookies = parseCookies(header("cookie"));
  if (Object.keys(cookies).some((name) => name.includes("session-token"))) return null;
  const locale = localeFrom(header("cookie"), header("accept-language"), langParam(pathAndQuery)); // the same decision the render makes
  // Absolute links follow publicOrigin (lib/http/origin.ts). It is constant unless a trusted proxy forwards the
  // scheme and host (no APP_URL): then its https and http pages differ, and so do their keys.
  const origin = publicOrigin((h) => header(h));
  return origin === publicOrigin(() => undefined) ? `${locale}|${pathAndQuery}` : `${locale}|${pathAndQuery}|${origin}`;
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

function evict() {
  for (const [k, e] of state.entries) {
    if (state.bytes <= MAX_BYTES) break;
    state.entries.delete(k);
    state.bytes -= e.body.byteLength;
  }
}

/**
 * The cached page for `key`, filled by `render` (which must return the app's own response for the request) when
 * missing, stale or expired. Concurrent misses for one key share one render.
 */
export async function cachedPage(key: string, render: () => Promise<Response>): Promise<Entry | null> {
  const version = await currentVersion();
  const hit = state.entries.get(key);
  if (hit && hit.version === version && Date.now() - hit.storedAt < MAX_AGE_MS) {
    state.entries.delete(key); // LRU: move to the end
    state.entries.set(key, hit);
    return hit;
  }
  let fill = state.inflight.get(key);
  if (!fill) {
    fill = (async () => {
      const res = await render();
      const type = res.headers.get("content-type") ?? "";
      if (res.status !== 200 || res.headers.has("set-cookie") || !/text\/html|xml|application\/json/.test(type)) {
        res.body?.cancel().catch(() => {}); // not awaited: undici may wait for the whole stream
        return null;
      }
      const body = await res.arrayBuffer();
      const headers = KEPT_HEADERS.flatMap((h) => (res.headers.has(h) ? [[h, res.headers.get(h)!] as [string, string]] : []));
      const csp = cspWithHashes(/text\/html/.test(type) ? inlineScriptHashes(Buffer.from(body).toString("utf8")) : []);
      const entry: Entry = { body, status: res.status, headers, csp, version, storedAt: Date.now() };
      const old = state.entries.get(key);
      if (old) state.bytes -= old.body.byteLength;
      state.entries.delete(key);
      state.entries.set(key, entry);
      state.bytes += body.byteLength;
      evict();
      return entry;
    })().finally(() => state.inflight.delete(key));
    state.inflight.set(key, fill);
  }
  return fill;
}

/** The body gzip-compressed, computed once per entry (phones on slow networks get a fifth of the bytes). */
export function gzipped(entry: Entry): Buffer {
  return (entry.gzip ??= gzipSync(Buffer.from(entry.body), { level: 6 }));
}

export function pageCacheStats() {
  return { entries: state.entries.size, bytes: state.bytes, version: state.version.value };
}
