"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { LANG_PARAM, LOCALE_COOKIE, type Locale } from "@/lib/i18n/config";

/**
 * The language switch. Its markup works without React: public/islands.js answers a click on any page (it stores the
 * other language in the locale cookie and loads the page again), so an anonymous public page served without React's
 * runtime has a working switch (lib/cache/static-page.ts lists this module as inert for that reason; issue 15).
 * Where React runs (signed-in visitors, the console, forms), it enhances the click into a soft refresh: the page
 * re-renders on the server in the new language and keeps what the visitor typed; the click is marked handled so the
 * island does not also reload.
 *
 * Explicit language URLs (?lang=en, which wins over the cookie; lib/i18n/config.ts): islands.js stores a visited
 * ?lang= language in the cookie (a cached page never sets cookies), so the plain URLs the page links to render in the
 * same language; on such a URL the switch is left to islands.js, which loads the plain URL (the root layout follows).
 */
export function LanguageSwitch({ current, label, ariaLabel }: { current: Locale; label: string; ariaLabel: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const next: Locale = current === "zh-CN" ? "en" : "zh-CN";
  return (
    <button
      type="button"
      aria-label={`${label} (${ariaLabel})`} // the visible text leads the spoken name (WCAG 2.5.3)
      data-testid="language-switch"
      data-island="language-switch"
      data-current={current}
      data-next={next}
      data-cookie={LOCALE_COOKIE}
      data-param={LANG_PARAM}
      disabled={pending}
      onClick={(event) => {
        if (new URL(window.location.href).searchParams.has(LANG_PARAM)) return; // islands.js: to the plain URL
        event.preventDefault(); // handled here: islands.js skips it
        document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`; // as islands.js sets it
        startTransition(() => router.refresh());
      }}
      className="rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-700 hover:bg-slate-100 disabled:opacity-60"
      lang={next}
    >
      {label}
    </button>
  );
}
