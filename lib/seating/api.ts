/** The seating API's JSON shapes (issue 11 §API). */
import type { Locale } from "@/lib/i18n/config";
import { hallSeatLabel } from "./hall";
import type { DiningView, HallView, RostrumView } from "./queries";

export function rostrumJson(v: RostrumView | null) {
  if (!v) return null;
  return {
    convention: v.convention,
    room: v.roomId,
    session: v.sessionId,
    rows: v.rows.map((r) => ({ row: r.row, seats: r.seats.map((s) => ({ seat: s.seat, id: s.id, name: s.name, rank: s.rank })) })),
  };
}

export function hallJson(h: HallView | null, locale: Locale) {
  if (!h) return null;
  return {
    rows: h.rows,
    seatsPerRow: h.seatsPerRow,
    reserved: h.reserved,
    seats: h.seats.map((s) => ({ label: hallSeatLabel(s.row, s.seat, locale), row: s.row, seat: s.seat, registrationId: s.id, name: s.name, organization: s.organization })),
  };
}

export function tablesJson(d: DiningView) {
  return d.tables.map((t) => ({ number: t.number, size: t.size, seats: t.seats.map((s) => ({ seat: s.seat, id: s.id, name: s.name, organization: s.organization, rank: s.rank })) }));
}
