/** One language decision (issue 12 item 3): the page cache key and the render it caches agree, first cookie wins. */
import { describe, expect, it } from "vitest";
import { pageCacheKey } from "@/lib/cache/page-cache";
import { localeFrom } from "@/lib/i18n/config";

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
});
