/**
 * Wall-clock time in a forum's IANA zone ⇄ instants. Forms show and take "YYYY-MM-DDTHH:mm" in the forum's zone,
 * whatever the browser's zone is (DESIGN §3.5). Pure: usable on the server and in client components.
 */
import { dateFormat, isoInZone } from "@/lib/i18n/format";

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

function offsetMinutes(instant: number, timeZone: string): number {
  const iso = isoInZone(new Date(instant), timeZone); // …+08:00
  const m = /([+-])(\d{2}):(\d{2})$/.exec(iso)!;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** "2025-09-05T09:00" in Asia/Shanghai → 2025-09-05T01:00:00Z. Null when the text is not such a wall time. */
export function zonedToDate(local: string, timeZone: string): Date | null {
  const m = LOCAL_RE.exec(local.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, se] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi, se);
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  let instant = wall - offsetMinutes(wall, timeZone) * 60_000;
  instant = wall - offsetMinutes(instant, timeZone) * 60_000; // second pass settles DST edges
  return new Date(instant);
}

/** An instant as "YYYY-MM-DDTHH:mm" in the zone (the value of an <input type="datetime-local">). */
export function dateToZoned(d: Date, timeZone: string): string {
  return isoInZone(d, timeZone).slice(0, 16);
}

export function isValidTimeZone(tz: string): boolean {
  try {
    dateFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
