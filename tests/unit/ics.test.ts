import { describe, expect, it } from "vitest";
import { buildCalendar, foldLine, icsDate, icsText, parseIcs } from "@/lib/calendar/ics";
import { sessionToIcs } from "@/lib/registrations/personal-agenda";

describe("iCalendar writer", () => {
  it("escapes text per RFC 5545", () => {
    expect(icsText("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
  });
  it("writes UTC times with Z", () => {
    expect(icsDate(new Date("2025-09-05T01:00:00.000Z"))).toBe("20250905T010000Z");
  });
  it("folds long lines at ≤ 75 octets without splitting a multi-byte character, and unfolds back", () => {
    const line = `SUMMARY:${"产业园区赋能县域经济高质量发展座谈会".repeat(4)}`;
    const folded = foldLine(line);
    for (const l of folded.split("\r\n")) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
    expect(folded.split("\r\n").slice(1).every((l) => l.startsWith(" "))).toBe(true);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
  });
  it("builds a calendar with one VEVENT per event and CRLF endings", () => {
    const text = buildCalendar({
      name: "测试",
      now: new Date("2025-01-01T00:00:00Z"),
      events: [
        { uid: "a@huiwu", start: new Date("2025-09-05T01:00:00Z"), end: new Date("2025-09-05T04:00:00Z"), summary: "现场考察", location: "沿滩, 自贡" },
        { uid: "b@huiwu", start: new Date("2025-09-05T06:30:00Z"), end: new Date("2025-09-05T09:30:00Z"), summary: "座谈会" },
      ],
    });
    const p = parseIcs(text);
    expect(p[0]).toMatchObject({ name: "BEGIN", value: "VCALENDAR" });
    expect(p.filter((x) => x.name === "BEGIN" && x.value === "VEVENT")).toHaveLength(2);
    expect(p.find((x) => x.name === "LOCATION")?.value).toBe("沿滩\\, 自贡");
    expect(p.find((x) => x.name === "DTSTAMP")?.value).toBe("20250101T000000Z");
    expect(text.split("\r\n").at(-1)).toBe("");
    expect(text.replace(/\r\n/g, "")).not.toMatch(/\n/);
  });
});

describe("agenda sessions as VEVENTs (issue 12 item 16)", () => {
  const forum = { slug: "f", title: "座谈会", titleEn: "Symposium", venueName: "沿滩区行政中心", venueNameEn: "Yantan Civic Centre", venueAddress: "自贡市沿滩区", venueAddressEn: null };
  const session = (location: string | null, locationEn: string | null = null) => ({
    id: "00000000-0000-4000-8000-000000000001",
    title: "主题演讲",
    titleEn: "Keynotes",
    description: null,
    descriptionEn: null,
    startsAt: new Date("2025-09-05T06:30:00Z"),
    endsAt: new Date("2025-09-05T09:30:00Z"),
    location,
    locationEn,
    kind: "keynote",
  });
  const location = (s: ReturnType<typeof session>, locale: "zh-CN" | "en" = "zh-CN") =>
    parseIcs(buildCalendar({ name: "x", events: [sessionToIcs(s, forum, locale)] })).find((x) => x.name === "LOCATION")?.value;

  it("LOCATION names the venue once when the session's location is the venue", () => {
    expect(location(session("沿滩区行政中心"))).toBe("沿滩区行政中心\\, 自贡市沿滩区");
    expect(location(session(" 沿滩区行政中心 "))).toBe("沿滩区行政中心\\, 自贡市沿滩区");
    expect(location(session("Yantan civic centre", "Yantan Civic Centre"), "en")).toBe("Yantan Civic Centre\\, 自贡市沿滩区");
  });
  it("a room of the venue, or no location, still reads room, venue, address", () => {
    expect(location(session("三楼会议室"))).toBe("三楼会议室\\, 沿滩区行政中心\\, 自贡市沿滩区");
    expect(location(session(null))).toBe("沿滩区行政中心\\, 自贡市沿滩区");
  });
});
