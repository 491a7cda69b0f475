import { describe, expect, it } from "vitest";
import { autoAssign, bedsOf, type Block, type Guest, type Placed, type Placement } from "@/lib/delegations/room-assign";

const g = (delegateId: string, unitId: string, gender: Guest["gender"], wants: Guest["wants"] = "shared"): Guest => ({ delegateId, unitId, gender, wants });

/** Who sleeps in which room, as sets of ids, and a check that no bed/room is over capacity. */
function rooms(blocks: Block[], placed: Placed[], out: Placement[]) {
  const all = [...placed, ...out];
  const byRoom = new Map<string, string[]>();
  for (const p of all) byRoom.set(`${p.blockId}:${p.room}`, [...(byRoom.get(`${p.blockId}:${p.room}`) ?? []), p.delegateId]);
  for (const [key, ids] of byRoom) {
    const [blockId, room] = key.split(":");
    const b = blocks.find((x) => x.id === blockId)!;
    expect(Number(room)).toBeGreaterThanOrEqual(1);
    expect(Number(room)).toBeLessThanOrEqual(b.count);
    expect(ids.length).toBeLessThanOrEqual(bedsOf(b.type));
  }
  expect(new Set(all.map((p) => `${p.blockId}:${p.room}:${p.bed}`)).size).toBe(all.length);
  return [...byRoom.values()].map((ids) => ids.sort());
}

describe("autoAssign (住宿分房)", () => {
  const blocks: Block[] = [
    { id: "A-single", hotelId: "A", type: "single", count: 2 },
    { id: "A-shared", hotelId: "A", type: "shared", count: 3 },
    { id: "B-shared", hotelId: "B", type: "shared", count: 3 },
  ];

  it("pairs shared requests within the unit and never mixes genders", () => {
    const guests = [g("u1-f1", "u1", "female"), g("u1-m1", "u1", "male"), g("u1-f2", "u1", "female"), g("u1-m2", "u1", "male")];
    const { placements, unplaced } = autoAssign(blocks, [], guests);
    expect(unplaced).toEqual([]);
    expect(rooms(blocks, [], placements)).toEqual(expect.arrayContaining([["u1-f1", "u1-f2"], ["u1-m1", "u1-m2"]]));
  });

  it("pairs leftovers of different units by gender, and a person of unknown gender sleeps alone", () => {
    const guests = [g("u1-m", "u1", "male"), g("u2-f", "u2", "female"), g("u3-m", "u3", "male"), g("u4-x", "u4", null)];
    const { placements, unplaced } = autoAssign(blocks, [], guests);
    expect(unplaced).toEqual([]);
    const r = rooms(blocks, [], placements);
    expect(r).toContainEqual(["u1-m", "u3-m"]);
    expect(r).toContainEqual(["u2-f"]);
    expect(r).toContainEqual(["u4-x"]);
    for (const room of r) if (room.includes("u2-f")) expect(room).toEqual(["u2-f"]);
  });

  it("fills a half-filled room of the same gender left by a hand assignment, not one of the other gender", () => {
    const placed: Placed[] = [
      { delegateId: "hand-f", blockId: "A-shared", room: 1, bed: 1, gender: "female", unitId: "u9" },
      { delegateId: "hand-m", blockId: "A-shared", room: 2, bed: 1, gender: "male", unitId: "u9" },
    ];
    const { placements } = autoAssign(blocks, placed, [g("new-f", "u1", "female")]);
    expect(placements).toEqual([{ delegateId: "new-f", blockId: "A-shared", room: 1, bed: 2 }]);
  });

  it("keeps a unit in one hotel where its people already are", () => {
    const placed: Placed[] = [{ delegateId: "x", blockId: "B-shared", room: 1, bed: 1, gender: "male", unitId: "u1" }];
    const { placements } = autoAssign(blocks, placed, [g("u1-f1", "u1", "female"), g("u1-f2", "u1", "female")]);
    expect(placements.every((p) => p.blockId === "B-shared")).toBe(true);
  });

  it("singles get single rooms, then whole shared rooms; never beyond the blocks' capacity", () => {
    const guests = Array.from({ length: 7 }, (_, i) => g(`s${i}`, `u${i}`, i % 2 ? "male" : "female", "single"));
    const { placements, unplaced } = autoAssign(blocks, [], guests);
    // 2 single rooms + 6 shared rooms taken whole = 8 ≥ 7
    expect(unplaced).toEqual([]);
    const r = rooms(blocks, [], placements);
    expect(r.every((room) => room.length === 1)).toBe(true);
    expect(placements.filter((p) => p.blockId === "A-single")).toHaveLength(2);

    const many = Array.from({ length: 20 }, (_, i) => g(`p${i}`, "u1", "male"));
    const res = autoAssign(blocks, [], many);
    // 6 shared rooms × 2 beds + 2 single rooms = 14 places
    expect(res.placements).toHaveLength(14);
    expect(res.unplaced).toHaveLength(6);
    rooms(blocks, [], res.placements);
  });

  it("does not move anyone already placed", () => {
    const placed: Placed[] = [{ delegateId: "a", blockId: "A-single", room: 1, bed: 1, gender: "male", unitId: "u1" }];
    const { placements } = autoAssign(blocks, placed, [g("a", "u1", "male", "single"), g("b", "u1", "male", "single")]);
    expect(placements).toEqual([{ delegateId: "b", blockId: "A-single", room: 2, bed: 1 }]);
  });
});
