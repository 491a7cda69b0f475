import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import { LanguageSwitch } from "./language-switch";

export async function SiteHeader({ accountSlot }: { accountSlot?: React.ReactNode }) {
  const t = await getTranslations("common");
  const tReports = await getTranslations("reports");
  const locale = (await getLocale()) as Locale;
  return (
    <header className="no-print border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-baseline gap-2 text-brand-900">
          <span className="text-xl font-bold tracking-wide">会务</span>
          <span className="text-sm font-semibold text-slate-500">Huiwu</span>
        </Link>
        <nav aria-label="main" className="order-last flex w-full flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-700 sm:order-none sm:w-auto sm:flex-1">
          <Link href="/" className="hover:text-brand-700">
            {t("nav.events")}
          </Link>
          <Link href="/speakers" className="hover:text-brand-700" data-testid="nav-speakers">
            {t("nav.speakers")}
          </Link>
          <Link href="/reports" className="whitespace-nowrap hover:text-brand-700" data-testid="nav-reports">
            {tReports("title")}
          </Link>
        </nav>
        <div className="ml-auto flex items-center gap-3">
          {accountSlot}
          <LanguageSwitch current={locale} label={t("switchTo")} ariaLabel={t("language")} />
        </div>
      </div>
    </header>
  );
}
