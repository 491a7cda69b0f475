import { describe, expect, it } from "vitest";
import { applyHallMove, seatKey, type SeatMap } from "@/components/seating/hall-move";

const seat = (row: number, s: number, id: string) => ({ row, seat: s, id, name: `名${id}`, organization: `单位${id}` });
const plan = (...xs: ReturnType<typeof seat>[]): SeatMap => new Map(xs.map((x) => [seatKey(x.row, x.seat), x]));
const who = (id: string) => ({ id, name: `名${id}`, organization: `单位${id}` });
const layout = (m: SeatMap) => Object.fromEntries([...m].map(([k, v]) => [k, v.id]));

// the editor shows a move before the server answers: it must be the move lib/seating/commands.ts makes (tests/db/seating.test.ts)
describe("hall move shown at once (as moveHallSeat makes it)", () => {
  it("to an empty seat: the old seat empties", () => {
    expect(layout(applyHallMove(plan(seat(1, 1, "a"), seat(1, 2, "b")), { who: who("a"), to: { row: 3, seat: 4 } }))).toEqual({ "1-2": "b", "3-4": "a" });
  });
  it("to a taken seat from a seat: the two swap", () => {
    expect(layout(applyHallMove(plan(seat(1, 1, "a"), seat(1, 2, "b")), { who: who("a"), to: { row: 1, seat: 2 } }))).toEqual({ "1-1": "b", "1-2": "a" });
  });
  it("to a taken seat from the not-seated list: the one sitting there leaves the hall", () => {
    expect(layout(applyHallMove(plan(seat(1, 1, "a")), { who: who("c"), to: { row: 1, seat: 1 } }))).toEqual({ "1-1": "c" });
  });
  it("out of the hall, and onto one's own seat", () => {
    const p = plan(seat(1, 1, "a"), seat(1, 2, "b"));
    expect(layout(applyHallMove(p, { who: who("a"), to: null }))).toEqual({ "1-2": "b" });
    expect(layout(applyHallMove(p, { who: who("a"), to: { row: 1, seat: 1 } }))).toEqual({ "1-1": "a", "1-2": "b" });
    expect(layout(p)).toEqual({ "1-1": "a", "1-2": "b" }); // the saved plan is not touched
  });
});
