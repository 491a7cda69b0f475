import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ReportEditor } from "@/components/reports/report-editor";
import "@/components/reports/report-prose.css";
import { reportConsole } from "@/lib/reports/console";
import { editorState } from "@/lib/reports/editor-state";
import { reportForEditor } from "@/lib/reports/queries";
import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatTime, isoInZone } from "@/lib/i18n/format";

export const dynamic = "force-dynamic";

export default async function ReportEditorPage({ params }: PageProps<"/admin/events/[slug]/reports/[reportId]">) {
  const { slug, reportId } = await params;
  const { db, event, canPublish } = await reportConsole(slug, `/admin/events/${slug}/reports/${reportId}`);
  const report = await reportForEditor(db, event.id, reportId);
  if (!report) notFound();
  const t = await getTranslations("reports.admin");
  const locale = (await getLocale()) as Locale;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-500">
        <Link href={`/admin/events/${event.slug}/reports`} className="hover:text-brand-700">
          ← {t("backToList")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold text-slate-900">{t("editorTitle")}</h1>
      <ReportEditor key={`${report.id}:${report.version}`} initial={editorState(report, event.timezone)} canPublish={canPublish} eventSlug={event.slug} eventEnds={{ wall: isoInZone(event.endsAt, event.timezone).slice(0, 16), label: `${formatDate(event.endsAt, event.timezone, locale)} ${formatTime(event.endsAt, event.timezone, locale)}` }} />
    </div>
  );
}
