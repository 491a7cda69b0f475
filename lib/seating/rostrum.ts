/**
 * The rostrum (主席台) rule, pure and client-safe (issue 11 §3).
 *
 * `government` (the usual Chinese rule): honour to the rostrum's OWN left.
 *   - odd count: No. 1 in the centre, No. 2 on No. 1's left as seen from the rostrum, No. 3 on the right, and so on
 *     alternating outward;
 *   - even count: No. 1 and No. 2 share the centre, No. 1 on the left-centre as seen from the rostrum.
 * `international`: the mirror image (honour to the right).
 *
 * The rostrum's left is the audience's right. Every function here answers in the AUDIENCE's view: index 0 / seat 1 is
 * the leftmost seat as seen from the hall, which is how a seat map is drawn and how the API numbers seats.
 */

export const CONVENTIONS = ["government", "international"] as const;
export type Convention = (typeof CONVENTIONS)[number];

/**
 * For `n` people in rank order, the rank (1-based) sitting at each seat, seats listed from the audience's left.
 * E.g. government, 5 → [5, 3, 1, 2, 4]; 6 → [6, 4, 2, 1, 3, 5].
 */
export function rostrumRankBySeat(n: number, convention: Convention): number[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`rostrum size must be a whole number, got ${n}`);
  const seats = new Array<number>(n);
  // Government, audience view: honour goes to the audience's RIGHT (= the rostrum's left).
  // Odd: No. 1 at the centre c; No. 2k at c + k, No. 2k+1 at c - k.
  // Even: No. 1 at n/2 (audience right-centre), No. 2 at n/2 - 1; then No. 3 right of No. 1, No. 4 left of No. 2 …
  for (let rank = 1; rank <= n; rank++) {
    let pos: number;
    if (n % 2 === 1) {
      const c = (n - 1) / 2;
      pos = rank === 1 ? c : rank % 2 === 0 ? c + rank / 2 : c - (rank - 1) / 2;
    } else {
      const right = n / 2; // audience's right-centre seat
      pos = rank % 2 === 1 ? right + (rank - 1) / 2 : right - 1 - (rank - 2) / 2;
    }
    seats[convention === "government" ? pos : n - 1 - pos] = rank;
  }
  return seats;
}

/** Arrange people given in rank order (first = most senior) into seats, returned from the audience's left. */
export function arrangeRow<T>(people: readonly T[], convention: Convention): T[] {
  return rostrumRankBySeat(people.length, convention).map((rank) => people[rank - 1]!);
}

/** The same seats as seen from the rostrum (the people sitting there): simply reversed. */
export function rostrumView<T>(audienceView: readonly T[]): T[] {
  return [...audienceView].reverse();
}

export type RostrumSeat<T> = { seat: number; person: T };
export type RostrumRow<T> = { row: number; seats: RostrumSeat<T>[] };

/**
 * Several rows (row 1 = front): each row is arranged on its own by the rule; seat numbers start at 1 on the
 * audience's left in every row.
 */
export function arrangeRostrum<T>(rows: readonly (readonly T[])[], convention: Convention): RostrumRow<T>[] {
  return rows.map((people, i) => ({
    row: i + 1,
    seats: arrangeRow(people, convention).map((person, j) => ({ seat: j + 1, person })),
  }));
}

/**
 * Split one ranked list into rows of at most `perRow` seats, the most senior in the front row (the usual way a
 * long 主席台 list is broken into 第一排/第二排).
 */
export function splitIntoRows<T>(people: readonly T[], perRow: number): T[][] {
  if (!Number.isInteger(perRow) || perRow < 1) throw new RangeError(`seats per row must be ≥ 1, got ${perRow}`);
  const rows: T[][] = [];
  for (let i = 0; i < people.length; i += perRow) rows.push(people.slice(i, i + perRow));
  return rows;
}

/** Swap two seats of an arranged row by hand (indices from the audience's left); returns a new array. */
export function swapSeats<T>(row: readonly T[], a: number, b: number): T[] {
  if (a < 0 || b < 0 || a >= row.length || b >= row.length) throw new RangeError("seat out of range");
  const next = [...row];
  [next[a], next[b]] = [next[b]!, next[a]!];
  return next;
}
