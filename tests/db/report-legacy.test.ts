/**
 * Issue 13 item 6: reports written in Markdown before the rich-text editor are converted once to the editor's HTML
 * (db/legacy-reports.ts) — the seeded Yantan report included — and a reader sees the same text and figures after.
 * A second run changes nothing.
 */
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { convertLegacyReports, legacyReportIds } from "@/db/legacy-reports";
import { media, reportFigures, reportMedia, reports, reportSections } from "@/db/schema";
import { seedDemoAccounts } from "@/db/seed/demo-accounts";
import { seedYantan, YANTAN_REPORT_SLUG } from "@/db/seed/yantan";
import { snapshotText } from "@/lib/reports/diff";
import { htmlToText } from "@/lib/shared/report-html";
import { publicReportDetail } from "@/lib/reports/queries";
import { renderedReport } from "@/lib/reports/serialize";
import { createTestDb, testEngines } from "../fixtures/db";

const PHOTO_KEY = "LegacyPhotoKey00000001";

/** What a reader gets: the lead and each section as plain text (whitespace normalized), and the figures. */
async function readerView(db: DbHandle["db"], slug: string) {
  const r = (await publicReportDetail(db, slug))!;
  const body = renderedReport(r);
  return {
    lead: htmlToText(body.lead),
    sections: body.sections.map((s) => [s.heading, htmlToText(s.html)]),
    figures: r.figures.map((f) => [f.label, f.value, f.unit, f.change, f.period]),
  };
}

async function rows(db: DbHandle["db"]) {
  return {
    reports: await db.select({ id: reports.id, lead: reports.lead, f: reports.leadFormat, v: reports.version }).from(reports).orderBy(asc(reports.slug)),
    sections: await db.select({ body: reportSections.body, f: reportSections.format }).from(reportSections).orderBy(asc(reportSections.reportId), asc(reportSections.order)),
  };
}

describe.each(testEngines())("legacy Markdown reports → HTML on %s", (kind) => {
  let h: DbHandle;
  let legacyId: string;
  beforeAll(async () => {
    h = await createTestDb(kind);
    const accounts = await seedDemoAccounts(h.db);
    const { eventId } = await seedYantan(h.db, { organizerId: accounts.organizer, staffId: accounts.staff });
    // a second legacy report with what Markdown writers used: figure tokens, a table, a list, a photo of its own
    const [m] = await h.db
      .insert(media)
      .values({ kind: "image", mime: "image/jpeg", bytes: 10, filename: "p.jpg", storageKey: PHOTO_KEY, width: 800, height: 600, sha256: "x" })
      .returning({ id: media.id });
    const [r] = await h.db
      .insert(reports)
      .values({ eventId, slug: "legacy-markdown", title: "旧报道", lead: "营收 {{fig:1}}，**同比** 增长。", leadFormat: "markdown", status: "published", publishedAt: new Date(Date.now() - 60_000) })
      .returning({ id: reports.id });
    legacyId = r.id;
    const [rm] = await h.db.insert(reportMedia).values({ reportId: r.id, mediaId: m.id, role: "photo", caption: "会场", credit: "张三", order: 1 }).returning({ id: reportMedia.id });
    await h.db.insert(reportFigures).values({ reportId: r.id, order: 1, label: "营业收入", value: "246.23", unit: "亿元" });
    await h.db.insert(reportSections).values([
      { reportId: r.id, order: 1, heading: "数据", body: "| 类别 | 人数 |\n| --- | ---: |\n| 企业 | 12 |\n\n- 一\n- 二 {{fig:1}}\n- 未知 {{fig:7}}", format: "markdown" },
      { reportId: r.id, order: 2, heading: "图片", body: `现场。\n\n![会场](/media/${PHOTO_KEY})`, format: "markdown" },
    ]);
    expect(rm.id).toBeTruthy();
  });
  afterAll(() => h?.close());

  it("the seeded Yantan report (Markdown) reads the same after the conversion; figures unchanged; a second run changes nothing", async () => {
    expect((await legacyReportIds(h.db)).length).toBe(2);
    const yBefore = await readerView(h.db, YANTAN_REPORT_SLUG);
    const lBefore = await readerView(h.db, "legacy-markdown");
    expect(yBefore.sections).toHaveLength(3);
    expect(yBefore.lead).toContain("共计200余人齐聚一堂");
    expect(lBefore.lead).toBe("营收 246.23 亿元，同比 增长。");

    const done = await convertLegacyReports(h.db);
    expect(done).toEqual({ reports: 2, sections: 5 });
    expect(await legacyReportIds(h.db)).toEqual([]);

    const yAfter = await readerView(h.db, YANTAN_REPORT_SLUG);
    expect(yAfter).toEqual(yBefore);
    const lAfter = await readerView(h.db, "legacy-markdown");
    expect(lAfter.lead).toBe(lBefore.lead);
    expect(lAfter.figures).toEqual(lBefore.figures);
    expect(lAfter.sections[0]).toEqual(lBefore.sections[0]); // table, list, known and unknown figure
    // the Markdown image became a photo: its caption and credit now show under it
    expect(lAfter.sections[1][1]).toBe("现场。 会场 · 张三");

    // stored as references, not copies
    const [y] = await h.db.select().from(reports).where(eq(reports.slug, YANTAN_REPORT_SLUG));
    expect(y.leadFormat).toBe("html");
    expect(y.version).toBe(1); // not a new version: nothing a reader sees changed
    const [l] = await h.db.select().from(reports).where(eq(reports.id, legacyId));
    expect(l.lead).toBe('<p>营收 <span data-figure="1" class="inline-figure"></span>，<strong>同比</strong> 增长。</p>');
    const secs = await h.db.select().from(reportSections).where(eq(reportSections.reportId, legacyId)).orderBy(asc(reportSections.order));
    expect(secs[0].body).toContain("<table>");
    expect(secs[1].body).toMatch(/<figure data-photo="[0-9a-f-]{36}"><\/figure>/);
    const detail = (await publicReportDetail(h.db, "legacy-markdown"))!;
    expect(renderedReport(detail).inlinePhotoIds.size).toBe(1); // shown in the text, not again in the gallery

    // the revision diff (text) sees no change between the Markdown revision and the converted report
    const ySecs = await h.db.select().from(reportSections).where(eq(reportSections.reportId, y.id)).orderBy(asc(reportSections.order));
    const figs = (await h.db.select().from(reportFigures).where(eq(reportFigures.reportId, y.id)).orderBy(asc(reportFigures.order))).map((f) => ({ label: f.label, value: f.value, unit: f.unit }));
    const seededRev = { title: y.title, lead: yBefore.lead, leadFormat: "markdown" as const, sections: yBefore.sections.map(([heading, body]) => ({ heading, body, format: "markdown" as const })), figures: figs };
    const converted = { title: y.title, lead: y.lead, leadFormat: "html" as const, sections: ySecs.map((s) => ({ heading: s.heading, body: s.body, format: "html" as const })), figures: figs };
    expect(snapshotText(converted).replace(/\s+/g, " ")).toBe(snapshotText(seededRev).replace(/\s+/g, " "));

    const before2 = await rows(h.db);
    expect(await convertLegacyReports(h.db)).toEqual({ reports: 0, sections: 0 });
    expect(await rows(h.db)).toEqual(before2);
  });
});
