import { describe, expect, it } from "vitest";
import { agendaConflicts, conflictsOf, type ConflictSession } from "@/lib/agenda/conflicts";
import { dateToZoned, zonedToDate } from "@/lib/events/zoned";

const at = (hhmm: string, day = "2025-09-05") => new Date(`${day}T${hhmm}:00+08:00`);
const event = { startsAt: at("09:00"), endsAt: at("17:30"), timezone: "Asia/Shanghai" };
const s = (id: string, from: string, to: string, extra: Partial<ConflictSession> = {}): ConflictSession => ({
  id,
  title: id,
  startsAt: at(from),
  endsAt: at(to),
  ...extra,
});
const fan = { personId: "p-fan", name: "范恒山" };
const li = { personId: "p-li", name: "李后强" };

describe("agendaConflicts", () => {
  it("no conflicts for back-to-back sessions in one room with one speaker", () => {
    const list = [s("a", "14:30", "15:00", { location: "会议室", speakers: [fan] }), s("b", "15:00", "16:00", { location: "会议室", speakers: [fan] })];
    expect(agendaConflicts(event, list)).toEqual([]);
  });

  it("a speaker in two overlapping sessions", () => {
    const list = [s("a", "14:30", "15:30", { speakers: [fan, li] }), s("b", "15:00", "16:00", { speakers: [fan] }), s("c", "16:00", "17:00", { speakers: [li] })];
    expect(agendaConflicts(event, list)).toEqual([{ kind: "speaker_overlap", sessionIds: ["a", "b"], personId: "p-fan", personName: "范恒山" }]);
  });

  it("two sessions in one room at once (room names compared trimmed and case-insensitively)", () => {
    const list = [s("a", "09:00", "12:00", { location: "Hall A" }), s("b", "11:00", "11:30", { location: " hall a " }), s("c", "11:00", "11:30", { location: "Hall B" })];
    expect(agendaConflicts(event, list)).toEqual([{ kind: "room_overlap", sessionIds: ["a", "b"], location: "Hall A" }]);
  });

  it("a session nested inside a long one is found even when a session in between does not overlap", () => {
    const list = [s("long", "09:00", "17:00", { location: "R" }), s("x", "10:00", "10:30", { location: "Q" }), s("y", "16:00", "16:30", { location: "R" })];
    expect(agendaConflicts(event, list).map((c) => c.sessionIds)).toEqual([["long", "y"]]);
  });

  it("a session outside the forum's dates, judged in the forum's zone", () => {
    // 2025-09-04 23:30 in Shanghai is 15:30 UTC on the 4th — the day before the forum.
    const list = [s("early", "23:30", "23:59", { startsAt: at("23:30", "2025-09-04"), endsAt: at("23:59", "2025-09-04") }), s("ok", "09:00", "10:00"), s("late", "09:00", "10:00", { startsAt: at("09:00", "2025-09-06"), endsAt: at("10:00", "2025-09-06") })];
    expect(agendaConflicts(event, list)).toEqual([
      { kind: "outside_event", sessionIds: ["early"] },
      { kind: "outside_event", sessionIds: ["late"] },
    ]);
    // 00:30 on the 5th in Shanghai is still the forum's day although it is the 4th in UTC.
    expect(agendaConflicts(event, [s("midnight", "00:30", "01:00")])).toEqual([]);
  });

  it("conflictsOf picks a session's conflicts", () => {
    const all = agendaConflicts(event, [s("a", "14:30", "15:30", { location: "R", speakers: [fan] }), s("b", "15:00", "16:00", { location: "R", speakers: [fan] })]);
    expect(all).toHaveLength(2);
    expect(conflictsOf("a", all)).toHaveLength(2);
    expect(conflictsOf("zzz", all)).toHaveLength(0);
  });
});

describe("wall time in the forum's zone", () => {
  it("converts both ways in Asia/Shanghai and across a DST change", () => {
    expect(zonedToDate("2025-09-05T09:00", "Asia/Shanghai")!.toISOString()).toBe("2025-09-05T01:00:00.000Z");
    expect(dateToZoned(new Date("2025-09-05T01:00:00Z"), "Asia/Shanghai")).toBe("2025-09-05T09:00");
    expect(zonedToDate("2025-07-01T12:00", "Europe/London")!.toISOString()).toBe("2025-07-01T11:00:00.000Z");
    expect(zonedToDate("2025-12-01T12:00", "Europe/London")!.toISOString()).toBe("2025-12-01T12:00:00.000Z");
  });
  it("rejects what is not a wall time", () => {
    expect(zonedToDate("2025-02-30T09:00", "Asia/Shanghai")).toBeNull();
    expect(zonedToDate("9am", "Asia/Shanghai")).toBeNull();
    expect(zonedToDate("2025-09-05T25:00", "Asia/Shanghai")).toBeNull();
  });
});

describe("swapSlots (moving a session up or down)", () => {
  it("swaps two sessions keeping durations and the gap", async () => {
    const { swapSlots } = await import("@/lib/agenda/reorder");
    const r = swapSlots({ startsAt: at("14:30"), endsAt: at("15:00") }, { startsAt: at("15:10"), endsAt: at("16:10") });
    expect(r.second).toEqual({ startsAt: at("14:30"), endsAt: at("15:30") });
    expect(r.first).toEqual({ startsAt: at("15:40"), endsAt: at("16:10") });
  });
});
