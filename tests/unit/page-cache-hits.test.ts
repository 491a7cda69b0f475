/**
 * Issue 15 (parts 1 and 4, server side): a page-cache hit is served from precomputed bytes and headers — brotli,
 * gzip or identity by Accept-Encoding, a strong ETag per encoding with 304s, every security header of the entry —
 * and the cache holds at most PAGE_CACHE_MAX_BYTES, least recently used evicted first.
 */
import { randomBytes } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { Server } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cachedPage, notModified, pageCacheStats, pickEncoding, registerPublicVersionSource } from "@/lib/cache/page-cache";

let renders = 0;
/** Stands in for Next: a page with an inline script (nonce-stamped when the request's policy carries one). */
function fakeNext(req: IncomingMessage, res: ServerResponse) {
  renders++;
  const nonce = /'nonce-([^']+)'/.exec(String(req.headers["content-security-policy"] ?? ""))?.[1];
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.setHeader("cache-control", "private, no-cache, no-store, max-age=0, must-revalidate");
  res.end(`<!doctype html><html lang="zh-CN"><body>${"议程 agenda ".repeat(400)}<script${nonce ? ` nonce="${nonce}"` : ""}>self.__next_f=[]</script></body></html>`);
}

vi.mock("next", () => ({
  default: () => ({ prepare: async () => {}, getRequestHandler: () => fakeNext }),
}));

const { reloadFrontConfig } = await import("../../scripts/lib/http-server");
const { startHttpServer } = await import("../../scripts/lib/http-backend");
const port = 43000 + Math.floor(Math.random() * 2000);
let server: Server;

beforeAll(async () => {
  registerPublicVersionSource(async () => 7);
  server = await startHttpServer(port, "127.0.0.1", { directRoutes: new Map() }); // no build: every route reaches the stand-in
});
afterAll(() => new Promise<void>((r) => server?.close(() => r())));

/** A GET as it goes over the wire (node:http: no decompression, no header normalisation). */
function raw(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(`http://127.0.0.1:${port}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

const page = () => `/events/hits-${Math.random().toString(36).slice(2)}`;

describe("Accept-Encoding picks brotli, then gzip, then identity", () => {
  it("negotiates by name and q-value", () => {
    expect(pickEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(pickEncoding("gzip, deflate")).toBe("gzip");
    expect(pickEncoding("br;q=0, gzip")).toBe("gzip");
    expect(pickEncoding("gzip;q=0, br;q=0")).toBe("identity");
    expect(pickEncoding("*")).toBe("br");
    expect(pickEncoding("br;q=0, *")).toBe("gzip");
    expect(pickEncoding("identity")).toBe("identity");
    expect(pickEncoding(undefined)).toBe("identity");
  });

  it("a hit sends the precomputed encoding the client prefers, with its length, and the same page in each", async () => {
    const path = page();
    const identity = await raw(path);
    expect(identity.headers["content-encoding"]).toBeUndefined();
    const html = identity.body.toString("utf8");
    const before = renders;
    const br = await raw(path, { "accept-encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(Number(br.headers["content-length"])).toBe(br.body.byteLength);
    expect(brotliDecompressSync(br.body).toString("utf8")).toBe(html);
    const gz = await raw(path, { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString("utf8")).toBe(html);
    expect(renders, "hits never enter Next").toBe(before);
    for (const r of [identity, br, gz]) {
      expect(r.headers["x-huiwu-cache"]).toBe("v7");
      expect(r.headers.vary).toBe("Accept-Encoding, Accept-Language, Cookie");
    }
    expect(br.body.byteLength).toBeLessThan(identity.body.byteLength / 5);
  });
});

describe("a strong ETag per encoding, and 304 Not Modified", () => {
  it("If-None-Match with the ETag of the encoding served is a 304 without a body; another encoding's is not", async () => {
    const path = page();
    const first = await raw(path, { "accept-encoding": "gzip" });
    const gzTag = first.headers.etag!;
    expect(gzTag).toMatch(/^"[^"]+"$/); // strong: no W/
    const brTag = (await raw(path, { "accept-encoding": "br" })).headers.etag!;
    const idTag = (await raw(path)).headers.etag!;
    expect(new Set([gzTag, brTag, idTag]).size).toBe(3);

    const before = renders;
    const again = await raw(path, { "accept-encoding": "gzip", "if-none-match": gzTag });
    expect(again.status).toBe(304);
    expect(again.body.byteLength).toBe(0);
    expect(again.headers.etag).toBe(gzTag);
    expect(again.headers.vary).toBe("Accept-Encoding, Accept-Language, Cookie");
    expect(again.headers["cache-control"]).toBe(first.headers["cache-control"]);
    expect(renders).toBe(before);
    // a list, and the weak form (If-None-Match compares weakly), match too
    expect((await raw(path, { "accept-encoding": "gzip", "if-none-match": `"other", W/${gzTag}` })).status).toBe(304);
    // the brotli representation's tag does not validate the gzip one
    const other = await raw(path, { "accept-encoding": "gzip", "if-none-match": brTag });
    expect(other.status).toBe(200);
    expect(other.headers["content-encoding"]).toBe("gzip");
    // HEAD: the headers of the 200, no body
    const head = await new Promise<IncomingMessage>((resolve) => http.request(`http://127.0.0.1:${port}${path}`, { method: "HEAD", headers: { "accept-encoding": "gzip" } }, resolve).end());
    expect(head.statusCode).toBe(200);
    expect(head.headers.etag).toBe(gzTag);
    head.resume();
  });

  it("a stored page keeps the Cache-Control the app gave it", async () => {
    const r = await raw(page(), { "accept-encoding": "gzip" });
    expect(r.headers["cache-control"]).toBe("private, no-cache, no-store, max-age=0, must-revalidate");
  });
});

