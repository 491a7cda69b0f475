import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("common.notFound");
  return (
    <div className="mx-auto max-w-md px-4 py-16 text-center" data-testid="not-found">
      <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
      <p className="mt-3 text-slate-600">{t("body")}</p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-brand-700 px-4 py-2 text-white hover:bg-brand-900">
        {t("home")}
      </Link>
    </div>
  );
}
