/**
 * IANA time zones for the forum editor's picker, labelled in the reader's language by the runtime's own CLDR data
 * (e.g. "中国标准时间 · UTC+08:00 · Asia/Shanghai"). Pure and client-safe.
 */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

/** Zones a Chinese organizer picks most, listed first. */
const COMMON = ["Asia/Shanghai", "Asia/Hong_Kong", "Asia/Macau", "Asia/Taipei", "Asia/Urumqi", "Asia/Tokyo", "Asia/Seoul", "Asia/Singapore", "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "UTC"];

export function allTimeZones(): string[] {
  const supported = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  const rest = supported.filter((z) => !COMMON.includes(z));
  return [...COMMON.filter((z) => z === "UTC" || supported.includes(z) || supported.length === 0), ...rest];
}

function part(zone: string, locale: string, timeZoneName: Intl.DateTimeFormatOptions["timeZoneName"], at: Date): string {
  try {
    // eslint-disable-next-line no-restricted-syntax -- one label of each of ~400 zones, once: caching them would only evict the hot formatters of dateFormat()
    return new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName }).formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "";
  } catch {
    return "";
  }
}

/** "中国标准时间 · UTC+08:00 · Asia/Shanghai" (the offset at `at`, so summer time shows as it will be on the day). */
export function timeZoneLabel(zone: string, locale: string, at = new Date()): string {
  const name = part(zone, locale, "long", at);
  const offset = part(zone, "en-US", "longOffset", at).replace(/^GMT$/, "GMT+00:00").replace("GMT", "UTC");
  return [name, offset, zone].filter(Boolean).join(" · ");
}
