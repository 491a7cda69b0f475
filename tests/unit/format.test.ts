import { describe, expect, it } from "vitest";
import { dateFormat, dayKey, formatEventWhen, isoInZone } from "@/lib/i18n/format";
import { localeFromAcceptLanguage } from "@/lib/i18n/config";

describe("time in the event's zone", () => {
  const start = new Date("2025-09-05T01:00:00Z"); // 09:00 in Shanghai
  const end = new Date("2025-09-05T09:30:00Z"); // 17:30

  it("ISO-8601 with the zone's offset", () => {
    expect(isoInZone(start, "Asia/Shanghai")).toBe("2025-09-05T09:00:00+08:00");
    expect(isoInZone(start, "UTC")).toBe("2025-09-05T01:00:00+00:00");
    expect(isoInZone(new Date("2025-01-15T12:00:00Z"), "America/New_York")).toBe("2025-01-15T07:00:00-05:00");
    expect(isoInZone(new Date("2025-03-01T00:00:00Z"), "Asia/Kolkata")).toBe("2025-03-01T05:30:00+05:30");
  });

  it("renders in the event's zone whatever the machine's zone", () => {
    expect(formatEventWhen(start, end, "Asia/Shanghai", "zh-CN")).toContain("2025年9月5日");
    expect(formatEventWhen(start, end, "Asia/Shanghai", "zh-CN")).toContain("09:00–17:30");
    expect(formatEventWhen(start, end, "Asia/Shanghai", "en")).toContain("5 September 2025");
    // 23:30 UTC on the 4th is the 5th in Shanghai
    expect(dayKey(new Date("2025-09-04T23:30:00Z"), "Asia/Shanghai")).toBe("2025-09-05");
  });

  it("picks the UI language from Accept-Language", () => {
    expect(localeFromAcceptLanguage("en-US,en;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(localeFromAcceptLanguage(undefined)).toBe("zh-CN");
    expect(localeFromAcceptLanguage("fr-FR")).toBe("zh-CN");
  });
});

describe("dateFormat (the one cached Intl.DateTimeFormat)", () => {
  it("returns the same formatter for the same locale and options, another for others", () => {
    const a = dateFormat("zh-CN", { timeZone: "Asia/Shanghai", hour: "2-digit" });
    expect(dateFormat("zh-CN", { timeZone: "Asia/Shanghai", hour: "2-digit" })).toBe(a);
    expect(dateFormat("zh-CN", { timeZone: "Europe/Berlin", hour: "2-digit" })).not.toBe(a);
    expect(dateFormat("en-GB", { timeZone: "Asia/Shanghai", hour: "2-digit" })).not.toBe(a);
    expect(a.resolvedOptions().timeZone).toBe("Asia/Shanghai");
  });
  it("formats as a fresh formatter does, and still refuses an unknown zone", () => {
    const d = new Date("2025-09-05T01:00:00Z");
    const opts = { timeZone: "Asia/Shanghai", year: "numeric", month: "long", day: "numeric" } as const;
    expect(dateFormat("zh-CN", opts).format(d)).toBe(new Intl.DateTimeFormat("zh-CN", opts).format(d));
    expect(() => dateFormat("zh-CN", { timeZone: "Mars/Olympus" })).toThrow(RangeError);
  });
  it("stays bounded when zones come from data", () => {
    const zones = Intl.supportedValuesOf("timeZone");
    const first = dateFormat("en", { timeZone: zones[0], minute: "2-digit" });
    for (const z of zones) for (const minute of ["2-digit", "numeric"] as const) dateFormat("en", { timeZone: z, minute });
    expect(zones.length * 2).toBeGreaterThan(512);
    const again = dateFormat("en", { timeZone: zones[0], minute: "2-digit" });
    expect(again).not.toBe(first); // the cache was cleared on the way, not grown past its bound
    expect(dateFormat("en", { timeZone: zones[0], minute: "2-digit" })).toBe(again);
  });
});
