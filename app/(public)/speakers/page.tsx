import type { Metadata } from "next";
import { publicPageMetadata } from "@/lib/i18n/alternates";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";
import { Localized, LocalizedPosition } from "@/components/ui/localized";
import { speakerDirectory } from "@/lib/people/queries";
import { pick } from "@/lib/i18n/format";
import { Portrait } from "@/components/events/portrait";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("speakers");
  return publicPageMetadata("/speakers", { title: t("title"), description: t("intro"), openGraph: { title: t("title"), description: t("intro"), type: "website" } });
}

export default async function SpeakersPage() {
  const [list, t, locale] = await Promise.all([getDb().then(speakerDirectory), getTranslations("speakers"), getLocale() as Promise<Locale>]);
  return (
    <div>
      <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      {list.length === 0 ? (
        <p className="mt-6 text-slate-500">{t("none")}</p>
      ) : (
        <ul className="mt-6 grid gap-4 sm:grid-cols-2" data-testid="speaker-list">
          {list.map((p) => (
            <li key={p.id} className="flex gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
              {p.photo ? <Portrait photo={p.photo} alt={pick(locale, p.name, p.nameEn)} className="h-16 w-16 shrink-0" /> : null}
              <div className="min-w-0">
                <h2 className="font-semibold text-slate-900">
                  <Link href={`/speakers/${p.id}`} className="hover:text-brand-700">
                    <Localized locale={locale} zh={p.name} en={p.nameEn} />
                  </Link>
                </h2>
                <ul className="mt-1 space-y-0.5 text-sm text-slate-600">
                  {p.positions.map((pos) => (
                    <li key={pos.id}>
                      <LocalizedPosition locale={locale} p={pos} />
                    </li>
                  ))}
                </ul>
                <p className="mt-2 text-xs text-slate-500">{t("sessionCount", { count: p.sessionCount })}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
