/** GET …/registrations/export?format=csv|xlsx — every registration with answers and check-in times, streamed. */
import { getLocale } from "next-intl/server";
import { DomainError } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit";
import { requirePermission } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http/domain-errors";
import type { Locale } from "@/lib/i18n/config";
import { sharedT } from "@/lib/i18n/shared";
import { consoleT } from "@/lib/printables/html";
import { consoleEvent } from "@/lib/registrations/admin-queries";
import { categoryLabel, DELEGATE_CATEGORIES, REGISTRATION_SOURCES, REGISTRATION_STATUSES, registrationSourceLabel, registrationStatusLabel } from "@/lib/shared/enums";
import { BASE_COLUMNS, exportCsvStream, exportXlsxStream, type ExportLabels } from "@/lib/registrations/export";

export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  try {
    const db = await getDb();
    const ev = await consoleEvent(db, slug);
    const actor = await requirePermission("registration.manage", { eventId: ev?.id ?? "00000000-0000-0000-0000-000000000000" });
    if (!ev) throw new DomainError("not_found", "errors.forumNotFound");
    const format = new URL(req.url).searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
    // personal data leaves the system: say who took it
    await recordAudit(db, actor, { action: "registration.export", entity: "event", entityId: ev.id, eventId: ev.id, after: { format } });
    const locale = (await getLocale()) as Locale;
    const t = consoleT(locale);
    const ts = sharedT(locale);
    const labels: ExportLabels = {
      columns: Object.fromEntries(BASE_COLUMNS.map((c) => [c, t(`export.col.${c}`)])) as ExportLabels["columns"],
      status: Object.fromEntries(REGISTRATION_STATUSES.map((s) => [s, ts(registrationStatusLabel(s))])),
      category: Object.fromEntries(DELEGATE_CATEGORIES.map((c) => [c, ts(categoryLabel(c))])),
      source: Object.fromEntries(REGISTRATION_SOURCES.map((s) => [s, ts(registrationSourceLabel(s))])),
      yes: t("yes"),
      no: t("no"),
      checkin: (segment) => t("export.checkin", { segment: t.has(`segment.${segment}` as "segment.event") ? t(`segment.${segment}` as "segment.event") : segment }),
    };
    const stamp = new Date().toISOString().slice(0, 10);
    const name = `${slug}-registrations-${stamp}.${format}`;
    const body = format === "xlsx" ? await exportXlsxStream(db, ev.id, labels, t("export.sheet")) : await exportCsvStream(db, ev.id, labels);
    return new Response(body, {
      headers: {
        "content-type": format === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${name}"`,
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    return errorResponse(e, "GET /admin/events/[slug]/registrations/export");
  }
}
