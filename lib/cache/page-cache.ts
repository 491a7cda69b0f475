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
 * but 200 HTML/XML without Set-Cookie.
 *
 * A hit is meant to cost what a bare node:http server sending the same bytes costs (the bench compares the two), so
 * everything a hit needs is computed once per entry when it is stored: the identity, gzip and brotli bodies, a strong
 * ETag per encoding, and the complete header list per encoding (security headers included, with the entry's own CSP
 * that allows its inline scripts by hash). `freshEntry` is synchronous; the server writes `variantOf(…)` as is.
 * Memory is bounded in bytes (all three bodies counted, PAGE_CACHE_MAX_BYTES, default 32 MB), least recently used
 * evicted first.
 *
 * An HTML page that needs no React on the client is stored without React's runtime (lib/cache/static-page.ts): what
 * an anonymous visitor downloads is the page and public/islands.js, not React and Next's router.
 */
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { brotliCompress, constants as zlib, gzip } from "node:zlib";
import { parseCookies } from "@/lib/http/cookies";
import { publicOrigin } from "@/lib/http/origin";
import { baseSecurityHeaders, cspWithHashes, inlineScriptHashes } from "@/lib/http/security-headers";
import { langParam, localeFrom } from "@/lib/i18n/config";
import { withoutReactRuntime } from "@/lib/cache/static-page";
import { env, type TrustProxy } from "@/lib/env";

export const VERSION_TTL_MS = 200;
const MAX_AGE_MS = 60_000; // time-based changes (scheduled publishing, upcoming → past) show within a minute
/** Brotli 5: on a 110–140 KB page ~10% larger than 11 at a tenth of its time (~20–35 ms, off the event loop); every write to a public table re-renders (and recompresses) pages. */
const BROTLI_QUALITY = 5;
const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);
/** Per-entry bookkeeping counted on top of the bodies (keys, header lists, objects). */
const ENTRY_OVERHEAD = 4096;

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

export type Encoding = "br" | "gzip" | "identity";
/**
 * One encoding of an entry, ready to write: `headers` is the flat [name, value, …] list of a 200 (or HEAD) answer,
 * `notModified` that of a 304; each in two forms, without and with HSTS (which only goes out over https).
 */
export type Variant = { encoding: Encoding; body: Buffer; etag: string; headers: [http: string[], https: string[]]; notModified: [http: string[], https: string[]] };
/** `csp`: the page's Content-Security-Policy, allowing its inline scripts by hash (lib/http/security-headers.ts). */
export type Entry = {
  body: Buffer;
  gzip: Buffer;
  br: Buffer;
  status: number;
  headers: [string, string][];
  csp: string;
  version: number;
  storedAt: number;
  bytes: number;
  variants: Record<Encoding, Variant>;
};
type State = {
  entries: Map<string, Entry>;
  bytes: number;
  /** The most recently used key: a hit on it needs no LRU move. */
  last?: string;
  inflight: Map<string, Promise<Entry | null>>;
  version: { value: number; checkedAt: number; pending?: Promise<number> };
};

type Report = { enabled: boolean; entries: number; bytes: number; version: number };
type G = { __huiwuPageCache?: State; __huiwuPublicVersion?: () => Promise<number>; __huiwuPageCacheReport?: () => Promise<Report>; __huiwuInertClientModules?: Set<string> };
const g = globalThis as unknown as G;
const state: State = (g.__huiwuPageCache ??= { entries: new Map(), bytes: 0, inflight: new Map(), version: { value: -1, checkedAt: 0 } });

/** The app registers how to read the version (instrumentation.ts); until then nothing is cached. */
export function registerPublicVersionSource(read: () => Promise<number>) {
  g.__huiwuPublicVersion = read;
}

/**
 * The client modules a page may reference and still be stored without React's runtime (lib/cache/static-page.ts); the
 * front registers them from the build at start. Until then (and in unit tests) pages are stored as Next rendered them.
 */
export function registerInertClientModules(ids: Set<string> | null) {
  g.__huiwuInertClientModules = ids ?? undefined;
}

/** The registered version source, if any (the back end's thread answers the front's reads with it: scripts/serve.ts). */
export function publicVersionSource(): (() => Promise<number>) | undefined {
  return g.__huiwuPublicVersion;
}

/** `configured`: HUIWU_PAGE_CACHE is not "0" (the front passes the value it read at start: scripts/lib/http-server.ts). */
export function pageCacheEnabled(configured = env.HUIWU_PAGE_CACHE !== "0") {
  return configured && typeof g.__huiwuPublicVersion === "function";
}

