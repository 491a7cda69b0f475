/**
 * Canonical and language alternates of public pages (issue 12 item 15). A page's language is negotiated on one URL
 * (cookie, Accept-Language), so each page also exists at an explicit language URL, `?lang=zh-CN` / `?lang=en`
 * (lib/i18n/config.ts LANG_PARAM; the page cache keys by it). A page in language L says:
 *   <link rel="canonical" href="…?lang=L">, <link rel="alternate" hreflang="zh-CN|en" href="…?lang=…">, and
 *   hreflang="x-default" for the negotiated URL; og:url = the canonical URL, og:locale / og:locale:alternate.
 * URLs are resolved against metadataBase (the public origin, app/layout.tsx).
 */
import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { LANG_PARAM, locales, type Locale } from "./config";

export const OG_LOCALE: Record<Locale, string> = { "zh-CN": "zh_CN", en: "en_GB" };
export const SITE_NAME = "会务 Huiwu";

/** `path` (which may carry a query) with `?lang=locale`, or without any lang when `locale` is undefined. */
export function languageUrl(path: string, locale?: Locale): string {
  const q = path.indexOf("?");
  const pathname = q < 0 ? path : path.slice(0, q);
  const sp = new URLSearchParams(q < 0 ? "" : path.slice(q + 1));
  sp.delete(LANG_PARAM);
  if (locale) sp.set(LANG_PARAM, locale);
  const s = sp.toString();
  return s ? `${pathname}?${s}` : pathname;
}

/** The canonical/alternate links and og:url/og:locale for a public page at `path`, merged into `meta`. */
export async function publicPageMetadata(path: string, meta: Metadata = {}, locale?: Locale): Promise<Metadata> {
  const l = locale ?? ((await getLocale()) as Locale);
  const canonical = languageUrl(path, l);
  const og = (meta.openGraph ?? {}) as Record<string, unknown>;
  return {
    ...meta,
    alternates: {
      ...meta.alternates,
      canonical,
      languages: { ...Object.fromEntries(locales.map((x) => [x, languageUrl(path, x)])), "x-default": languageUrl(path) },
    },
    openGraph: {
      siteName: SITE_NAME,
      type: "website",
      title: typeof meta.title === "string" ? meta.title : undefined,
      description: meta.description ?? undefined,
      ...og,
      url: canonical,
      locale: OG_LOCALE[l],
      alternateLocale: locales.filter((x) => x !== l).map((x) => OG_LOCALE[x]),
    } as Metadata["openGraph"],
  };
}
