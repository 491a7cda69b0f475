import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Rendered (status 403) by `forbidden()` — e.g. an attendee opening /admin. */
export default async function Forbidden() {
  const t = await getTranslations("auth.forbidden");
  return (
    <div className="mx-auto max-w-md px-4 py-16 text-center" data-testid="forbidden">
      <div aria-hidden className="mx-auto flex h-12 w-12 items-center justify-center rounded-full bg-amber-50 text-2xl ring-1 ring-amber-200">
        🔒
      </div>
      <h1 className="mt-4 text-2xl font-bold text-slate-900">{t("title")}</h1>
      <p className="mt-3 text-slate-600">{t("body")}</p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-brand-700 px-4 py-2 text-white hover:bg-brand-900">
        {t("home")}
      </Link>
    </div>
  );
}
