/**
 * Hall (会场) seating, pure: a rows × seats grid with reserved rows (media, staff …), filled from the front by
 * blocks (each unit sits together), then moved by hand. Seat labels read like 3排12号 / Row 3, Seat 12.
 * Seat numbers run 1…S from the audience's left (the stage is in front of row 1).
 */
import { HALL_RESERVE_REASONS } from "@/lib/shared/enums";

export const RESERVE_REASONS = HALL_RESERVE_REASONS;
export type ReserveReason = (typeof RESERVE_REASONS)[number];

export type HallGrid = { rows: number; seatsPerRow: number; reserved: ReadonlyMap<number, ReserveReason> | Map<number, ReserveReason> };
export type HallSeat = { row: number; seat: number };

/** The free seats of the grid in filling order: front row first, left to right, reserved rows skipped. */
export function fillOrder(grid: HallGrid): HallSeat[] {
  const out: HallSeat[] = [];
  for (let row = 1; row <= grid.rows; row++) {
    if (grid.reserved.has(row)) continue;
    for (let seat = 1; seat <= grid.seatsPerRow; seat++) out.push({ row, seat });
  }
  return out;
}

export function hallCapacity(grid: HallGrid): number {
  let free = 0;
  for (let row = 1; row <= grid.rows; row++) if (!grid.reserved.has(row)) free += grid.seatsPerRow;
  return free;
}

/**
 * Seat blocks in the order given (each block = one unit, its members already in rank order) contiguously in
 * filling order. A block that would fit in one row but starts too close to a row's end begins on the next row when
 * there are enough seats to spare, so small units are not split across two rows. Returns one seat per member, in
 * the same order as the flattened blocks; throws a RangeError when there are more people than free seats.
 */
export function assignBlocks<T>(grid: HallGrid, blocks: readonly (readonly T[])[]): { person: T; row: number; seat: number }[] {
  const seats = fillOrder(grid);
  const total = blocks.reduce((n, b) => n + b.length, 0);
  if (total > seats.length) throw new RangeError(`${total} people for ${seats.length} free seats`);
  let spare = seats.length - total;
  const out: { person: T; row: number; seat: number }[] = [];
  let i = 0;
  for (const block of blocks) {
    if (block.length === 0) continue;
    const here = seats[i]!;
    const leftInRow = grid.seatsPerRow - here.seat + 1;
    if (block.length <= grid.seatsPerRow && block.length > leftInRow && leftInRow <= spare) {
      i += leftInRow; // start the unit on the next free row
      spare -= leftInRow;
    }
    for (const person of block) {
      const s = seats[i++]!;
      out.push({ person, row: s.row, seat: s.seat });
    }
  }
  return out;
}

/** 3排12号 / Row 3, Seat 12. */
export function hallSeatLabel(row: number, seat: number, locale: string): string {
  return locale.startsWith("zh") ? `${row}排${seat}号` : `Row ${row}, Seat ${seat}`;
}
