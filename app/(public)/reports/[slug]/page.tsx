import type { Metadata } from "next";
import { publicPageMetadata } from "@/lib/i18n/alternates";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { FiguresPanel } from "@/components/reports/figures-panel";
import { ReportPhoto } from "@/components/reports/report-photo";
import "@/components/reports/report-prose.css";
import type { Locale } from "@/lib/i18n/config";
import { Localized } from "@/components/ui/localized";
import { formatDate, formatTime, isoInZone, pick } from "@/lib/i18n/format";
import { formatBytes } from "@/lib/reports/format";
import { loadPublicReport } from "@/lib/reports/loaders";
import { renderedReport } from "@/lib/reports/serialize";
import { htmlToText } from "@/lib/shared/report-html";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/reports/[slug]">): Promise<Metadata> {
  const { slug } = await params;
  const r = await loadPublicReport(slug);
  if (!r) return {};
  const locale = (await getLocale()) as Locale;
  const title = pick(locale, r.title, r.titleEn);
  const description = htmlToText(renderedReport(r).lead).slice(0, 160);
  const cover = r.photos[0];
  const image = cover
    ? { url: cover.url, width: cover.width ?? undefined, height: cover.height ?? undefined, alt: cover.caption ?? title }
    : { url: `/reports/${r.slug}/og.png`, width: 1200, height: 630, alt: title };
  return publicPageMetadata(`/reports/${r.slug}`, {
    title,
    description,
    alternates: { types: { "application/atom+xml": "/reports/feed.xml" } },
    openGraph: {
      type: "article",
      title,
      description,
      publishedTime: r.publishedAt ? isoInZone(r.publishedAt, r.event.timezone) : undefined,
      authors: r.byline ? [r.byline] : undefined,
      tags: r.tags,
      images: [image],
    },
    twitter: { card: "summary_large_image", title, description, images: [image.url] },
  }, locale);
}

export default async function ReportPage({ params }: PageProps<"/reports/[slug]">) {
  const { slug } = await params;
  const r = await loadPublicReport(slug);
  if (!r) notFound();
  const [t, locale] = await Promise.all([getTranslations("reports"), getLocale() as Promise<Locale>]);
  const tz = r.event.timezone;
  const creditLine = (credit: string) => t("creditLine", { credit });
  const body = renderedReport(r);
  const photoView = (p: (typeof r.photos)[number]) => ({ ...p, credit: p.credit ?? r.photoCredit });
  const placed = r.photos.filter((p) => !body.inlinePhotoIds.has(p.id)); // a photo in the text is shown there only
  const gallery = placed.filter((p) => p.sectionOrder == null || p.sectionOrder > r.sections.length);
  const date = r.publishedAt ? `${formatDate(r.publishedAt, tz, locale)} ${formatTime(r.publishedAt, tz, locale)}` : null;

  return (
    <article className="mx-auto max-w-2xl" data-testid="report">
      <nav className="text-sm text-slate-500" aria-label="breadcrumb">
        <Link href="/reports" className="hover:text-brand-700">
          {t("title")}
        </Link>
        <span className="mx-2">/</span>
        <Link href={`/events/${r.event.slug}`} className="hover:text-brand-700" data-testid="report-forum-link">
          <Localized locale={locale} zh={r.event.title} en={r.event.titleEn} />
        </Link>
      </nav>

      <header className="mt-4 border-b border-slate-200 pb-5">
        <h1 className="text-2xl font-bold leading-snug text-slate-900 sm:text-3xl" data-testid="report-title">
          <Localized locale={locale} zh={r.title} en={r.titleEn} />
        </h1>
        {r.subtitle && <p className="mt-2 text-lg text-slate-600">{r.subtitle}</p>}
        <p className="mt-4 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
          {r.byline && (
            <span className="font-medium text-slate-800" data-testid="report-byline">
              {r.byline}
            </span>
          )}
          {date && r.publishedAt && (
            <time dateTime={isoInZone(r.publishedAt, tz)} data-testid="report-date" title={t("timezoneNote", { tz })}>
              {date}
            </time>
          )}
        </p>
      </header>

      {r.lead && (
        <div className="report-prose mt-6 text-[1.125rem] text-slate-900" data-testid="report-lead" dangerouslySetInnerHTML={{ __html: body.lead }} />
      )}

      {r.figures.length > 0 && (
        <div className="mt-8">
          <FiguresPanel title={t("figures")} figures={r.figures} />
        </div>
      )}

      {body.sections.map((s) => (
        <section key={s.id} className="mt-10" data-testid="report-section">
          {s.heading && (
            <h2 className="border-l-4 border-brand-700 pl-3 text-xl font-bold leading-snug text-slate-900" data-testid="report-section-heading">
              {s.heading}
            </h2>
          )}
          <div className="report-prose mt-4" data-testid="report-section-body" dangerouslySetInnerHTML={{ __html: s.html }} />
          {placed
            .filter((p) => p.sectionOrder === s.order)
            .map((p) => (
              <ReportPhoto key={p.id} photo={photoView(p)} creditLine={creditLine} />
            ))}
        </section>
      ))}

      {gallery.length > 0 && (
        <section className="mt-10" data-testid="report-gallery">
          <h2 className="text-lg font-semibold text-slate-900">{t("gallery")}</h2>
          <div className="grid gap-2 sm:grid-cols-2">
            {gallery.map((p) => (
              <ReportPhoto key={p.id} photo={photoView(p)} sizes="(min-width: 640px) 336px, 100vw" creditLine={creditLine} />
            ))}
          </div>
        </section>
      )}

      {r.attachments.length > 0 && (
        <section className="mt-10 rounded-xl border border-slate-200 bg-white p-4" data-testid="report-attachments">
          <h2 className="font-semibold text-slate-900">{t("attachments")}</h2>
          <ul className="mt-3 divide-y divide-slate-100">
            {r.attachments.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="min-w-0 break-all text-slate-800">
                  {a.filename}
                  {a.caption && <span className="ml-2 text-sm text-slate-500">{a.caption}</span>}
                </span>
                <a href={a.url} download={a.filename} className="shrink-0 rounded-md bg-brand-700 px-3 py-1 text-sm font-medium text-white hover:bg-brand-900">
                  {t("download")} · {formatBytes(a.bytes)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      <footer className="mt-10 space-y-4 border-t border-slate-200 pt-5 text-sm text-slate-600">
        {r.photoCredit && <p data-testid="report-photo-credit">{r.photoCredit}</p>}
        {r.tags.length > 0 && (
          <div>
            <h2 className="sr-only">{t("tags")}</h2>
            <ul className="flex flex-wrap gap-2" data-testid="report-tags">
              {r.tags.map((tag) => (
                <li key={tag}>
                  <Link href={`/reports?tag=${encodeURIComponent(tag)}`} className="inline-block rounded-full bg-slate-100 px-3 py-1 text-slate-700 hover:bg-brand-50 hover:text-brand-700">
                    #{tag}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        )}
        <p>
          <Link href={`/events/${r.event.slug}`} className="font-medium text-brand-700 hover:underline">
            {t("backToForumNamed", { title: pick(locale, r.event.title, r.event.titleEn) })} →
          </Link>
        </p>
      </footer>
    </article>
  );
}
