import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { CheckinDesk } from "@/components/console/checkin-desk";
import { pageActor } from "@/lib/auth/page-guard";
import { checkinCounts, checkinSegments, defaultSegment, deskEvent, recentCheckins } from "@/lib/checkin/queries";
import { getDb } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console"))("checkin.title") };
}

export default async function CheckinPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const db = await getDb();
  const ev = await deskEvent(db, slug);
  if (!ev) notFound();
  await pageActor("checkin.perform", { eventId: ev.id }, `/admin/events/${slug}/checkin`);
  const locale = (await getLocale()) as Locale;
  const [segments, counts, recent, current] = await Promise.all([checkinSegments(db, ev.id), checkinCounts(db, ev.id), recentCheckins(db, ev.id, 8), defaultSegment(db, ev.id)]);
  return (
    <>
      <CheckinDesk eventId={ev.id} timezone={ev.timezone} locale={locale} segments={segments} initialSegment={segments.includes(current) ? current : segments[0]} initialCounts={counts} initialRecent={recent} />
    </>
  );
}
