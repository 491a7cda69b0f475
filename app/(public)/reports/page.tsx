import type { Metadata } from "next";
import { publicPageMetadata } from "@/lib/i18n/alternates";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";
import { Localized } from "@/components/ui/localized";
import { formatDate, pick } from "@/lib/i18n/format";
import { excerpt } from "@/lib/reports/format";
import { bodyToText, type ReportFormat } from "@/lib/shared/report-html";
import { publicReportList, publicReportTags } from "@/lib/reports/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: PageProps<"/reports">): Promise<Metadata> {
  const t = await getTranslations("reports");
  const sp = await searchParams;
  const tag = typeof sp.tag === "string" && sp.tag.length <= 30 ? sp.tag : null;
  return publicPageMetadata(tag ? `/reports?tag=${encodeURIComponent(tag)}` : "/reports", {
    title: t("indexTitle"),
    description: t("indexIntro"),
    alternates: { types: { "application/atom+xml": "/reports/feed.xml" } },
    openGraph: { title: t("indexTitle"), description: t("indexIntro"), type: "website" },
  });
}

export default async function ReportsIndex({ searchParams }: PageProps<"/reports">) {
  const sp = await searchParams;
  const tag = typeof sp.tag === "string" && sp.tag.length <= 30 ? sp.tag : null;
  const db = await getDb();
  const [list, tags, t, locale] = await Promise.all([publicReportList(db, { tag }), publicReportTags(db), getTranslations("reports"), getLocale() as Promise<Locale>]);
  return (
    <div className="mx-auto max-w-3xl">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold text-slate-900">{t("indexTitle")}</h1>
          <p className="mt-1 text-slate-600">{t("indexIntro")}</p>
        </div>
        <a href="/reports/feed.xml" className="text-sm font-medium text-brand-700 hover:underline" data-testid="feed-link">
          {t("feed")}
        </a>
      </header>

      {tags.length > 0 && (
        <nav aria-label={t("tags")} className="mt-5 flex flex-wrap gap-2 text-sm" data-testid="tag-filter">
          <Link href="/reports" className={`rounded-full px-3 py-1 ${tag ? "bg-slate-100 text-slate-700" : "bg-brand-700 text-white"}`}>
            {t("allTags")}
          </Link>
          {tags.map((x) => (
            <Link
              key={x.tag}
              href={`/reports?tag=${encodeURIComponent(x.tag)}`}
              aria-current={x.tag === tag ? "page" : undefined}
              className={`rounded-full px-3 py-1 ${x.tag === tag ? "bg-brand-700 text-white" : "bg-slate-100 text-slate-700 hover:bg-brand-50"}`}
            >
              #{x.tag}
            </Link>
          ))}
        </nav>
      )}
      {tag && <p className="mt-4 text-sm text-slate-600">{t("filteredBy", { tag })}</p>}

      {list.length === 0 ? (
        <p className="mt-8 text-slate-500">{t("none")}</p>
      ) : (
        <ul className="mt-6 space-y-4" data-testid="report-list">
          {list.map((r) => (
            <li key={r.slug} className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm sm:flex">
              {r.cover && (
                // eslint-disable-next-line @next/next/no-img-element -- our own /media files
                <img src={`/media/${r.cover}`} alt="" loading="lazy" className="h-44 w-full bg-slate-100 object-cover sm:h-auto sm:w-48" />
              )}
              <div className="min-w-0 p-5">
                <h2 className="text-lg font-semibold leading-snug text-slate-900">
                  <Link href={`/reports/${r.slug}`} className="hover:text-brand-700">
                    <Localized locale={locale} zh={r.title} en={r.titleEn} />
                  </Link>
                </h2>
                <p className="mt-1 text-sm text-slate-500">
                  {r.publishedAt && formatDate(r.publishedAt, r.timezone, locale)}
                  {r.byline && <span> · {r.byline}</span>}
                </p>
                <p className="mt-2 text-sm leading-relaxed text-slate-700">{excerpt(bodyToText(r.lead, r.leadFormat as ReportFormat), 110)}</p>
                <p className="mt-3 text-sm">
                  <Link href={`/events/${r.eventSlug}`} className="text-slate-500 hover:text-brand-700">
                    {t("forumNamed", { title: pick(locale, r.eventTitle, r.eventTitleEn) })}
                  </Link>
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
