"use client";

import { useRouter } from "next/navigation";
import { useEffect, useTransition } from "react";
import { LANG_PARAM, LOCALE_COOKIE, type Locale } from "@/lib/i18n/config";

const setLocaleCookie = (locale: Locale) => {
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
};

/**
 * Sets the locale cookie and re-renders the current page on the server; no server action needed.
 *
 * Explicit language URLs (?lang=en, which wins over the cookie; lib/i18n/config.ts): the root layout (<html lang>,
 * the header, the client messages) is not re-rendered by a client-side navigation, so a visit to a ?lang= URL also
 * stores that language in the cookie here, in the browser (a cached page never sets cookies) — the plain URLs the
 * page links to then render in the same language. On such a URL the switch loads the plain URL afresh (a full load,
 * so the root layout follows), where the cookie decides.
 */
export function LanguageSwitch({ current, label, ariaLabel }: { current: Locale; label: string; ariaLabel: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const next: Locale = current === "zh-CN" ? "en" : "zh-CN";
  useEffect(() => {
    if (new URLSearchParams(window.location.search).get(LANG_PARAM) !== current) return;
    if (!document.cookie.split(/;\s*/).includes(`${LOCALE_COOKIE}=${current}`)) setLocaleCookie(current);
  }, [current]);
  return (
    <button
      type="button"
      aria-label={`${label} (${ariaLabel})`} // the visible text leads the spoken name (WCAG 2.5.3)
      data-testid="language-switch"
      disabled={pending}
      onClick={() => {
        setLocaleCookie(next);
        const url = new URL(window.location.href);
        if (url.searchParams.has(LANG_PARAM)) {
          url.searchParams.delete(LANG_PARAM);
          window.location.replace(url.toString());
        } else startTransition(() => router.refresh());
      }}
      className="rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-700 hover:bg-slate-100 disabled:opacity-60"
      lang={next}
    >
      {label}
    </button>
  );
}
