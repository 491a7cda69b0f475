/**
 * Automatic room assignment (住宿分房). Pure: takes the room blocks, who is already in which bed, and the delegates
 * who asked for a room; returns new (block, room, bed) places. Rules, in the order a 会务组 applies them:
 *   - people already placed (by hand or an earlier run) stay where they are;
 *   - a unit stays together: its people go to the hotel where the unit already is, else the first hotel with room;
 *   - single requests get a single room, else a whole shared room to themselves;
 *   - shared rooms are only ever shared by two people of the same gender — first within the unit, then a leftover
 *     joins a half-filled room of the same gender, then leftovers of different units of the same gender pair up;
 *     a person whose gender is unknown is never paired (gets the room alone);
 *   - a shared request with no shared room left gets a single room; blocks are never filled beyond count × beds.
 * Anyone who cannot be placed is returned in `unplaced`.
 */
export type RoomType = "single" | "shared";
export type Gender = "male" | "female" | null;

export type Block = { id: string; hotelId: string; type: RoomType; count: number };
export type Placed = { delegateId: string; blockId: string; room: number; bed: number; gender: Gender; unitId: string };
export type Guest = { delegateId: string; unitId: string; gender: Gender; wants: RoomType };
export type Placement = { delegateId: string; blockId: string; room: number; bed: number };

export const bedsOf = (type: RoomType) => (type === "shared" ? 2 : 1);

type Room = { block: Block; room: number; beds: (Placed | Guest | null)[] };

export function autoAssign(blocks: Block[], placed: Placed[], guests: Guest[]): { placements: Placement[]; unplaced: string[] } {
  // rooms in block order (the caller orders blocks by hotel, then block)
  const rooms: Room[] = [];
  const byKey = new Map<string, Room>();
  for (const b of blocks)
    for (let r = 1; r <= b.count; r++) {
      const room: Room = { block: b, room: r, beds: Array(bedsOf(b.type)).fill(null) };
      rooms.push(room);
      byKey.set(`${b.id}:${r}`, room);
    }
  const unitHotel = new Map<string, string>();
  for (const p of placed) {
    const room = byKey.get(`${p.blockId}:${p.room}`);
    if (room && p.bed >= 1 && p.bed <= room.beds.length) room.beds[p.bed - 1] = p;
    if (room && !unitHotel.has(p.unitId)) unitHotel.set(p.unitId, room.block.hotelId);
  }
  const already = new Set(placed.map((p) => p.delegateId));
  const todo = guests.filter((g) => !already.has(g.delegateId));

  const placements: Placement[] = [];
  const unplaced: string[] = [];
  const hotelOrder = (unitId: string) => {
    const h = unitHotel.get(unitId);
    return h ? [...rooms.filter((r) => r.block.hotelId === h), ...rooms.filter((r) => r.block.hotelId !== h)] : rooms;
  };
  const put = (room: Room, g: Guest) => {
    const bed = room.beds.indexOf(null);
    room.beds[bed] = g;
    placements.push({ delegateId: g.delegateId, blockId: room.block.id, room: room.room, bed: bed + 1 });
    if (!unitHotel.has(g.unitId)) unitHotel.set(g.unitId, room.block.hotelId);
  };
  const empty = (r: Room) => r.beds.every((b) => b === null);
  const findEmpty = (unitId: string, type: RoomType) => hotelOrder(unitId).find((r) => r.block.type === type && empty(r));

  /** A whole room for one person: single first, else an empty shared room (kept to themselves). */
  const alone = (g: Guest, prefer: RoomType) => {
    const other: RoomType = prefer === "single" ? "shared" : "single";
    const room = findEmpty(g.unitId, prefer) ?? findEmpty(g.unitId, other);
    if (!room) return unplaced.push(g.delegateId);
    put(room, g);
    // a shared room taken by one person alone is closed to others
    room.beds.fill(g);
  };

  for (const g of todo.filter((g) => g.wants === "single")) alone(g, "single");

  const shared = todo.filter((g) => g.wants === "shared");
  const leftovers: Guest[] = [];
  const pairs: [Guest, Guest][] = [];
  const units = [...new Set(shared.map((g) => g.unitId))];
  for (const unit of units)
    for (const gender of ["female", "male"] as const) {
      const list = shared.filter((g) => g.unitId === unit && g.gender === gender);
      for (let i = 0; i + 1 < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
      if (list.length % 2) leftovers.push(list[list.length - 1]);
    }
  const unknown = shared.filter((g) => g.gender === null);

  const placePair = ([a, b]: [Guest, Guest]) => {
    const room = findEmpty(a.unitId, "shared");
    if (room) {
      put(room, a);
      put(room, b);
    } else {
      alone(a, "single");
      alone(b, "single");
    }
  };
  pairs.forEach(placePair);

  // leftovers: a half-filled shared room of the same gender (own unit's first), else pair with another leftover
  const halfFilled = (g: Guest) => {
    const candidates = rooms.filter((r) => r.block.type === "shared" && r.beds.filter(Boolean).length === 1 && r.beds.includes(null) && (r.beds.find(Boolean) as Placed | Guest).gender === g.gender);
    const own = candidates.find((r) => (r.beds.find(Boolean) as Placed | Guest).unitId === g.unitId);
    return own ?? candidates[0];
  };
  const rest: Guest[] = [];
  for (const g of leftovers) {
    const room = halfFilled(g);
    if (room) put(room, g);
    else rest.push(g);
  }
  for (const gender of ["female", "male"] as const) {
    const list = rest.filter((g) => g.gender === gender);
    for (let i = 0; i + 1 < list.length; i += 2) placePair([list[i], list[i + 1]]);
    if (list.length % 2) {
      // the last one of this gender takes a shared room and waits there for a roommate added by hand
      const g = list[list.length - 1];
      const room = findEmpty(g.unitId, "shared");
      if (room) put(room, g);
      else alone(g, "single");
    }
  }
  for (const g of unknown) alone(g, "shared");
  return { placements, unplaced };
}
