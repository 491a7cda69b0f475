import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { btn } from "@/components/ui/button";
import { PrintFrame } from "@/components/console/print-frame";
import { DelegationDocsNav } from "@/components/delegations/docs-nav";
import { NoticeEditor } from "@/components/delegations/notice-editor";
import { can } from "@/lib/auth/guard";
import { DOCS_EDIT, DOCS_READ } from "@/lib/delegations/docs-permissions";
import { currentNotice, noticeUnits } from "@/lib/delegations/notice";
import { appUrl } from "@/lib/http/origin";
import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatTime } from "@/lib/i18n/format";
import { consolePage } from "@/lib/events/console-page";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("delegationDocs"))("notice.title") };
}

export default async function NoticePage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { slug } = await params;
  const sp = await searchParams;
  const { db, event: ev, actor } = await consolePage(slug, DOCS_READ, "delegations/notice");
  const [t, locale, mayEdit] = await Promise.all([getTranslations("delegationDocs.notice"), getLocale() as Promise<Locale>, can(actor, DOCS_EDIT, { eventId: ev.id }, db)]);
  const notice = (await currentNotice(db, ev.id, locale))!;
  const units = await noticeUnits(db, ev.id, locale, appUrl());
  const unit = sp.unit === "all" && units.length ? "all" : units.some((u) => u.id === sp.unit) ? sp.unit! : "generic";
  const src = `/admin/events/${slug}/delegations/notice/print?unit=${unit}`;
  const select = "mt-1 block max-w-full rounded-lg border border-slate-300 px-2 py-2 text-sm";
  return (
    <div className="space-y-5">
      <DelegationDocsNav slug={slug} current="notice" />
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      </div>
      <section className="space-y-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <p className="text-xs text-slate-500" data-testid="notice-state">
          {notice.edited && notice.updatedAt ? t("edited", { when: `${formatDate(notice.updatedAt, notice.timezone, locale)} ${formatTime(notice.updatedAt, notice.timezone, locale)}` }) : t("generated")}
        </p>
        <p className="text-xs text-slate-500">{t("placeholders", { unit: "{{unit}}", quota: "{{quota}}", replyBy: "{{replyBy}}", replyLink: "{{replyLink}}" })}</p>
        {mayEdit ? (
          <NoticeEditor key={notice.updatedAt?.toISOString() ?? "generated"} eventId={ev.id} edited={notice.edited} initial={{ title: notice.title, body: notice.body, signature: notice.signature, issuedOn: notice.issuedOn }} />
        ) : (
          <div className="whitespace-pre-wrap text-sm text-slate-800">{[notice.title, notice.body, notice.signature, notice.issuedOn].join("\n\n")}</div>
        )}
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold text-slate-900">{t("copyFor")}</h2>
        {units.length ? null : <p className="text-sm text-slate-500">{t("noUnits")}</p>}
        <form method="get" className="no-print flex flex-wrap items-end gap-3">
          <label className="text-sm text-slate-600">
            {t("unitLabel")}
            <select name="unit" defaultValue={unit} className={select} data-testid="notice-unit">
              <option value="generic">{t("generic")}</option>
              {units.length ? <option value="all">{t("allUnits")}</option> : null}
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}（{u.copy.quota}）
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className={btn.secondary}>
            {t("copyFor")}
          </button>
          <a href={`${src}&format=docx`} className={btn.primary} data-testid="notice-docx">
            {t("docx")}
          </a>
        </form>
        <PrintFrame src={src} pdfHref={`${src}&format=pdf`} printLabel={t("print")} pdfLabel={t("pdf")} title={t("title")} />
      </section>
    </div>
  );
}