/** What a key depends on besides the request: APP_URL and TRUST_PROXY (the front passes the values it read at start). */
export type KeyConfig = { appUrl: string | undefined; trustProxy: TrustProxy };
export const keyConfigFromEnv = (): KeyConfig => ({ appUrl: env.APP_URL, trustProxy: env.TRUST_PROXY });

async function currentVersion(): Promise<number> {
  const v = state.version;
  if (Date.now() - v.checkedAt < VERSION_TTL_MS) return v.value;
  return readVersion();
}

/** Read the version now (one read at a time, shared by whoever asks meanwhile). */
function readVersion(): Promise<number> {
  const v = state.version;
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
export function pageCacheKey(method: string, pathAndQuery: string, header: (name: string) => string | undefined, config: KeyConfig = keyConfigFromEnv()): string | null {
  if (method !== "GET" && method !== "HEAD") return null;
  const q = pathAndQuery.indexOf("?");
  const pathname = q < 0 ? pathAndQuery : pathAndQuery.slice(0, q);
  if (!CACHEABLE.some((re) => re.test(pathname))) return null;
  if (header("rsc") || header("next-router-prefetch") || header("next-action") || header("authorization")) return null;
  const cookie = header("cookie");
  // parsed only when the header could name a session at all (a hit's hot path)
  if (cookie?.includes("session-token") && Object.keys(parseCookies(cookie)).some((name) => name.includes("session-token"))) return null;
  const locale = localeFrom(cookie, header("accept-language"), q < 0 ? null : langParam(pathAndQuery)); // the same decision the render makes
  // Absolute links follow publicOrigin (lib/http/origin.ts). It is constant unless a trusted proxy forwards the
  // scheme and host (no APP_URL): then its https and http pages differ, and so do their keys.
  // Without a trusted proxy (or with APP_URL) it is the one configured origin: skip computing it (a hit's hot path).
  if (config.appUrl || config.trustProxy.kind === "none") return `${locale}|${pathAndQuery}`;
  const origin = publicOrigin((h) => header(h));
  return origin === publicOrigin(() => undefined) ? `${locale}|${pathAndQuery}` : `${locale}|${pathAndQuery}|${origin}`;
}

/** The cache's byte budget: PAGE_CACHE_MAX_BYTES (lib/env.ts), read per eviction so a change applies at once. */
export function pageCacheMaxBytes(): number {
  return env.PAGE_CACHE_MAX_BYTES;
}

/** Drop least recently used entries (the Map's insertion order, refreshed on every hit) until the budget holds. */
function evict() {
  const max = pageCacheMaxBytes();
  for (const [k, e] of state.entries) {
    if (state.bytes <= max) break;
    state.entries.delete(k);
    state.bytes -= e.bytes;
    if (state.last === k) state.last = undefined;
  }
}

function touch(key: string, e: Entry) {
  if (state.last === key) return;
  state.entries.delete(key); // LRU: move to the end
  state.entries.set(key, e);
  state.last = key;
}

/**
 * The stored entry for `key` when it can be served without asking the database: the version was read less than
 * VERSION_TTL_MS ago, the entry is of that version and younger than its lifetime. Synchronous: the server's hit path.
 * Otherwise undefined, and `cachedPage` decides (it reads the version, and renders when needed).
 */
export function freshEntry(key: string): Entry | undefined {
  const v = state.version;
  const now = Date.now();
  const age = now - v.checkedAt;
  if (age >= VERSION_TTL_MS) return undefined;
  // Past half its lifetime, read the next version in the background while this one still serves: under steady
  // traffic hits never wait for a read (every 200 ms a burst of them did), and an edit still shows within the TTL.
  if (age >= VERSION_TTL_MS / 2 && !v.pending) readVersion().catch(() => {});
  const e = state.entries.get(key);
  if (!e || e.version !== v.value || now - e.storedAt >= MAX_AGE_MS) return undefined;
  touch(key, e);
  return e;
}

/**
 * The cached page for `key`, filled by `render` (which must return the app's own response for the request) when
 * missing, stale or expired. Concurrent misses for one key share one render.
 */
export async function cachedPage(key: string, render: () => Promise<Response>): Promise<Entry | null> {
  const version = await currentVersion();
  const hit = state.entries.get(key);
  if (hit && hit.version === version && Date.now() - hit.storedAt < MAX_AGE_MS) {
    touch(key, hit);
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
      const rendered = Buffer.from(await res.arrayBuffer());
      const html = /text\/html/.test(type);
      const inert = g.__huiwuInertClientModules;
      const staticHtml = inert && html ? withoutReactRuntime(rendered.toString("utf8"), inert) : null;
      const body = staticHtml === null ? rendered : Buffer.from(staticHtml, "utf8");
      const headers = KEPT_HEADERS.flatMap((h) => (res.headers.has(h) ? [[h, res.headers.get(h)!] as [string, string]] : []));
      const entry = await makeEntry(body, res.status, headers, html, version);
      const old = state.entries.get(key);
      if (old) state.bytes -= old.bytes;
      state.entries.delete(key);
      state.entries.set(key, entry);
      state.last = key;
      state.bytes += entry.bytes;
      evict();
      return entry;
    })().finally(() => state.inflight.delete(key));
    state.inflight.set(key, fill);
  }
  return fill;
}

