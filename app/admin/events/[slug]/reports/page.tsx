import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { CreateReportButton } from "@/components/reports/create-report-button";
import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatTime } from "@/lib/i18n/format";
import { reportConsole } from "@/lib/reports/console";
import { reportsOfEvent } from "@/lib/reports/queries";

export const dynamic = "force-dynamic";

export default async function EventReportsPage({ params }: PageProps<"/admin/events/[slug]/reports">) {
  const { slug } = await params;
  const { db, event } = await reportConsole(slug, `/admin/events/${slug}/reports`);
  const [list, t, locale] = await Promise.all([reportsOfEvent(db, event.id), getTranslations("reports"), getLocale() as Promise<Locale>]);
  const when = (d: Date) => `${formatDate(d, event.timezone, locale)} ${formatTime(d, event.timezone, locale)}`;
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold text-slate-900">{t("admin.listTitle")}</h1>
      </header>
      <div className="rounded-xl border border-brand-100 bg-brand-50/60 p-4">
        <p className="text-sm text-slate-700">{t("admin.createHint")}</p>
        <div className="mt-3">
          <CreateReportButton eventId={event.id} eventSlug={event.slug} label={t("admin.createFromForum")} />
        </div>
      </div>
      {list.length === 0 ? (
        <p className="text-slate-500">{t("admin.none")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white" data-testid="admin-report-list">
          {list.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
              <div className="min-w-0">
                <p className="font-medium text-slate-900">{r.title || "—"}</p>
                <p className="mt-1 text-xs text-slate-500">
                  <StatusBadge status={r.status} scheduled={r.status === "published" && r.scheduled} label={(k) => t(`status.${k as "draft"}`)} />{" "}
                  {t("admin.version", { version: r.version })} · {t("admin.updated", { by: r.updatedBy ?? "—", at: when(r.updatedAt) })}
                </p>
              </div>
              <div className="flex gap-3 text-sm">
                <Link href={`/admin/events/${event.slug}/reports/${r.id}`} className="rounded-md bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-900">
                  {t("admin.edit")}
                </Link>
                {r.status === "published" && (
                  <Link href={`/reports/${r.slug}`} className="rounded-md border border-slate-300 px-3 py-1.5 text-slate-700 hover:bg-slate-50">
                    {t("admin.view")}
                  </Link>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function StatusBadge({ status, scheduled, label }: { status: string; scheduled: boolean; label: (k: string) => string }) {
  const k = status === "published" && scheduled ? "scheduled" : status;
  const color = k === "published" ? "bg-emerald-100 text-emerald-800" : k === "in_review" ? "bg-amber-100 text-amber-800" : k === "scheduled" ? "bg-sky-100 text-sky-800" : "bg-slate-100 text-slate-700";
  return <span className={`inline-block rounded px-1.5 py-0.5 font-medium ${color}`}>{label(k)}</span>;
}
