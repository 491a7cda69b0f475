/** Locales: zh-CN is the default, en is complete (DESIGN §3.6). Safe to import from client components. */
import { locales, type Locale } from "../shared/locales";

export { locales, type Locale };
export const defaultLocale: Locale = "zh-CN";
export const LOCALE_COOKIE = "NEXT_LOCALE";
/**
 * An explicit language URL: `?lang=en` / `?lang=zh-CN` (issue 12 item 15). Canonical and hreflang links point to
 * these, so a crawler (or a shared link) gets one language per URL; without it the language is negotiated.
 */
export const LANG_PARAM = "lang";
/** The request header through which the HTTP server hands Next the URL's `lang` (set from the URL, never trusted from a client). */
export const LANG_HEADER = "x-huiwu-lang";

export function isLocale(v: unknown): v is Locale {
  return typeof v === "string" && (locales as readonly string[]).includes(v);
}

const acceptMemo = new Map<string, Locale>();
/**
 * Best match for an Accept-Language header: any English preference before Chinese picks en. Memoised per header
 * value (browsers send a handful; a page-cache hit decides its language from it).
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return defaultLocale;
  let locale = acceptMemo.get(header);
  if (locale) return locale;
  locale = negotiate(header);
  if (acceptMemo.size >= 256) acceptMemo.clear();
  acceptMemo.set(header, locale);
  return locale;
}

function negotiate(header: string): Locale {
  const prefs = header
    .split(",")
    .map((part) => {
      const [tag, q] = part.trim().split(";q=");
      return { tag: tag.toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of prefs) {
    if (tag.startsWith("zh")) return "zh-CN";
    if (tag.startsWith("en")) return "en";
  }
  return defaultLocale;
}

/** The `lang` of a URL's query ("/events/x?lang=en" → "en"), or null when absent or not a locale. */
export function langParam(pathAndQuery: string | null | undefined): Locale | null {
  const q = (pathAndQuery ?? "").indexOf("?");
  if (q < 0) return null;
  const v = new URLSearchParams(pathAndQuery!.slice(q + 1)).get(LANG_PARAM);
  return isLocale(v) ? v : null;
}

/**
 * THE language decision for a request (pure, so the page cache, the custom server's background render, server
 * actions, route handlers and pages all agree): an explicit `?lang=` of the URL (`explicit`, see langParam); else the
 * first NEXT_LOCALE cookie in the Cookie header (browsers list the most specific path first), if it names a locale;
 * else the best Accept-Language match; else zh-CN.
 * `requestLocale()` (lib/i18n/request.ts) is this function over the current request's headers.
 */
export function localeFrom(cookieHeader: string | null | undefined, acceptLanguage: string | null | undefined, explicit?: string | null): Locale {
  if (isLocale(explicit)) return explicit;
  for (const part of (cookieHeader ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === LOCALE_COOKIE) {
      const v = part.slice(i + 1).trim();
      if (isLocale(v)) return v;
      break; // the first one decides; a bad value falls back to Accept-Language
    }
  }
  return localeFromAcceptLanguage(acceptLanguage);
}
