import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EventStatusBadge } from "@/components/events/event-status-badge";
import { getDb } from "@/lib/db";
import { publicEventList } from "@/lib/events/queries";
import type { Locale } from "@/lib/i18n/config";
import { publicPageMetadata, SITE_NAME } from "@/lib/i18n/alternates";
import { formatEventWhen } from "@/lib/i18n/format";
import { Localized, LocalizedJoin } from "@/components/ui/localized";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const [tc, t] = await Promise.all([getTranslations("common"), getTranslations("events")]);
  const description = `${t("homeTitle")} · ${tc("tagline")}`;
  return publicPageMetadata("/", { description, openGraph: { title: SITE_NAME, description, type: "website" } });
}

export default async function HomePage() {
  const [events, t, locale] = await Promise.all([getDb().then(publicEventList), getTranslations("events"), getLocale() as Promise<Locale>]);
  const now = Date.now();
  const upcoming = events.filter((e) => e.endsAt.getTime() >= now).reverse();
  const past = events.filter((e) => e.endsAt.getTime() < now);
  const section = (title: string, list: typeof events, testId: string) => (
    <section className="mt-8" data-testid={testId}>
      <h2 className="text-lg font-semibold text-slate-800">{title}</h2>
      {list.length === 0 ? (
        <p className="mt-3 text-slate-500">{t("none")}</p>
      ) : (
        <ul className="mt-3 grid gap-4 sm:grid-cols-2">
          {list.map((e) => (
            <li key={e.id} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
              <div className="flex items-start justify-between gap-3">
                <h3 className="text-base font-semibold leading-snug text-slate-900">
                  <Link href={`/events/${e.slug}`} className="hover:text-brand-700">
                    <Localized locale={locale} zh={e.title} en={e.titleEn} />
                  </Link>
                </h3>
                <EventStatusBadge status={e.status} endsAt={e.endsAt} />
              </div>
              <p className="mt-2 text-sm text-slate-600">{formatEventWhen(e.startsAt, e.endsAt, e.timezone, locale)}</p>
              <p className="text-sm text-slate-600"><LocalizedJoin locale={locale} parts={[{ zh: e.city, en: e.cityEn }, { zh: e.venueName, en: e.venueNameEn }]} /></p>
              <p className="mt-3 line-clamp-3 text-sm text-slate-700"><Localized locale={locale} zh={e.summary} en={e.summaryEn} /></p>
              <div className="mt-4 flex gap-4 text-sm font-medium">
                <Link href={`/events/${e.slug}`} className="text-brand-700 hover:underline">
                  {t("viewEvent")} →
                </Link>
                <Link href={`/events/${e.slug}/agenda`} className="text-brand-700 hover:underline">
                  {t("viewAgenda")} →
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
  return (
    <div>
      <h1 className="text-2xl font-bold text-slate-900" data-testid="home-title">
        {t("homeTitle")}
      </h1>
      {section(t("upcoming"), upcoming, "upcoming-events")}
      {section(t("past"), past, "past-events")}
    </div>
  );
}
