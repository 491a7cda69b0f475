import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AgendaTimeline } from "@/components/events/agenda-timeline";
import { PrintButton } from "@/components/ui/print-button";
import { DraftPreviewBanner } from "@/components/events/draft-preview-banner";
import { loadEventPage } from "@/lib/events/loaders";
import type { Locale } from "@/lib/i18n/config";
import { publicPageMetadata } from "@/lib/i18n/alternates";
import { formatEventWhen, pick } from "@/lib/i18n/format";
import { Localized } from "@/components/ui/localized";
import { ChineseOnlyNote } from "@/components/events/chinese-only-note";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/events/[slug]/agenda">): Promise<Metadata> {
  const { slug } = await params;
  const page = await loadEventPage(slug);
  if (!page) return {};
  const { event } = page;
  const [t, locale] = await Promise.all([getTranslations("events"), getLocale() as Promise<Locale>]);
  const title = t("agendaTitle", { title: pick(locale, event.title, event.titleEn) });
  if (page.preview) return { title, robots: { index: false, follow: false } };
  // specific to this forum: its name, when and where, and what is on the programme
  const speakers = new Set(event.sessions.flatMap((s) => s.speakers.map((sp) => sp.person.id))).size;
  const description = t("agendaDescription", {
    title: pick(locale, event.title, event.titleEn),
    when: formatEventWhen(event.startsAt, event.endsAt, event.timezone, locale),
    where: [pick(locale, event.city, event.cityEn), pick(locale, event.venueName, event.venueNameEn)].filter(Boolean).join(" · ") || "—",
    sessions: event.sessions.length,
    speakers,
  });
  return publicPageMetadata(`/events/${event.slug}/agenda`, { title, description, openGraph: { title, description, type: "website", images: [{ url: `/events/${event.slug}/og.png`, width: 1200, height: 630, alt: event.title }] } }, locale);
}

export default async function AgendaPage({ params }: PageProps<"/events/[slug]/agenda">) {
  const { slug } = await params;
  const page = await loadEventPage(slug);
  if (!page) notFound();
  const { event, preview } = page;
  const [t, tr, locale] = await Promise.all([getTranslations("events"), getTranslations("registration"), getLocale() as Promise<Locale>]);
  return (
    <div>
      {preview ? <DraftPreviewBanner slug={event.slug} /> : null}
      <div className="no-print mb-4 flex items-center justify-between gap-4 text-sm">
        <Link href={`/events/${event.slug}`} className="text-brand-700 hover:underline">
          ← {t("backToEvent")}
        </Link>
        <div className="flex flex-wrap items-center justify-end gap-3">
          <a href={`/api/v1/events/${event.slug}/agenda.ics`} download className="text-brand-700 hover:underline" data-testid="agenda-ics">
            {tr("myAgenda.forumIcs")}
          </a>
          <Link href="/me/agenda" className="text-brand-700 hover:underline">
            {tr("myAgenda.title")}
          </Link>
          <PrintButton label={t("print")} />
        </div>
      </div>
      <h1 className="text-2xl font-bold leading-snug text-slate-900" data-testid="agenda-title">
        <Localized locale={locale} zh={event.title} en={event.titleEn} />
      </h1>
      <p className="mt-1 text-sm text-slate-500">{t("timezoneNote", { tz: event.timezone })}</p>
      <div className="mt-4 empty:hidden">
        <ChineseOnlyNote locale={locale} titleEn={event.titleEn} />
      </div>
      <div className="mt-6">
        <AgendaTimeline event={event} />
      </div>
    </div>
  );
}
