/** The hall editor's seats and a move on them, as the server makes it — pure, so the editor can show it at once. */

export type HallSeatView = { row: number; seat: number; id: string; name: string; organization: string | null };
/** Seats by "row-seat". */
export type SeatMap = Map<string, HallSeatView>;
export type SeatMove = { who: { id: string; name: string; organization: string | null }; to: { row: number; seat: number } | null };

export const seatKey = (row: number, seat: number) => `${row}-${seat}`;

/**
 * A move as the server makes it (lib/seating/commands.ts, moveHallSeat), shown before the server answers: the person
 * takes the seat (or leaves the hall); whoever sat there takes the person's old seat, or leaves the hall when the
 * person came from the not-seated list.
 */
export function applyHallMove(seats: SeatMap, { who, to }: SeatMove): SeatMap {
  const next = new Map(seats);
  const from = [...seats.values()].find((s) => s.id === who.id);
  if (from) next.delete(seatKey(from.row, from.seat));
  if (to) {
    const other = seats.get(seatKey(to.row, to.seat));
    next.set(seatKey(to.row, to.seat), { row: to.row, seat: to.seat, id: who.id, name: who.name, organization: who.organization });
    if (other && other.id !== who.id && from) next.set(seatKey(from.row, from.seat), { ...other, row: from.row, seat: from.seat });
  }
  return next;
}
