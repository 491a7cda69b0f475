import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { CheckinDesk } from "@/components/console/checkin-desk";
import { checkinCounts, checkinSegments, defaultSegment, recentCheckins, segmentLabels } from "@/lib/checkin/queries";
import type { Locale } from "@/lib/i18n/config";
import { dayKey, formatDate } from "@/lib/i18n/format";
import { consolePage } from "@/lib/events/console-page";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console"))("checkin.title") };
}

export default async function CheckinPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { db, event: ev } = await consolePage(slug, "checkin.perform", "checkin");
  const locale = (await getLocale()) as Locale;
  const [segments, labels, counts, recent, current] = await Promise.all([
    checkinSegments(db, ev.id),
    segmentLabels(db, ev.id, locale),
    checkinCounts(db, ev.id),
    recentCheckins(db, ev.id, 8),
    defaultSegment(db, ev.id),
  ]);
  // checking in before the forum's first day (in its zone) is allowed, but the desk says so
  const early = dayKey(new Date(), ev.timezone) < dayKey(ev.startsAt, ev.timezone) ? formatDate(ev.startsAt, ev.timezone, locale) : null;
  return (
    <>
      <CheckinDesk eventId={ev.id} timezone={ev.timezone} locale={locale} segments={segments} labels={labels} early={early} initialSegment={segments.includes(current) ? current : segments[0]} initialCounts={counts} initialRecent={recent} />
    </>
  );
}
