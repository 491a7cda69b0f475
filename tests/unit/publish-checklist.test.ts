import { describe, expect, it } from "vitest";
import { checklistWarnings, publishChecklist, type ChecklistEvent } from "@/lib/events/publish-checklist";

const now = new Date("2026-06-01T00:00:00Z");
const starts = new Date("2026-09-05T01:00:00Z");
const ends = new Date("2026-09-05T09:00:00Z");
const session = (title: string, positions: unknown[] = ["副市长"], titleEn: string | null = "Session") => ({
  title,
  titleEn,
  startsAt: starts,
  endsAt: new Date(starts.getTime() + 3600_000),
  speakers: [{ person: { name: `${title}嘉宾`, positions } }],
});
const good: ChecklistEvent = {
  startsAt: starts,
  endsAt: ends,
  titleEn: null,
  venueName: "沿滩宾馆",
  venueAddress: "自贡市沿滩区",
  capacity: 200,
  registrationOpensAt: null,
  registrationClosesAt: null,
  hosts: [{}],
  sessions: [session("开幕")],
};
const keys = (e: ChecklistEvent) => Object.fromEntries(publishChecklist(e, now).map((i) => [i.key, i.level]));

describe("publish checklist", () => {
  it("a complete forum has no warnings; a blank registration window is explained, not flagged", () => {
    expect(keys(good)).toEqual({ dates: "ok", venue: "ok", capacity: "ok", windowBlank: "info", hosts: "ok", agenda: "ok", speakers: "ok" });
    expect(checklistWarnings(publishChecklist(good, now))).toBe(0);
  });

  it("flags each missing piece", () => {
    const k = keys({ ...good, startsAt: new Date("2026-01-01T00:00:00Z"), venueName: null, capacity: null, hosts: [], sessions: [] });
    expect(k).toMatchObject({ datesPast: "warn", venueMissing: "warn", capacityUnlimited: "info", hostsMissing: "warn", agendaEmpty: "warn", speakersNone: "info" });
    const items = publishChecklist({ ...good, registrationClosesAt: new Date(ends.getTime() + 1), sessions: [session("对话", []), { ...session("晚宴"), endsAt: new Date(ends.getTime() + 3600_000) }] }, now);
    expect(items.find((i) => i.key === "windowAfterStart")?.level).toBe("warn");
    expect(items.find((i) => i.key === "speakersNoPosition")).toMatchObject({ level: "warn", params: { n: 1, names: "对话嘉宾" } });
    expect(items.find((i) => i.key === "agendaOutside")).toMatchObject({ level: "warn", params: { titles: "晚宴" } });
  });

  it("checks the English fields only when the forum offers English", () => {
    expect(keys({ ...good, titleEn: "Forum", summaryEn: "About", venueNameEn: "Hotel", venueAddressEn: "Yantan" }).english).toBe("ok");
    const items = publishChecklist({ ...good, titleEn: "Forum", sessions: [session("开幕", ["x"], null)] }, now);
    expect(items.find((i) => i.key === "englishMissing")).toMatchObject({ level: "warn", params: { fields: 3 } }); // summary, venue, address
    expect(items.find((i) => i.key === "englishSessions")).toMatchObject({ level: "warn", params: { n: 1 } });
    // co-hosts and positions without English names
    const named = publishChecklist(
      {
        ...good,
        titleEn: "Forum",
        hosts: [{ organization: { nameEn: "Host" } }, { organization: { nameEn: null } }],
        sessions: [{ ...session("开幕"), speakers: [{ person: { name: "甲", positions: [{ organizationEn: "A Univ.", title: "教授", titleEn: null }] } }, { person: { name: "乙", positions: [{ organizationEn: "B Gov.", title: "", titleEn: null }] } }] }],
      },
      now,
    );
    expect(named.find((i) => i.key === "englishHosts")).toMatchObject({ level: "warn", params: { n: 1 } });
    expect(named.find((i) => i.key === "englishPositions")).toMatchObject({ level: "warn", params: { n: 1 } });
    expect(named.find((i) => i.key === "englishSessions")).toBeUndefined(); // only the gaps that exist
  });
});
