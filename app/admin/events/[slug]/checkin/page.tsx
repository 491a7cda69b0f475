import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { CheckinDesk } from "@/components/console/checkin-desk";
import { EventTabs } from "@/components/console/event-tabs";
import { pageActor } from "@/lib/auth/page-guard";
import { checkinCounts, checkinSegments, deskEvent, recentCheckins } from "@/lib/checkin/queries";
import { consoleTabs } from "@/lib/console/tabs";
import { getDb } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";
import { pick } from "@/lib/i18n/format";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console"))("checkin.title") };
}

export default async function CheckinPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const db = await getDb();
  const ev = await deskEvent(db, slug);
  if (!ev) notFound();
  const actor = await pageActor("checkin.perform", { eventId: ev.id }, `/admin/events/${slug}/checkin`);
  const locale = (await getLocale()) as Locale;
  const [segments, counts, recent, tabs] = await Promise.all([checkinSegments(db, ev.id), checkinCounts(db, ev.id), recentCheckins(db, ev.id, 8), consoleTabs(actor, ev.id)]);
  return (
    <>
      <EventTabs slug={slug} title={pick(locale, ev.title, ev.titleEn)} active="checkin" tabs={tabs} />
      <CheckinDesk eventId={ev.id} timezone={ev.timezone} locale={locale} segments={segments} initialCounts={counts} initialRecent={recent} />
    </>
  );
}
