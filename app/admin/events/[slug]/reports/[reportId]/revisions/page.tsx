import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { RestoreRevisionButton } from "@/components/reports/restore-revision-button";
import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatTime } from "@/lib/i18n/format";
import { reportConsole } from "@/lib/reports/console";
import { collapseSame, diffSnapshots, type SnapshotLike } from "@/lib/reports/diff";
import { reportForEditor, revisionsOf } from "@/lib/reports/queries";

export const dynamic = "force-dynamic";

export default async function RevisionsPage({ params, searchParams }: PageProps<"/admin/events/[slug]/reports/[reportId]/revisions">) {
  const { slug, reportId } = await params;
  const sp = await searchParams;
  const { db, event } = await reportConsole(slug, `/admin/events/${slug}/reports/${reportId}/revisions`);
  const report = await reportForEditor(db, event.id, reportId);
  if (!report) notFound();
  const [revs, t, locale] = await Promise.all([revisionsOf(db, event.id, reportId), getTranslations("reports.admin"), getLocale() as Promise<Locale>]);
  const current = revs.find((r) => r.version === report.version) ?? revs[0];
  const selected = Number(sp.v) || revs.find((r) => r.version < report.version)?.version || report.version;
  const from = revs.find((r) => r.version === selected);
  const diff = from && current ? collapseSame(diffSnapshots(from.snapshot as SnapshotLike, current.snapshot as SnapshotLike)) : [];
  const when = (d: Date) => `${formatDate(d, event.timezone, locale)} ${formatTime(d, event.timezone, locale)}`;
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-500">
        <Link href={`/admin/events/${event.slug}/reports/${reportId}`} className="hover:text-brand-700">
          ← {report.title}
        </Link>
      </p>
      <h1 className="text-2xl font-bold text-slate-900">{t("revisions")}</h1>
      <div className="grid gap-6 lg:grid-cols-[18rem_1fr]">
        <ol className="space-y-2" data-testid="revision-list">
          {revs.map((r) => (
            <li key={r.version} className={`rounded-lg border p-3 text-sm ${r.version === selected ? "border-brand-600 bg-brand-50" : "border-slate-200 bg-white"}`}>
              <p className="font-medium text-slate-800">{t("revision", { version: r.version, by: r.author ?? "—", at: when(r.createdAt) })}</p>
              <div className="mt-2 flex flex-wrap gap-3">
                {r.version !== report.version && (
                  <>
                    <Link href={`?v=${r.version}`} className="text-brand-700 hover:underline" data-testid="compare-revision">
                      {t("compare")}
                    </Link>
                    <RestoreRevisionButton eventId={event.id} reportId={reportId} version={report.version} revision={r.version} label={t("restore")} />
                  </>
                )}
              </div>
            </li>
          ))}
        </ol>
        <section className="min-w-0 rounded-xl border border-slate-200 bg-white p-4" data-testid="revision-diff">
          <h2 className="font-semibold text-slate-900">{t("diffTitle", { from: selected, to: report.version })}</h2>
          {diff.every((p) => p.kind === "same") ? (
            <p className="mt-3 text-sm text-slate-500">{t("noChanges")}</p>
          ) : (
            <pre className="mt-3 whitespace-pre-wrap break-words font-sans text-sm leading-relaxed text-slate-700">
              {diff.map((p, i) =>
                p.kind === "added" ? (
                  <ins key={i} className="bg-emerald-100 text-emerald-900 no-underline">
                    {p.text}
                  </ins>
                ) : p.kind === "removed" ? (
                  <del key={i} className="bg-red-100 text-red-800">
                    {p.text}
                  </del>
                ) : (
                  <span key={i}>{p.text}</span>
                ),
              )}
            </pre>
          )}
        </section>
      </div>
    </div>
  );
}
