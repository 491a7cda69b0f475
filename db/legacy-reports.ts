/**
 * One-time conversion of reports written before the rich-text editor: a lead or section body stored as Markdown
 * (format "markdown") becomes the sanitized HTML the editor writes, `{{fig:N}}` tokens figure references and images of
 * the report's own photos photo references (lib/shared/report-html.ts: markdownToStoredHtml). Runs after the migrations
 * on every start (db/migrate.ts) and after seeding; idempotent — it only touches rows still marked "markdown", so a
 * second run changes nothing. The version is not bumped: the text a reader sees is the same (tests/db/report-legacy).
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "./client";
import { media, reportMedia, reports, reportSections } from "./schema";
import { markdownToStoredHtml } from "../lib/shared/report-html";

export async function convertLegacyReports(db: Db): Promise<{ reports: number; sections: number }> {
  const ids = await legacyReportIds(db);
  let sections = 0;
  for (const id of ids) {
    sections += await db.transaction(async (tx) => {
      const photos = await tx
        .select({ id: reportMedia.id, key: media.storageKey, variants: media.variants })
        .from(reportMedia)
        .innerJoin(media, eq(media.id, reportMedia.mediaId))
        .where(and(eq(reportMedia.reportId, id), eq(reportMedia.role, "photo")));
      const byUrl = new Map<string, string>();
      for (const p of photos) for (const k of [p.key, ...p.variants.map((v) => v.key)]) byUrl.set(`/media/${k}`, p.id);
      const [r] = await tx.select({ lead: reports.lead }).from(reports).where(and(eq(reports.id, id), eq(reports.leadFormat, "markdown"))).for("update");
      if (r) await tx.update(reports).set({ lead: markdownToStoredHtml(r.lead, byUrl), leadFormat: "html" }).where(eq(reports.id, id));
      const rows = await tx
        .select({ id: reportSections.id, body: reportSections.body })
        .from(reportSections)
        .where(and(eq(reportSections.reportId, id), eq(reportSections.format, "markdown")))
        .for("update");
      for (const s of rows) await tx.update(reportSections).set({ body: markdownToStoredHtml(s.body, byUrl), format: "html" }).where(eq(reportSections.id, s.id));
      return rows.length;
    });
  }
  return { reports: ids.length, sections };
}

/** Report ids still holding Markdown (none after convertLegacyReports). */
export async function legacyReportIds(db: Db): Promise<string[]> {
  const a = await db.select({ id: reports.id }).from(reports).where(eq(reports.leadFormat, "markdown"));
  const b = await db.select({ id: reportSections.reportId }).from(reportSections).where(eq(reportSections.format, "markdown"));
  return [...new Set([...a, ...b].map((x) => x.id))];
}

