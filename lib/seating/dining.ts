/**
 * Dining (宴会) seating, pure. Round tables of N; table 1 is the main table (主桌) with the host (主人) and the guest
 * of honour (主宾). Seats are numbered from the host's seat (1), clockwise as seen from above with the host at the
 * top facing the entrance. Around a table the people are placed like a rostrum row bent into a circle: the host in
 * the middle, No. 2 beside him on the side of honour, No. 3 on the other side, alternating outward.
 *   - `international` (the usual banquet rule, 以右为尊): the guest of honour on the host's right;
 *   - `government`: on the host's left, as on the rostrum.
 * Seen from above with the host at the top facing down, the host's left is clockwise (+1) and his right is the
 * seat before him (N).
 */
import type { Convention } from "./rostrum";

/** For `n` people at one table in rank order: the rank sitting at each seat 1…n (seat 1 = the host's). */
export function tableRankBySeat(n: number, convention: Convention): number[] {
  const seats = new Array<number>(n);
  for (let rank = 1; rank <= n; rank++) {
    // k-th step outward, alternating sides: No. 2 and 3 one seat away, No. 4 and 5 two seats away …
    const away = Math.floor(rank / 2);
    const honourSide = rank % 2 === 0;
    const left = convention === "government" ? honourSide : !honourSide; // left of the host = clockwise
    const pos = rank === 1 ? 0 : left ? away : n - away;
    seats[pos] = rank;
  }
  return seats;
}

export function arrangeTable<T>(people: readonly T[], convention: Convention): T[] {
  return tableRankBySeat(people.length, convention).map((rank) => people[rank - 1]!);
}

/**
 * Tables for everyone: table 1 takes the first `size` people of `main` (host, guest of honour, then the protocol
 * order) arranged by the convention; the other tables are filled in the order of `rest` (already grouped by unit and
 * ranked), keeping a unit at one table when it fits in a fresh table and the count of tables does not grow.
 */
export function assignTables<T>(main: readonly T[], rest: readonly (readonly T[])[], size: number, convention: Convention): T[][] {
  if (!Number.isInteger(size) || size < 2) throw new RangeError(`table size must be ≥ 2, got ${size}`);
  const head = main.slice(0, size);
  const overflow = main.slice(size);
  const tables: T[][] = [];
  if (head.length) tables.push(arrangeTable(head, convention));
  const blocks = [overflow, ...rest].filter((b) => b.length > 0);
  const total = blocks.reduce((n, b) => n + b.length, 0);
  const minTables = Math.ceil(total / size);
  let current: T[] = [];
  let opened = 0;
  const flush = () => {
    if (current.length) {
      tables.push(current);
      opened++;
    }
    current = [];
  };
  let remaining = total;
  for (const block of blocks) {
    // start a fresh table for a unit that fits in one but not in what is left here, if that costs no extra table
    if (current.length && block.length <= size && current.length + block.length > size) {
      const wouldUse = opened + 1 + Math.ceil(remaining / size);
      if (wouldUse <= minTables) flush();
    }
    for (const p of block) {
      if (current.length === size) flush();
      current.push(p);
      remaining--;
    }
  }
  flush();
  return tables;
}