/**
 * Cache-Control stays what Next said (no-store for these dynamic pages), so browsers do not keep the page and ask
 * unconditionally; the ETag and 304 serve clients that revalidate (proxies, CDNs in front, feed readers, scripts).
 * Letting browsers keep it (`private, no-cache`) would make every repeat visit a 304, but would also change what a
 * repeat navigation reports (304, not 200) — a decision for the page, not for this cache.
 */
const VARY = "Accept-Encoding, Accept-Language, Cookie";

/** Compress once (in the thread pool, off the event loop), hash once, and build every header list a hit writes. */
async function makeEntry(body: Buffer, status: number, kept: [string, string][], html: boolean, version: number): Promise<Entry> {
  const [gz, br] = await Promise.all([
    gzipAsync(body, { level: 9 }),
    brotliAsync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: body.byteLength, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT } }),
  ]);
  const csp = cspWithHashes(html ? inlineScriptHashes(body.toString("utf8")) : []);
  const hash = createHash("sha256").update(body).digest("base64url").slice(0, 27);
  const common: string[] = [];
  for (const [k, v] of kept) common.push(k, v);
  common.push("vary", VARY, "content-security-policy", csp, "x-huiwu-cache", `v${version}`);
  const security = (https: boolean) => Object.entries(baseSecurityHeaders(https)).flat();
  const variant = (encoding: Encoding, bytes: Buffer): Variant => {
    const etag = `"${hash}${encoding === "identity" ? "" : encoding === "gzip" ? "-gz" : "-br"}"`;
    const head = [...common, "etag", etag];
    const full = [...head, ...(encoding === "identity" ? [] : ["content-encoding", encoding]), "content-length", String(bytes.byteLength)];
    return {
      encoding,
      body: bytes,
      etag,
      headers: [[...full, ...security(false)], [...full, ...security(true)]],
      notModified: [[...head, ...security(false)], [...head, ...security(true)]],
    };
  };
  const variants = { identity: variant("identity", body), gzip: variant("gzip", gz), br: variant("br", br) };
  const bytes = body.byteLength + gz.byteLength + br.byteLength + ENTRY_OVERHEAD;
  return { body, gzip: gz, br, status, headers: kept, csp, version, storedAt: Date.now(), bytes, variants };
}

/** The body gzip-compressed, computed once per entry (phones on slow networks get a fifth of the bytes). */
export function gzipped(entry: Entry): Buffer {
  return entry.gzip;
}

const encodingMemo = new Map<string, Encoding>();
/**
 * The encoding to send for an Accept-Encoding header: br, else gzip, else identity, among those the client accepts
 * (a q of 0 refuses; `*` stands for any not named). Memoised per header value (browsers send a handful).
 */
export function pickEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return "identity";
  let e = encodingMemo.get(acceptEncoding);
  if (e) return e;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = qp ? Number(qp.slice(2)) : 1;
    if (name) q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const accepts = (n: string) => (q.get(n) ?? q.get("*") ?? 0) > 0;
  e = accepts("br") ? "br" : accepts("gzip") || accepts("x-gzip") ? "gzip" : "identity";
  if (encodingMemo.size >= 256) encodingMemo.clear();
  encodingMemo.set(acceptEncoding, e);
  return e;
}

/** If-None-Match (weak comparison, RFC 9110 §13.1.2) against a variant's ETag. */
export function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  for (const t of ifNoneMatch.split(",")) {
    const tag = t.trim();
    if ((tag.startsWith("W/") ? tag.slice(2) : tag) === etag) return true;
  }
  return false;
}

export function pageCacheStats() {
  return { entries: state.entries.size, bytes: state.bytes, version: state.version.value };
}

/**
 * The cache's state for /api/health. The cache lives where the hits are served: under `npm start` that is the front's
 * thread, not the one running the route, which registers how to ask it (scripts/serve.ts).
 */
export async function pageCacheReport(): Promise<Report> {
  if (g.__huiwuPageCacheReport) return g.__huiwuPageCacheReport();
  return { enabled: pageCacheEnabled(), ...pageCacheStats() };
}

export function registerPageCacheReport(read: () => Promise<Report>) {
  g.__huiwuPageCacheReport = read;
}
