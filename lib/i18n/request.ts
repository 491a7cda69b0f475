import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { defaultLocale, isLocale, LOCALE_COOKIE, localeFrom, type Locale } from "./config";
import { messagesFor } from "./messages";

/**
 * The UI language of the current request — the one source for pages, server actions and route handlers: the language
 * switch's cookie, else the browser's Accept-Language, else zh-CN (the pure `localeFrom`, which the page cache and the
 * custom server use too). Outside a request (scripts, workers) it is the default locale.
 */
export async function requestLocale(): Promise<Locale> {
  try {
    const h = await headers();
    const raw = h.get("cookie");
    // A language chosen earlier in this same server action (profile save, sign-in) is not in the request's Cookie
    // header yet; Next shows it through cookies(). Only then does it override the header's decision.
    const justSet = (await cookies()).get(LOCALE_COOKIE)?.value;
    if (isLocale(justSet) && !(raw ?? "").includes(`${LOCALE_COOKIE}=${justSet}`)) return justSet;
    return localeFrom(raw, h.get("accept-language"));
  } catch {
    return defaultLocale;
  }
}

export default getRequestConfig(async ({ locale: explicit }) => {
  const locale = isLocale(explicit) ? explicit : await requestLocale();
  return { locale, messages: messagesFor(locale), timeZone: "Asia/Shanghai" };
});
