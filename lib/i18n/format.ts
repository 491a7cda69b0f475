/**
 * Dates and times are always shown in the event's own IANA zone (DESIGN §3.5), whatever the reader's zone.
 * Pure functions: usable on the server and in client components.
 */
import type { Locale } from "./config";

function intlLocale(locale: Locale) {
  return locale === "en" ? "en-GB" : "zh-CN";
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * THE way to get an Intl.DateTimeFormat: one per (locale, options), kept. Building one loads ICU data for its locale
 * and zone and costs far more than formatting with it (a registration rush spent ~4 % of the server's CPU building
 * formatters for its mails). Bounded: zones come from data, so the cache is cleared past 512 kinds.
 * An invalid time zone throws RangeError, as the constructor does. (The zone picker's labels, one of each of ~400
 * zones, build their own: lib/i18n/time-zones.ts.)
 */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    if (formatters.size >= 512) formatters.clear();
    formatters.set(key, f);
  }
  return f;
}

export function formatDate(d: Date, timeZone: string, locale: Locale): string {
  return dateFormat(intlLocale(locale), {
    timeZone,
    year: "numeric",
    month: "long",
    day: "numeric",
    weekday: "short",
  }).format(d);
}

export function formatTime(d: Date, timeZone: string, locale: Locale): string {
  return dateFormat(intlLocale(locale), { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(d);
}

export function formatTimeRange(start: Date, end: Date, timeZone: string, locale: Locale): string {
  return `${formatTime(start, timeZone, locale)}–${formatTime(end, timeZone, locale)}`;
}

/** e.g. "2025年9月5日 周五 09:00–17:30" or "Fri 5 September 2025 09:00–17:30" (+ zone name when useful). */
export function formatEventWhen(start: Date, end: Date, timeZone: string, locale: Locale): string {
  const sameDay = dayKey(start, timeZone) === dayKey(end, timeZone);
  if (sameDay) return `${formatDate(start, timeZone, locale)} ${formatTimeRange(start, end, timeZone, locale)}`;
  return `${formatDate(start, timeZone, locale)} ${formatTime(start, timeZone, locale)} – ${formatDate(end, timeZone, locale)} ${formatTime(end, timeZone, locale)}`;
}

/** YYYY-MM-DD of a moment in a zone: groups agenda sessions by the event's local day. */
export function dayKey(d: Date, timeZone: string): string {
  return dateFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
}

/** ISO-8601 with the zone's offset, e.g. 2025-09-05T09:00:00+08:00 (the API's time format). */
export function isoInZone(d: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    dateFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  const offsetMin = Math.round((local - Math.floor(d.getTime() / 1000) * 1000) / 60000);
  const sign = offsetMin >= 0 ? "+" : "-";
  const abs = Math.abs(offsetMin);
  const off = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${off}`;
}

/** Content with optional English fields: the English text when the UI is English and it exists. */
export function pick(locale: Locale, zh: string, en?: string | null): string;
export function pick(locale: Locale, zh: string | null | undefined, en?: string | null): string | null | undefined;
export function pick(locale: Locale, zh: string | null | undefined, en?: string | null) {
  return locale === "en" && en ? en : zh;
}
