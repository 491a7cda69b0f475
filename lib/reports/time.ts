/** Local date-times of a forum's zone ⇄ instants (a datetime-local field means "in the forum's zone"). Pure. */
import { isoInZone } from "@/lib/i18n/format";

/** "2025-09-06T10:00" in Asia/Shanghai → 2025-09-06T02:00:00Z. */
export function zonedToInstant(local: string, timeZone: string): Date {
  const [d, t] = local.split("T");
  const [y, mo, da] = d.split("-").map(Number);
  const [h, mi, s = 0] = t.split(":").map(Number);
  const asUtc = Date.UTC(y, mo - 1, da, h, mi, s);
  let guess = asUtc;
  for (let i = 0; i < 2; i++) guess = asUtc - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

function offsetMs(d: Date, timeZone: string): number {
  const iso = isoInZone(d, timeZone);
  const m = /([+-])(\d{2}):(\d{2})$/.exec(iso)!;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
}

/** An instant as "YYYY-MM-DDTHH:mm" in the zone (for a datetime-local field). */
export function instantToLocalInput(d: Date | null | undefined, timeZone: string): string {
  return d ? isoInZone(d, timeZone).slice(0, 16) : "";
}

/** "10:42" in the zone. */
export function hhmmInZone(d: Date, timeZone: string): string {
  return isoInZone(d, timeZone).slice(11, 16);
}
