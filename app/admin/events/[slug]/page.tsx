import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EventForm } from "@/components/admin/event-form";
import { StatusPanel, type ChecklistLine } from "@/components/admin/status-panel";
import { can } from "@/lib/auth/guard";
import { dateToZoned } from "@/lib/events/zoned";
import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatEventWhen, formatTime } from "@/lib/i18n/format";
import { publishChecklist } from "@/lib/events/publish-checklist";
import { loadEventTree } from "@/lib/events/tree";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events } from "@/db/schema";
import { consolePage } from "@/lib/events/console-page";

/** The publish checklist of a draft, its dates formatted in the forum's zone for the dialog. */
async function checklistOf(db: Db, eventId: string, locale: Locale): Promise<ChecklistLine[]> {
  const tree = await loadEventTree(db, eq(events.id, eventId));
  if (!tree) return [];
  const when = (d: Date) => `${formatDate(d, tree.timezone, locale)} ${formatTime(d, tree.timezone, locale)}`;
  return publishChecklist(tree).map((c) => ({
    ...c,
    params: c.params ? Object.fromEntries(Object.entries(c.params).map(([k, v]) => [k, v instanceof Date ? when(v) : v])) : undefined,
  }));
}

export const dynamic = "force-dynamic";

export default async function EventOverviewPage({ params }: PageProps<"/admin/events/[slug]">) {
  const { slug } = await params;
  const { db, event: e, actor } = await consolePage(slug, "event.read");
  const [t, tn, tc, locale, mayEdit, mayPublish, mayCreate] = await Promise.all([
    getTranslations("admin.status"),
    getTranslations("admin.nav"),
    getTranslations("admin.clone"),
    getLocale() as Promise<Locale>,
    can(actor, "event.edit", { eventId: e.id }, db),
    can(actor, "event.publish", { eventId: e.id }, db),
    can(actor, "event.create", {}, db),
  ]);
  const tz = e.timezone;
  const checklist = mayPublish && e.status === "draft" ? await checklistOf(db, e.id, locale) : [];
  return (
    <div className="space-y-6">
      {mayPublish ? (
        <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
          <h2 className="mb-3 text-base font-semibold text-slate-900">{t("title")}</h2>
          <StatusPanel eventId={e.id} status={e.status} checklist={checklist} />
        </section>
      ) : null}
      {mayEdit ? (
        <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
          <EventForm
            eventId={e.id}
            initial={{
              title: e.title,
              titleEn: e.titleEn ?? "",
              summary: e.summary,
              summaryEn: e.summaryEn ?? "",
              audience: e.audience ?? "",
              audienceEn: e.audienceEn ?? "",
              startsAt: dateToZoned(e.startsAt, tz),
              endsAt: dateToZoned(e.endsAt, tz),
              timezone: tz,
              venueName: e.venueName ?? "",
              venueNameEn: e.venueNameEn ?? "",
              venueAddress: e.venueAddress ?? "",
              venueAddressEn: e.venueAddressEn ?? "",
              city: e.city ?? "",
              cityEn: e.cityEn ?? "",
            }}
          />
        </section>
      ) : (
        <section className="rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm sm:p-5" data-testid="event-summary">
          <p className="font-medium text-slate-900">{formatEventWhen(e.startsAt, e.endsAt, tz, locale)}</p>
          <p className="text-slate-600">{[e.city, e.venueName, e.venueAddress].filter(Boolean).join(" · ")}</p>
          {e.summary ? <p className="mt-3 whitespace-pre-line text-slate-700">{e.summary}</p> : null}
        </section>
      )}
      <div className="flex flex-wrap gap-3 text-sm">
        {mayCreate && mayEdit ? (
          <Link href={`/admin/events/new?from=${e.id}#clone`} className="text-brand-700 hover:underline" data-testid="clone-link">
            {tc("action")}
          </Link>
        ) : null}
        {mayEdit ? (
          <a href={`/api/v1/events/${slug}/export?include=registrations`} className="text-brand-700 hover:underline">
            {tn("exportWithRegistrations")}
          </a>
        ) : null}
      </div>
    </div>
  );
}
