/** One language decision: the page cache key and the render it caches agree, first cookie wins. */
import { describe, expect, it } from "vitest";
import { pageCacheKey } from "@/lib/cache/page-cache";
import { langParam, localeFrom } from "@/lib/i18n/config";

describe("localeFrom", () => {
  it("the first NEXT_LOCALE cookie decides; a bad one falls back to Accept-Language; else zh-CN", () => {
    expect(localeFrom("NEXT_LOCALE=zh-CN; NEXT_LOCALE=en", "en")).toBe("zh-CN");
    expect(localeFrom("a=1; NEXT_LOCALE=en", "zh-CN")).toBe("en");
    expect(localeFrom("NEXT_LOCALE=fr", "en-US,en;q=0.9")).toBe("en");
    expect(localeFrom("XNEXT_LOCALE=en", null)).toBe("zh-CN");
    expect(localeFrom(undefined, undefined)).toBe("zh-CN");
  });

  it("the page cache keys by the same decision (duplicate cookies cannot poison it)", () => {
    const headers: Record<string, string> = { cookie: "NEXT_LOCALE=zh-CN; NEXT_LOCALE=en", "accept-language": "en" };
    const key = pageCacheKey("GET", "/events/x?p=1", (n) => headers[n]);
    expect(key).toBe("zh-CN|/events/x?p=1");
    const h2: Record<string, string> = { "accept-language": "en" };
    expect(pageCacheKey("GET", "/events/x?p=1", (n) => h2[n])).toBe("en|/events/x?p=1");
  });

  it("an explicit ?lang= of the URL decides first, and keys the cache (issue 12 item 15)", () => {
    expect(langParam("/events/x?lang=en")).toBe("en");
    expect(langParam("/events/x?p=1&lang=zh-CN")).toBe("zh-CN");
    expect(langParam("/events/x?lang=fr")).toBeNull();
    expect(langParam("/events/x")).toBeNull();
    expect(localeFrom("NEXT_LOCALE=zh-CN", "zh-CN", "en")).toBe("en");
    expect(localeFrom("NEXT_LOCALE=en", "en", "fr")).toBe("en");
    const h: Record<string, string> = { cookie: "NEXT_LOCALE=zh-CN" };
    expect(pageCacheKey("GET", "/events/x?lang=en", (n) => h[n])).toBe("en|/events/x?lang=en");
  });
});
