import { getRequestConfig } from "next-intl/server";
import { requestCookie, requestHeaders } from "@/lib/http/request-headers";
import { defaultLocale, isLocale, LANG_HEADER, LOCALE_COOKIE, localeFrom, type Locale } from "./config";
import { messagesFor } from "./messages";

/**
 * The UI language of the current request — the one source for pages, server actions and route handlers: the language
 * switch's cookie, else the browser's Accept-Language, else zh-CN (the pure `localeFrom`, which the page cache and the
 * custom server use too). Outside a request (scripts, workers) it is the default locale.
 */
export async function requestLocale(): Promise<Locale> {
  try {
    const h = await requestHeaders();
    const raw = h.get("cookie");
    // `?lang=` of the URL, which the HTTP server's back end (scripts/lib/http-backend.ts) passes on as a header (pages cannot read
    // the query in the root layout, where the language is needed first)
    const explicit = h.get(LANG_HEADER);
    if (isLocale(explicit)) return explicit;
    // A language chosen earlier in this same server action (profile save, sign-in) is not in the request's Cookie
    // header yet; Next shows it through cookies(). Only then does it override the header's decision.
    const justSet = await requestCookie(LOCALE_COOKIE);
    if (isLocale(justSet) && !(raw ?? "").includes(`${LOCALE_COOKIE}=${justSet}`)) return justSet;
    return localeFrom(raw, h.get("accept-language"), explicit);
  } catch {
    return defaultLocale;
  }
}

export default getRequestConfig(async ({ locale: explicit }) => {
  const locale = isLocale(explicit) ? explicit : await requestLocale();
  return { locale, messages: messagesFor(locale), timeZone: "Asia/Shanghai" };
});
