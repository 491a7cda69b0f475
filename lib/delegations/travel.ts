/**
 * The pickup schedule (接送站): arrivals and departures grouped by local date, time window and station, with counts —
 * what the pickup team needs to send the right car to the right station. Pure.
 *
 * A leg's `at` is either a wall-clock time in the forum's zone ("2025-09-04T15:20", as the reply slip's date and time
 * inputs give it) or an instant with an offset ("2025-09-04T07:20:00Z"); both are shown in the forum's zone.
 */
import { dayKey, formatTime } from "@/lib/i18n/format";

export type Leg = { at: string; by: string; number?: string | null; station?: string | null };
export type Traveller = { name: string; unit: string; phone: string | null; gender?: string | null; position?: string | null; leg: Leg };

export type TravelRow = { time: string; name: string; unit: string; phone: string | null; position: string | null; by: string; number: string; gender: string | null };
export type TravelGroup = { date: string; window: string; station: string; count: number; rows: TravelRow[] };

/** The time windows (minutes) the pickup team can group by; 2 hours unless asked. */
export const TRAVEL_WINDOWS = [60, 120, 180, 240] as const;
export function travelWindow(v: string | null | undefined): number {
  const n = Number(v);
  return (TRAVEL_WINDOWS as readonly number[]).includes(n) ? n : 120;
}

const LOCAL = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})/;

/** The leg's local date (YYYY-MM-DD) and time (HH:mm) in the forum's zone; null when unreadable. */
export function localParts(at: string, timeZone: string): { date: string; time: string } | null {
  const naive = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(:\d{2}(\.\d+)?)?$/.exec(at.trim());
  if (naive) return { date: naive[1], time: `${naive[2]}:${naive[3]}` };
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) {
    const m = LOCAL.exec(at);
    return m ? { date: m[1], time: `${m[2]}:${m[3]}` } : null;
  }
  return { date: dayKey(d, timeZone), time: formatTime(d, timeZone, "zh-CN") };
}

/** "14:00–16:00" for a time in a window of `minutes` (windows start at midnight). */
export function windowOf(time: string, minutes: number): string {
  const [h, m] = time.split(":").map(Number);
  const start = Math.floor((h * 60 + m) / minutes) * minutes;
  const end = Math.min(start + minutes, 24 * 60);
  const hhmm = (x: number) => `${String(Math.floor(x / 60)).padStart(2, "0")}:${String(x % 60).padStart(2, "0")}`;
  return `${hhmm(start)}–${hhmm(end)}`;
}

/** Grouped by date → window → station, each group's people by time then name. Legs without a readable time come last. */
export function travelSchedule(people: Traveller[], timeZone: string, windowMinutes = 120, noStation = "—"): TravelGroup[] {
  const groups = new Map<string, TravelGroup>();
  for (const p of people) {
    const parts = localParts(p.leg.at, timeZone);
    const date = parts?.date ?? "";
    const window = parts ? windowOf(parts.time, windowMinutes) : "";
    const station = p.leg.station?.trim() || noStation;
    const key = `${date}|${window}|${station}`;
    const group = groups.get(key) ?? { date, window, station, count: 0, rows: [] };
    group.rows.push({ time: parts?.time ?? "", name: p.name, unit: p.unit, phone: p.phone, position: p.position ?? null, by: p.leg.by, number: p.leg.number?.trim() ?? "", gender: p.gender ?? null });
    group.count++;
    groups.set(key, group);
  }
  const last = (s: string) => (s ? s : "\uffff");
  const list = [...groups.values()].sort((a, b) => last(a.date).localeCompare(last(b.date)) || a.window.localeCompare(b.window) || a.station.localeCompare(b.station, "zh-CN"));
  for (const g of list) g.rows.sort((a, b) => a.time.localeCompare(b.time) || a.number.localeCompare(b.number) || a.name.localeCompare(b.name, "zh-CN"));
  return list;
}
