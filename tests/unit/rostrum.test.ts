import { describe, expect, it } from "vitest";
import {
  arrangeRostrum,
  arrangeRow,
  rostrumRankBySeat,
  rostrumView,
  splitIntoRows,
  swapSeats,
} from "@/lib/seating/rostrum";

/*
 * Written out by hand from the published rule (issue 11 §3), NOT computed:
 * government = honour to the rostrum's own left = the audience's RIGHT.
 *  - odd n: No.1 centre; No.2 on No.1's left seen from the rostrum (audience right), No.3 on the other side, alternating.
 *  - even n: No.1 and No.2 share the centre, No.1 left-centre seen from the rostrum (audience right-centre).
 * Each line: ranks seated at seats 1..n, seat 1 = leftmost as seen from the AUDIENCE.
 */
const GOVERNMENT: Record<number, number[]> = {
  1: [1],
  2: [2, 1],
  3: [3, 1, 2],
  4: [4, 2, 1, 3],
  5: [5, 3, 1, 2, 4],
  6: [6, 4, 2, 1, 3, 5],
  7: [7, 5, 3, 1, 2, 4, 6],
  8: [8, 6, 4, 2, 1, 3, 5, 7],
  9: [9, 7, 5, 3, 1, 2, 4, 6, 8],
  10: [10, 8, 6, 4, 2, 1, 3, 5, 7, 9],
  11: [11, 9, 7, 5, 3, 1, 2, 4, 6, 8, 10],
  12: [12, 10, 8, 6, 4, 2, 1, 3, 5, 7, 9, 11],
};
/** international = the mirror image: honour to the rostrum's right = the audience's LEFT. */
const INTERNATIONAL: Record<number, number[]> = {
  1: [1],
  2: [1, 2],
  3: [2, 1, 3],
  4: [3, 1, 2, 4],
  5: [4, 2, 1, 3, 5],
  6: [5, 3, 1, 2, 4, 6],
  7: [6, 4, 2, 1, 3, 5, 7],
  8: [7, 5, 3, 1, 2, 4, 6, 8],
  9: [8, 6, 4, 2, 1, 3, 5, 7, 9],
  10: [9, 7, 5, 3, 1, 2, 4, 6, 8, 10],
  11: [10, 8, 6, 4, 2, 1, 3, 5, 7, 9, 11],
  12: [11, 9, 7, 5, 3, 1, 2, 4, 6, 8, 10, 12],
};

describe("rostrum rule", () => {
  for (let n = 1; n <= 12; n++) {
    it(`government, ${n} people, audience left → right`, () => {
      expect(rostrumRankBySeat(n, "government")).toEqual(GOVERNMENT[n]);
    });
    it(`international, ${n} people, audience left → right`, () => {
      expect(rostrumRankBySeat(n, "international")).toEqual(INTERNATIONAL[n]);
    });
  }

  it("the issue's examples", () => {
    expect(arrangeRow(["No1", "No2", "No3", "No4", "No5"], "government")).toEqual(["No5", "No3", "No1", "No2", "No4"]);
    expect(arrangeRow([1, 2, 3, 4, 5, 6], "government")).toEqual([6, 4, 2, 1, 3, 5]);
  });

  it("as seen from the rostrum, No.2 sits on No.1's left under government (rostrum view = reversed)", () => {
    const fromRostrum = rostrumView(arrangeRow([1, 2, 3], "government"));
    expect(fromRostrum).toEqual([2, 1, 3]); // seen from the rostrum, left → right: No.2 is on No.1's left
  });

  it("empty row", () => {
    expect(rostrumRankBySeat(0, "government")).toEqual([]);
    expect(() => rostrumRankBySeat(-1, "government")).toThrow(RangeError);
  });

  it("several rows: each row arranged on its own, seats numbered from the audience's left", () => {
    const ranked = ["a", "b", "c", "d", "e", "f", "g", "h"];
    const rows = arrangeRostrum(splitIntoRows(ranked, 5), "government");
    expect(rows).toEqual([
      {
        row: 1,
        seats: [
          { seat: 1, person: "e" },
          { seat: 2, person: "c" },
          { seat: 3, person: "a" },
          { seat: 4, person: "b" },
          { seat: 5, person: "d" },
        ],
      },
      {
        row: 2,
        seats: [
          { seat: 1, person: "h" },
          { seat: 2, person: "f" },
          { seat: 3, person: "g" },
        ],
      },
    ]);
    expect(() => splitIntoRows(ranked, 0)).toThrow(RangeError);
  });

  it("swapping seats by hand", () => {
    expect(swapSeats(["x", "y", "z"], 0, 2)).toEqual(["z", "y", "x"]);
    expect(() => swapSeats(["x"], 0, 1)).toThrow(RangeError);
  });
});
