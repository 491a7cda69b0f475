"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { LANG_PARAM, LOCALE_COOKIE, type Locale } from "@/lib/i18n/config";

/**
 * Sets the locale cookie and re-renders the current page on the server; no server action needed. On an explicit
 * language URL (?lang=en, which wins over the cookie) it leaves that URL for the plain one, where the cookie decides.
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
      disabled={pending}
      onClick={() => {
        document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
        const url = new URL(window.location.href);
        if (url.searchParams.has(LANG_PARAM)) {
          url.searchParams.delete(LANG_PARAM);
          startTransition(() => router.replace(`${url.pathname}${url.search}${url.hash}`));
        } else startTransition(() => router.refresh());
      }}
      className="rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-700 hover:bg-slate-100 disabled:opacity-60"
      lang={next}
    >
      {label}
    </button>
  );
}
