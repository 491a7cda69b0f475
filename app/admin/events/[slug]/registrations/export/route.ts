/** GET …/registrations/export?format=csv|xlsx — every registration with answers and check-in times, streamed. */
import { eventRoute } from "@/lib/actions/route";
import { recordAudit } from "@/lib/audit";
import { segmentLabels } from "@/lib/checkin/queries";
import { slugParams } from "@/lib/http/params";
import { sharedT } from "@/lib/i18n/shared";
import { consoleT } from "@/lib/printables/html";
import { categoryLabel, DELEGATE_CATEGORIES, REGISTRATION_SOURCES, REGISTRATION_STATUSES, registrationSourceLabel, registrationStatusLabel } from "@/lib/shared/enums";
import { BASE_COLUMNS, exportCsvStream, exportXlsxStream, type ExportLabels } from "@/lib/registrations/export";

export const dynamic = "force-dynamic";

export const GET = eventRoute("registration.manage", { params: slugParams }, async ({ db, actor, req, event: ev, locale }) => {
  const format = new URL(req.url).searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  // personal data leaves the system: say who took it
  await recordAudit(db, actor, { action: "registration.export", entity: "event", entityId: ev.id, eventId: ev.id, after: { format } });
  const t = consoleT(locale);
  const segments = await segmentLabels(db, ev.id, locale);
  const ts = sharedT(locale);
  const labels: ExportLabels = {
    columns: Object.fromEntries(BASE_COLUMNS.map((c) => [c, t(`export.col.${c}`)])) as ExportLabels["columns"],
    status: Object.fromEntries(REGISTRATION_STATUSES.map((s) => [s, ts(registrationStatusLabel(s))])),
    category: Object.fromEntries(DELEGATE_CATEGORIES.map((c) => [c, ts(categoryLabel(c))])),
    source: Object.fromEntries(REGISTRATION_SOURCES.map((s) => [s, ts(registrationSourceLabel(s))])),
    yes: t("yes"),
    no: t("no"),
    checkin: (segment) => t("export.checkin", { segment: segments[segment] ?? segment }),
  };
  const stamp = new Date().toISOString().slice(0, 10);
  const name = `${ev.slug}-registrations-${stamp}.${format}`;
  const body = format === "xlsx" ? await exportXlsxStream(db, ev.id, labels, t("export.sheet")) : await exportCsvStream(db, ev.id, labels);
  return new Response(body, {
    headers: {
      "content-type": format === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
});
