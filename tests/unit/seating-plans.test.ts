import { describe, expect, it } from "vitest";
import { arrangeTable, assignTables, tableRankBySeat } from "@/lib/seating/dining";
import { assignBlocks, fillOrder, hallCapacity, hallSeatLabel, type HallGrid } from "@/lib/seating/hall";

const grid = (rows: number, seatsPerRow: number, reserved: [number, "media" | "staff"][] = []): HallGrid => ({
  rows,
  seatsPerRow,
  reserved: new Map(reserved),
});

describe("hall", () => {
  it("fills from the front, left to right, skipping reserved rows", () => {
    const g = grid(3, 2, [[1, "media"]]);
    expect(fillOrder(g)).toEqual([
      { row: 2, seat: 1 },
      { row: 2, seat: 2 },
      { row: 3, seat: 1 },
      { row: 3, seat: 2 },
    ]);
    expect(hallCapacity(g)).toBe(4);
  });

  it("keeps each unit a contiguous block, in the given order, and does not split a small unit across rows when seats spare", () => {
    const g = grid(4, 4);
    const seated = assignBlocks(g, [["a1", "a2", "a3"], ["b1", "b2"], ["c1"]]);
    expect(seated.map((s) => `${s.person}@${s.row}-${s.seat}`)).toEqual([
      "a1@1-1",
      "a2@1-2",
      "a3@1-3",
      // b (2 people) would straddle rows 1-2: starts on row 2 instead
      "b1@2-1",
      "b2@2-2",
      "c1@2-3",
    ]);
  });

  it("splits a unit when there is no seat to spare, and refuses more people than seats", () => {
    const g = grid(2, 3);
    const seated = assignBlocks(g, [["a1", "a2"], ["b1", "b2", "b3", "b4"]]);
    expect(seated.map((s) => `${s.row}-${s.seat}`)).toEqual(["1-1", "1-2", "1-3", "2-1", "2-2", "2-3"]);
    expect(() => assignBlocks(g, [["x", "x", "x", "x", "x", "x", "x"]])).toThrow(RangeError);
  });

  it("labels seats like 3排12号", () => {
    expect(hallSeatLabel(3, 12, "zh-CN")).toBe("3排12号");
    expect(hallSeatLabel(3, 12, "en")).toBe("Row 3, Seat 12");
  });
});

describe("dining", () => {
  it("main table: host at seat 1, guest of honour on the host's right (international) or left (government)", () => {
    // seats clockwise from the host seen from above; the host's left is seat 2, his right the last seat
    expect(tableRankBySeat(6, "international")).toEqual([1, 3, 5, 6, 4, 2]);
    expect(tableRankBySeat(6, "government")).toEqual([1, 2, 4, 6, 5, 3]);
    expect(tableRankBySeat(1, "government")).toEqual([1]);
    expect(arrangeTable(["host", "guest", "third"], "international")).toEqual(["host", "third", "guest"]);
  });

  it("table 1 takes the top of the protocol order; the rest fill by unit, keeping a unit together when it costs no table", () => {
    const tables = assignTables(["h", "g", "p3", "p4"], [["a1", "a2"], ["b1", "b2", "b3"], ["c1"]], 3, "international");
    expect(tables[0]).toEqual(["h", "p3", "g"]);
    // p4 (overflow of the main table) then units: 7 people → 3 tables at least
    expect(tables.slice(1)).toEqual([["p4", "a1", "a2"], ["b1", "b2", "b3"], ["c1"]]);
    expect(() => assignTables([], [], 1, "government")).toThrow(RangeError);
  });
});
