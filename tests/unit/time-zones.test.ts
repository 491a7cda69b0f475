import { describe, expect, it } from "vitest";
import { allTimeZones, DEFAULT_TIME_ZONE, timeZoneLabel } from "@/lib/i18n/time-zones";

describe("time-zone picker data", () => {
  it("lists every IANA zone once, Asia/Shanghai first", () => {
    const zones = allTimeZones();
    expect(zones[0]).toBe(DEFAULT_TIME_ZONE);
    expect(new Set(zones).size).toBe(zones.length);
    expect(zones).toEqual(expect.arrayContaining(["Asia/Tokyo", "Europe/Berlin", "America/New_York", "UTC"]));
    expect(zones.length).toBeGreaterThan(300);
  });

  it("labels zones in the reader's language with their offset and id", () => {
    const summer = new Date("2026-07-01T00:00:00Z");
    expect(timeZoneLabel("Asia/Shanghai", "zh-CN", summer)).toBe("中国标准时间 · UTC+08:00 · Asia/Shanghai");
    expect(timeZoneLabel("Asia/Shanghai", "en", summer)).toBe("China Standard Time · UTC+08:00 · Asia/Shanghai");
    expect(timeZoneLabel("Europe/Berlin", "zh-CN", summer)).toMatch(/^中欧夏令时间 · UTC\+02:00 · Europe\/Berlin$/);
    expect(timeZoneLabel("UTC", "en", summer)).toContain("UTC+00:00");
  });
});
