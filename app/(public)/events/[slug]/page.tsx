import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { EventStatusBadge } from "@/components/events/event-status-badge";
import { HostList } from "@/components/events/host-list";
import { RegistrationPanel } from "@/components/registrations/registration-panel";
import { currentActor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { DraftPreviewBanner } from "@/components/events/draft-preview-banner";
import { loadEventPage } from "@/lib/events/loaders";
import type { Locale } from "@/lib/i18n/config";
import { publicPageMetadata } from "@/lib/i18n/alternates";
import { Localized, LocalizedJoin } from "@/components/ui/localized";
import { ChineseOnlyNote } from "@/components/events/chinese-only-note";
import { formatEventWhen, pick } from "@/lib/i18n/format";
import { eventAvailability, myRegistrationFor } from "@/lib/registrations/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/events/[slug]">): Promise<Metadata> {
  const { slug } = await params;
  const page = await loadEventPage(slug);
  if (!page) return {};
  const { event } = page;
  const locale = (await getLocale()) as Locale;
  const title = pick(locale, event.title, event.titleEn);
  const description = pick(locale, event.summary, event.summaryEn).slice(0, 160);
  if (page.preview) return { title, robots: { index: false, follow: false } };
  // the share image: the forum's Chinese title drawn with a CJK font (./og.png/route.tsx)
  const image = { url: `/events/${event.slug}/og.png`, width: 1200, height: 630, alt: event.title };
  return publicPageMetadata(
    `/events/${event.slug}`,
    { title, description, openGraph: { title, description, type: "website", images: [image] }, twitter: { card: "summary_large_image", title, description, images: [image.url] } },
    locale,
  );
}

export default async function EventPage({ params }: PageProps<"/events/[slug]">) {
  const { slug } = await params;
  const page = await loadEventPage(slug);
  if (!page) notFound();
  const { event, preview } = page;
  const [t, locale, db, actor] = await Promise.all([getTranslations("events"), getLocale() as Promise<Locale>, getDb(), currentActor()]);
  const [availability, mine] = await Promise.all([eventAvailability(db, event), actor ? myRegistrationFor(db, actor.id, event.id) : null]);
  const tz = event.timezone;
  return (
    <article className="space-y-8">
      {preview ? <DraftPreviewBanner slug={event.slug} /> : null}
      <header className="rounded-2xl bg-gradient-to-br from-brand-900 to-brand-700 p-6 text-white shadow sm:p-8">
        <div className="flex flex-wrap items-center gap-3">
          <EventStatusBadge status={event.status} endsAt={event.endsAt} />
          <span className="text-sm text-brand-100"><Localized locale={locale} zh={event.city} en={event.cityEn} /></span>
        </div>
        <h1 className="mt-3 text-2xl font-bold leading-snug sm:text-3xl" data-testid="event-title">
          <Localized locale={locale} zh={event.title} en={event.titleEn} />
        </h1>
        <p className="mt-3 text-brand-100" data-testid="event-when">
          {formatEventWhen(event.startsAt, event.endsAt, tz, locale)}
        </p>
        <p className="text-brand-100"><LocalizedJoin locale={locale} parts={[{ zh: event.venueName, en: event.venueNameEn }, { zh: event.venueAddress, en: event.venueAddressEn }]} /></p>
        <div className="mt-5 flex flex-wrap gap-3">
          <Link href={`/events/${event.slug}/agenda`} className="rounded-md bg-white px-4 py-2 font-medium text-brand-900 hover:bg-brand-50">
            {t("viewAgenda")}
          </Link>
        </div>
      </header>

      <ChineseOnlyNote locale={locale} titleEn={event.titleEn} />
      <section className="grid gap-6 md:grid-cols-3">
        <div className="space-y-6 md:col-span-2">
          <div className="rounded-xl border border-slate-200 bg-white p-5">
            <h2 className="text-lg font-semibold">{t("summary")}</h2>
            <p className="mt-3 whitespace-pre-line leading-7 text-slate-700"><Localized locale={locale} zh={event.summary} en={event.summaryEn} /></p>
            {event.audience && (
              <>
                <h3 className="mt-5 font-semibold">{t("audience")}</h3>
                <p className="mt-1 text-slate-700"><Localized locale={locale} zh={event.audience} en={event.audienceEn} /></p>
              </>
            )}
          </div>
          <div className="rounded-xl border border-slate-200 bg-white p-5">
            <h2 className="mb-4 text-lg font-semibold">{t("hosts")}</h2>
            <HostList hosts={event.hosts} />
          </div>
        </div>
        <aside className="order-first space-y-4 md:order-none">
          <RegistrationPanel event={event} availability={availability} mine={mine} />
          <div className="rounded-xl border border-slate-200 bg-white p-5 text-sm">
            <dl className="space-y-3">
              <div>
                <dt className="text-slate-500">{t("when")}</dt>
                <dd className="font-medium">{formatEventWhen(event.startsAt, event.endsAt, tz, locale)}</dd>
                <dd className="text-xs text-slate-500">{t("timezoneNote", { tz })}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("where")}</dt>
                <dd className="font-medium"><Localized locale={locale} zh={event.venueName} en={event.venueNameEn} /></dd>
                <dd><Localized locale={locale} zh={event.venueAddress} en={event.venueAddressEn} /></dd>
              </div>
              {event.capacity != null && (
                <div>
                  <dt className="text-slate-500">{t("capacity")}</dt>
                  <dd className="font-medium">{t("capacityValue", { count: event.capacity })}</dd>
                </div>
              )}
            </dl>
          </div>
          {event.reports.length > 0 && (
            <div className="rounded-xl border border-slate-200 bg-white p-5 text-sm">
              <h2 className="font-semibold">{t("reports")}</h2>
              <ul className="mt-2 space-y-2">
                {event.reports.map((r) => (
                  <li key={r.slug}>
                    <Link href={`/reports/${r.slug}`} className="text-brand-700 hover:underline">
                      <Localized locale={locale} zh={r.title} en={r.titleEn} />
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </aside>
      </section>
    </article>
  );
}
