/**
 * The print routes of the delegation lists (roster, pickup schedule, room list): one grouped table, served as print
 * HTML, PDF (?format=pdf) or XLSX (?format=xlsx), behind the documents' read permission.
 */
import "server-only";
import type { Db } from "@/db/client";
import type { EventRow } from "@/lib/actions/route";
import { printResponse } from "@/lib/console/print-route";
import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatTime, pick } from "@/lib/i18n/format";
import { groupedRows, renderGroupedTable, type GroupedTable } from "@/lib/printables/grouped-table";
import { xlsxStream } from "@/lib/xlsx/writer";
import { download, XLSX_TYPE } from "./downloads";
import { docsT, type DocsT } from "./docs-i18n";

export type ListContext = { db: Db; ev: EventRow; url: URL; locale: Locale; t: DocsT; title: string; generated: string };

/** The XLSX of a grouped table: the group heading in the first column, then the table's columns. */
export function listXlsx(doc: GroupedTable, t: DocsT): ReadableStream<Uint8Array> {
  return xlsxStream({ sheetName: doc.title, header: [t("col.group"), ...doc.columns.map((c) => c.label)], rows: groupedRows(doc) });
}

/** Called from an eventRoute(DOCS_READ, …) handler: the guard has run and `event` is the caller's forum. */
export async function listResponse(
  route: { db: Db; req: Request; event: EventRow; locale: Locale },
  name: string,
  build: (c: ListContext) => Promise<GroupedTable>,
): Promise<Response> {
  const { db, req, event: ev, locale } = route;
  const url = new URL(req.url);
  const t = docsT(locale);
  const now = new Date();
  const doc = await build({ db, ev, url, locale, t, title: pick(locale, ev.title, ev.titleEn), generated: t("generated", { date: `${formatDate(now, ev.timezone, locale)} ${formatTime(now, ev.timezone, locale)}` }) });
  if (url.searchParams.get("format") === "xlsx") return download(listXlsx(doc, t), XLSX_TYPE, `${ev.slug}-${name}.xlsx`);
  return printResponse(req, `${ev.slug}-${name}`, renderGroupedTable(doc, locale));
}
