/**
 * Vitest setup (registered in vitest.config.mts): next/headers and next/cache only work inside a Next.js request, so
 * tests get stand-ins:
 *  - headers() / cookies() read the fake request of tests/fixtures/request.ts (`withRequest`, `asActor`), or an
 *    empty request outside one;
 *  - revalidateTag / revalidatePath / updateTag / refresh are recorded in `cacheCalls`; cacheTag / cacheLife no-ops;
 *  - next-intl/server (getTranslations, getLocale …) answers with the real messages in the fake request's language.
 * "@/lib/auth/actor" is NOT mocked here: a test opts in with
 *    vi.mock("@/lib/auth/actor", () => import("../fixtures/actor"));
 */
import { vi } from "vitest";

vi.mock("next/headers", async () => {
  const { currentFakeRequest } = await import("../fixtures/request");
  const jar = () => {
    const req = currentFakeRequest();
    const store = req?.cookies ?? new Map<string, string>();
    return {
      get: (name: string) => (store.has(name) ? { name, value: store.get(name)! } : undefined),
      getAll: () => [...store].map(([name, value]) => ({ name, value })),
      has: (name: string) => store.has(name),
      set: (name: string | { name: string; value: string }, value?: string) => {
        if (typeof name === "object") store.set(name.name, name.value);
        else store.set(name, value ?? "");
      },
      delete: (name: string) => store.delete(name),
      toString: () => [...store].map(([k, v]) => `${k}=${v}`).join("; "),
    };
  };
  return {
    headers: async () => currentFakeRequest()?.headers ?? new Headers(),
    cookies: async () => jar(),
    draftMode: async () => ({ isEnabled: false, enable() {}, disable() {} }),
  };
});

vi.mock("next/cache", async () => {
  const { cacheCalls } = await import("../fixtures/request");
  const record =
    (fn: string) =>
    (...args: unknown[]) => {
      cacheCalls.push({ fn, args });
    };
  return {
    revalidateTag: record("revalidateTag"),
    revalidatePath: record("revalidatePath"),
    updateTag: record("updateTag"),
    refresh: record("refresh"),
    cacheTag: () => {},
    cacheLife: () => {},
    unstable_noStore: () => {},
    unstable_cache: <T,>(fn: T) => fn,
  };
});

// next-intl/server resolves to its client build outside React Server Components; give server code the real messages
// in the fake request's language (?lang= via its header, else the NEXT_LOCALE cookie, else Accept-Language, else zh-CN).
vi.mock("next-intl/server", async () => {
  const { createFormatter, createTranslator } = await import("next-intl");
  const { messagesFor } = await import("@/lib/i18n/messages");
  const { isLocale, LANG_HEADER, localeFromAcceptLanguage, LOCALE_COOKIE } = await import("@/lib/i18n/config");
  const { currentFakeRequest } = await import("../fixtures/request");
  const timeZone = "Asia/Shanghai";
  const locale = () => {
    const req = currentFakeRequest();
    const explicit = req?.headers.get(LANG_HEADER); // a ?lang= URL, as the HTTP server passes it on
    if (isLocale(explicit)) return explicit;
    const fromCookie = req?.cookies.get(LOCALE_COOKIE);
    return isLocale(fromCookie) ? fromCookie : localeFromAcceptLanguage(req?.headers.get("accept-language"));
  };
  type Arg = string | { locale?: string; namespace?: string } | undefined;
  return {
    getLocale: async () => locale(),
    getTranslations: async (arg?: Arg) => {
      const loc = (typeof arg === "object" && isLocale(arg.locale) ? arg.locale : undefined) ?? locale();
      const namespace = typeof arg === "string" ? arg : arg?.namespace;
      return createTranslator({ locale: loc, messages: messagesFor(loc), namespace: namespace as never, timeZone });
    },
    getMessages: async () => messagesFor(locale()),
    getFormatter: async () => createFormatter({ locale: locale(), timeZone }),
    getTimeZone: async () => timeZone,
    getNow: async () => new Date(),
    setRequestLocale: () => {},
    getRequestConfig: <T,>(fn: T) => fn,
  };
});
