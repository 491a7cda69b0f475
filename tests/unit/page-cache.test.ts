import { gunzipSync } from "node:zlib";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { cachedPage, freshEntry, gzipped, pageCacheKey, registerPublicVersionSource, VERSION_TTL_MS } from "@/lib/cache/page-cache";

const h = (headers: Record<string, string>) => (name: string) => headers[name];

describe("page cache key", () => {
  it("caches anonymous GETs of public pages, per language", () => {
    expect(pageCacheKey("GET", "/events/yantan-industrial-parks-2025/agenda", h({ "accept-language": "zh-CN,zh;q=0.9" }))).toBe(
      "zh-CN|/events/yantan-industrial-parks-2025/agenda",
    );
    expect(pageCacheKey("GET", "/events/x", h({ cookie: "NEXT_LOCALE=en", "accept-language": "zh-CN" }))).toBe("en|/events/x");
    expect(pageCacheKey("GET", "/reports?tag=%E8%B4%A2%E7%BB%8F", h({}))).toBe("zh-CN|/reports?tag=%E8%B4%A2%E7%BB%8F");
    expect(pageCacheKey("GET", "/api/v1/events/x", h({}))).toBe("zh-CN|/api/v1/events/x");
  });

  it("never caches signed-in visitors, writes, client navigations, tokens, or private pages", () => {
    expect(pageCacheKey("GET", "/events/x", h({ cookie: "authjs.session-token=abc" }))).toBeNull();
    expect(pageCacheKey("GET", "/events/x", h({ cookie: "__Secure-authjs.session-token=abc" }))).toBeNull();
    expect(pageCacheKey("POST", "/events/x", h({}))).toBeNull();
    expect(pageCacheKey("GET", "/events/x", h({ rsc: "1" }))).toBeNull();
    expect(pageCacheKey("GET", "/api/v1/events/x", h({ authorization: "Bearer t" }))).toBeNull();
    for (const p of ["/admin", "/me/registrations", "/events/x/register", "/api/v1/me/registrations", "/events/X"]) expect(pageCacheKey("GET", p, h({}))).toBeNull();
  });
});

describe("cached pages follow the public version", () => {
  let version = 1;
  let renders = 0;
  const render = async () => {
    renders++;
    return new Response(`<p>v${version} render ${renders}</p>`, { headers: { "content-type": "text/html; charset=utf-8" } });
  };
  beforeEach(() => registerPublicVersionSource(async () => version));

  it("serves the stored page until the version moves, then renders once", async () => {
    const key = `t|/events/${Math.random()}`;
    const a = await cachedPage(key, render);
    const b = await cachedPage(key, render);
    expect(renders).toBe(1);
    expect(Buffer.from(b!.body).toString()).toBe(Buffer.from(a!.body).toString());
    version = 2;
    await new Promise((r) => setTimeout(r, VERSION_TTL_MS + 20));
    const c = await cachedPage(key, render);
    expect(Buffer.from(c!.body).toString()).toContain("v2");
    expect(renders).toBe(2);
    expect(gunzipSync(gzipped(c!)).toString()).toBe(Buffer.from(c!.body).toString());
  });

  it("past half the version's lifetime a hit reads the next version in the background and is still served; a moved version then misses", async () => {
    vi.useFakeTimers({ toFake: ["Date"] }); // the clock moves only when told: no timing margins
    try {
      const key = `t|/events/${Math.random()}`;
      let reads = 0;
      registerPublicVersionSource(async () => {
        reads++;
        return version;
      });
      vi.setSystemTime(Date.now() + VERSION_TTL_MS); // whatever an earlier test read is stale now
      await cachedPage(key, render); // reads the version, stores the page
      const before = reads;
      vi.setSystemTime(Date.now() + VERSION_TTL_MS / 2 - 1);
      expect(freshEntry(key), "young version: a hit, no read").toBeDefined();
      expect(reads).toBe(before);
      vi.setSystemTime(Date.now() + 2);
      version++;
      expect(freshEntry(key), "older than half the TTL: still a hit …").toBeDefined();
      expect(reads, "… and the next version is being read").toBe(before + 1);
      await new Promise((r) => setTimeout(r, 0));
      expect(freshEntry(key), "the version moved: the stored page is stale at once").toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });

  it("concurrent misses share one render; errors and cookies are not stored", async () => {
    const key = `t|/events/${Math.random()}`;
    const before = renders;
    await Promise.all(Array.from({ length: 20 }, () => cachedPage(key, render)));
    expect(renders - before).toBe(1);
    const notFound = await cachedPage(`t|/x${Math.random()}`, async () => new Response("no", { status: 404, headers: { "content-type": "text/html" } }));
    expect(notFound).toBeNull();
    const withCookie = await cachedPage(`t|/y${Math.random()}`, async () => new Response("c", { headers: { "content-type": "text/html", "set-cookie": "a=b" } }));
    expect(withCookie).toBeNull();
  });
});

describe("absolute URLs and the cache key (issue 12 item 4)", () => {
  const prev = { ...process.env };
  const restore = () => {
    for (const k of ["TRUST_PROXY", "APP_URL"]) {
      if (prev[k] === undefined) delete process.env[k];
      else process.env[k] = prev[k];
    }
  };

  it("X-Forwarded-Proto/-Host change the key only when a trusted proxy may send them (else they never reach the page)", async () => {
    const { publicOrigin } = await import("@/lib/http/origin");
    try {
      delete process.env.TRUST_PROXY;
      delete process.env.APP_URL;
      const https = h({ "x-forwarded-proto": "https", "x-forwarded-host": "evil.example" });
      expect(pageCacheKey("GET", "/reports/feed.xml", https)).toBe(pageCacheKey("GET", "/reports/feed.xml", h({})));
      expect(publicOrigin((n) => ({ host: "evil.example", "x-forwarded-proto": "https" })[n])).not.toContain("evil");
      process.env.TRUST_PROXY = "1";
      expect(pageCacheKey("GET", "/reports/feed.xml", https)).not.toBe(pageCacheKey("GET", "/reports/feed.xml", h({ "x-forwarded-proto": "http", "x-forwarded-host": "evil.example" })));
      expect(publicOrigin((n) => ({ "x-forwarded-proto": "https", "x-forwarded-host": "huiwu.example.cn" })[n])).toBe("https://huiwu.example.cn");
      process.env.APP_URL = "https://meet.example.org/";
      expect(publicOrigin((n) => ({ "x-forwarded-proto": "http", "x-forwarded-host": "other" })[n])).toBe("https://meet.example.org");
      expect(pageCacheKey("GET", "/reports/feed.xml", https)).toBe(pageCacheKey("GET", "/reports/feed.xml", h({})));
    } finally {
      restore();
    }
  });
});
