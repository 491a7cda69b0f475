import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { DelegateCategory } from "@/lib/shared/enums";
import { RegistrationsByCategory, RegistrationsOverTime } from "@/components/admin/dashboard-charts";
import { EventStatusBadge } from "@/components/events/event-status-badge";
import { pageActor } from "@/lib/auth/page-guard";
import { segmentLabels } from "@/lib/checkin/queries";
import { getDb } from "@/lib/db";
import { eventStats, myEvents } from "@/lib/events/admin-queries";
import type { Locale } from "@/lib/i18n/config";
import { formatEventWhen, pick } from "@/lib/i18n/format";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.dashboard");
  return { title: t("title") };
}

export default async function Dashboard() {
  const actor = await pageActor("admin.access", {}, "/admin");
  const [t, tc, locale, db] = await Promise.all([
    getTranslations("admin.dashboard"),
    getTranslations("shared.category"),
    getLocale() as Promise<Locale>,
    getDb(),
  ]);
  const forums = await myEvents(db, actor);
  const stats = await eventStats(db, forums.map((f) => f.id));
  // a check-in segment is named after the forum's own agenda (lib/checkin/queries.ts), as on the desk
  const segLabels = Object.fromEntries(await Promise.all(forums.map(async (f) => [f.id, await segmentLabels(db, f.id, locale)] as const)));
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-500">{t("subtitle")}</p>
      </header>
      {forums.length === 0 ? <p className="rounded-xl border border-dashed border-slate-300 p-6 text-slate-500">{t("empty")}</p> : null}
      <ul className="space-y-4">
        {forums.map((f) => {
          const s = stats.get(f.id)!;
          const live = s.confirmed + s.waitlisted + s.pending;
          const pct = s.confirmed ? Math.round((s.checkedIn / s.confirmed) * 100) : 0;
          return (
            <li key={f.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5" data-testid="dashboard-forum" data-slug={f.slug}>
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="min-w-0">
                  <div className="flex flex-wrap items-center gap-2">
                    <EventStatusBadge status={f.status} endsAt={f.endsAt} />
                    <span className="text-xs text-slate-500">{formatEventWhen(f.startsAt, f.endsAt, f.timezone, locale)}</span>
                  </div>
                  <h2 className="mt-1 text-lg font-semibold leading-snug text-slate-900">
                    <Link href={`/admin/events/${f.slug}`} className="hover:text-brand-700">
                      {pick(locale, f.title, f.titleEn)}
                    </Link>
                  </h2>
                </div>
                <Link href={`/admin/events/${f.slug}`} className="shrink-0 rounded-lg bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-600">
                  {t("open")}
                </Link>
              </div>
              <dl className="mt-4 grid grid-cols-2 gap-3 text-center sm:grid-cols-4">
                {(
                  [
                    ["confirmed", s.confirmed, "text-emerald-700"],
                    ["waitlisted", s.waitlisted, "text-amber-700"],
                    ["pending", s.pending, "text-slate-700"],
                    ["checkedIn", s.checkedIn, "text-brand-700"],
                  ] as const
                ).map(([k, v, cls]) => (
                  <div key={k} className="rounded-lg bg-slate-50 p-2" data-testid={`stat-${k}`}>
                    <dt className="text-xs text-slate-500">{t(k)}</dt>
                    <dd className={`text-xl font-bold tabular-nums ${cls}`}>{v}</dd>
                  </div>
                ))}
              </dl>
              <div className="mt-3">
                <div className="flex justify-between text-xs text-slate-500">
                  <span>{t("checkinProgress", { done: s.checkedIn, total: s.confirmed })}</span>
                  <span>{f.capacity != null ? t("capacity", { n: f.capacity }) : t("unlimited")}</span>
                </div>
                <div className="mt-1 h-2 overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-label={t("checkinProgress", { done: s.checkedIn, total: s.confirmed })} aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100}>
                  <div className="h-full rounded-full bg-brand-600" style={{ width: `${pct}%` }} />
                </div>
                {Object.keys(s.bySegment).length > 0 ? (
                  <ul className="mt-2 flex flex-wrap gap-2 text-xs text-slate-600" data-testid="checkin-segments">
                    {Object.entries(s.bySegment).map(([seg, n]) => (
                      <li key={seg} className="rounded bg-slate-100 px-2 py-0.5" data-segment={seg}>
                        {segLabels[f.id]?.[seg] ?? seg} <span className="font-semibold tabular-nums">{n}</span>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
              {live > 0 ? (
                <div className="mt-4 grid gap-4 md:grid-cols-2">
                  <RegistrationsOverTime data={s.overTime} label={t("overTime")} />
                  <RegistrationsByCategory data={s.byCategory.map((c) => ({ name: tc(c.category as DelegateCategory), count: c.count }))} label={t("byCategory")} />
                </div>
              ) : (
                <p className="mt-3 text-sm text-slate-500">{t("noRegistrations")}</p>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
