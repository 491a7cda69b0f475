import { describe, expect, it } from "vitest";
import { localParts, travelSchedule, windowOf, type Traveller } from "@/lib/delegations/travel";

const p = (name: string, at: string, station: string, number = "G1", phone = "13800000000"): Traveller => ({ name, unit: "自贡市人民政府", phone, leg: { at, by: "train", number, station } });

describe("pickup schedule (接送站)", () => {
  it("reads wall-clock times as the forum's zone and instants in it", () => {
    expect(localParts("2025-09-04T15:20", "Asia/Shanghai")).toEqual({ date: "2025-09-04", time: "15:20" });
    expect(localParts("2025-09-04T23:30:00Z", "Asia/Shanghai")).toEqual({ date: "2025-09-05", time: "07:30" });
    expect(localParts("nonsense", "Asia/Shanghai")).toBeNull();
    expect(windowOf("15:20", 120)).toBe("14:00–16:00");
    expect(windowOf("23:59", 120)).toBe("22:00–24:00");
  });

  it("groups by date, window and station with counts and phones, in order", () => {
    const groups = travelSchedule(
      [
        p("乙", "2025-09-04T15:40", "自贡站", "G8501"),
        p("甲", "2025-09-04T14:10", "自贡站", "G8600", "13900000001"),
        p("丙", "2025-09-04T15:00", "宜宾五粮液机场", "3U8851"),
        p("丁", "2025-09-05T08:05", "自贡站"),
        p("戊", "bad", "自贡站"),
      ],
      "Asia/Shanghai",
    );
    expect(groups.map((g) => [g.date, g.window, g.station, g.count])).toEqual([
      ["2025-09-04", "14:00–16:00", "宜宾五粮液机场", 1],
      ["2025-09-04", "14:00–16:00", "自贡站", 2],
      ["2025-09-05", "08:00–10:00", "自贡站", 1],
      ["", "", "自贡站", 1],
    ]);
    expect(groups[1].rows.map((r) => [r.time, r.name, r.phone, r.number])).toEqual([
      ["14:10", "甲", "13900000001", "G8600"],
      ["15:40", "乙", "13800000000", "G8501"],
    ]);
  });
});