describe("a hit carries every security header", () => {
  const check = (h: http.IncomingHttpHeaders) => {
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["x-frame-options"]).toBe("DENY");
    const csp = String(h["content-security-policy"]);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src"))!;
    expect(scriptSrc).toMatch(/'sha256-[^']+'/); // the entry's own policy: its inline script by hash
    expect(scriptSrc).not.toContain("nonce-");
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(h["x-request-id"]).toBeTruthy();
  };

  it("on a 200 and on a 304, and HSTS only when a trusted proxy says https", async () => {
    const path = page();
    await raw(path);
    const hit = await raw(path, { "accept-encoding": "br" });
    expect(hit.headers["x-huiwu-cache"]).toBe("v7");
    check(hit.headers);
    check((await raw(path, { "accept-encoding": "br", "if-none-match": hit.headers.etag! })).headers);
    // a client's own X-Forwarded-Proto is not believed …
    const spoofed = await raw(path, { "x-forwarded-proto": "https" });
    expect(spoofed.headers["x-huiwu-cache"]).toBe("v7");
    expect(spoofed.headers["strict-transport-security"]).toBeUndefined();
    // … a trusted proxy's is
    process.env.TRUST_PROXY = "1";
    reloadFrontConfig(); // the front reads its configuration at start
    try {
      const viaProxy = await raw(path, { "x-forwarded-proto": "https" });
      expect(viaProxy.headers["x-huiwu-cache"]).toBe("v7");
      expect(viaProxy.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
      check(viaProxy.headers);
      expect((await raw(path)).headers["strict-transport-security"]).toBeUndefined();
    } finally {
      delete process.env.TRUST_PROXY;
      reloadFrontConfig();
    }
  });

  it("a well-formed request id from the client is echoed on a hit, any other replaced", async () => {
    const path = page();
    await raw(path);
    expect((await raw(path, { "x-request-id": "lb-request-12345" })).headers["x-request-id"]).toBe("lb-request-12345");
    const replaced = (await raw(path, { "x-request-id": "short" })).headers["x-request-id"];
    expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("ETag comparison", () => {
  it("weak comparison over a list, * matches anything", () => {
    expect(notModified(undefined, '"a"')).toBe(false);
    expect(notModified('"a"', '"a"')).toBe(true);
    expect(notModified('W/"a"', '"a"')).toBe(true);
    expect(notModified('"b", "a"', '"a"')).toBe(true);
    expect(notModified('"b"', '"a"')).toBe(false);
    expect(notModified("*", '"a"')).toBe(true);
  });
});

describe("the cache is bounded in bytes, least recently used evicted first", () => {
  it("PAGE_CACHE_MAX_BYTES: filling past it evicts the entry used longest ago, not one just read", async () => {
    let rendered: string[] = [];
    // incompressible bodies, so every entry weighs about the same in all three encodings
    const bodies = new Map<string, string>();
    const render = (k: string) => async () => {
      rendered.push(k);
      bodies.set(k, bodies.get(k) ?? randomBytes(12_000).toString("base64"));
      return new Response(`<p>${bodies.get(k)}</p>`, { headers: { "content-type": "text/html; charset=utf-8" } });
    };
    const key = (k: string) => `lru|/events/${k}`;
    const a = (await cachedPage(key("a"), render("a")))!;
    try {
      expect(a.bytes).toBeGreaterThan(a.body.byteLength + a.gzip.byteLength + a.br.byteLength - 1);
      process.env.PAGE_CACHE_MAX_BYTES = String(Math.floor(a.bytes * 3.5)); // room for three
      await cachedPage(key("b"), render("b"));
      await cachedPage(key("c"), render("c"));
      expect(pageCacheStats().bytes).toBeLessThanOrEqual(a.bytes * 3.5);
      await cachedPage(key("a"), render("a")); // a is read: now b is the least recently used
      rendered = [];
      await cachedPage(key("d"), render("d"));
      expect(pageCacheStats().bytes).toBeLessThanOrEqual(a.bytes * 3.5);
      expect(pageCacheStats().entries).toBe(3);
      for (const k of ["a", "c", "d"]) await cachedPage(key(k), render(k));
      expect(rendered, "a, c and d are still stored").toEqual(["d"]);
      await cachedPage(key("b"), render("b"));
      expect(rendered, "b was evicted and renders again").toEqual(["d", "b"]);
    } finally {
      delete process.env.PAGE_CACHE_MAX_BYTES;
    }
  });

  it("the default budget is 32 MB", async () => {
    const { pageCacheMaxBytes } = await import("@/lib/cache/page-cache");
    expect(pageCacheMaxBytes()).toBe(32 * 1024 * 1024);
  });
});
