"use client";

import { useErrorPageText } from "@/components/i18n/error-page-text";

/** Unexpected errors: a generic message, never the error's text (it may hold internals). Texts: app/layout.tsx. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useErrorPageText();
  return (
    <div className="mx-auto max-w-md px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p className="mt-3 text-slate-600">{t.body}</p>
      <button onClick={reset} className="mt-6 rounded-md bg-brand-700 px-4 py-2 text-white">
        {t.retry}
      </button>
    </div>
  );
}
