/**
 * 复制到公众号 (issue 13): the seeded Yantan report as WeChat HTML — inline styles only (no class, id, data-*, script),
 * every image absolute, the key figures and the attendance table there — and its plain text equal to what the public
 * page shows (byline, lead, figures, sections, photos), on PGlite and Postgres.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { events, media, reportMedia, reports, users } from "@/db/schema";
import { seedIfEmpty, YANTAN_SLUG } from "@/db/seed";
import { YANTAN_REPORT_SLUG } from "@/db/seed/yantan";
import type { Actor } from "@/lib/auth/permissions";
import { publicReportDetail } from "@/lib/reports/queries";
import { renderedReport } from "@/lib/reports/serialize";
import { wechatReport } from "@/lib/reports/wechat";
import { htmlToText } from "@/lib/shared/report-html";
import { useAppDb } from "../fixtures/app-db";
import { createTestDb, testEngines } from "../fixtures/db";

const who: { actor: Actor | null } = { actor: null };
vi.mock("@/lib/auth/actor", () => ({ currentActor: async () => who.actor }));
const actions = await import("@/lib/reports/actions");

const labels = { figures: "关键数据", gallery: "现场图片" };
const squash = (s: string) => s.replace(/\s+/g, "");

/** What the public page (app/(public)/reports/[slug]/page.tsx) shows of the report body, in its order. */
function pageText(r: NonNullable<Awaited<ReturnType<typeof publicReportDetail>>>): string {
  const body = renderedReport(r);
  const photo = (p: (typeof r.photos)[number]) => [p.caption, p.credit ?? r.photoCredit].filter(Boolean).join(" · ");
  const placed = r.photos.filter((p) => !body.inlinePhotoIds.has(p.id));
  const gallery = placed.filter((p) => p.sectionOrder == null || p.sectionOrder > r.sections.length);
  return [
    r.byline ?? "",
    htmlToText(body.lead),
    r.figures.length ? labels.figures : "",
    ...r.figures.map((f) => [f.value, f.unit, f.label, f.change, f.period].filter(Boolean).join(" ")),
    ...body.sections.flatMap((s) => [s.heading ?? "", htmlToText(s.html), ...placed.filter((p) => p.sectionOrder === s.order).map(photo)]),
    ...(gallery.length ? [labels.gallery, ...gallery.map(photo)] : []),
  ].join(" ");
}

describe.each(testEngines())("copy for WeChat on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await createTestDb(engine);
    await seedIfEmpty(h.db);
    useAppDb(h);
  });
  afterAll(() => h?.close());

  const check = (html: string) => {
    expect(html).not.toMatch(/\sclass=/);
    expect(html).not.toMatch(/\sid=/);
    expect(html).not.toMatch(/\sdata-/);
    expect(html).not.toMatch(/<script|<style|<link/i);
    for (const [, src] of html.matchAll(/<img\b[^>]*\bsrc="([^"]*)"/g)) expect(src).toMatch(/^https?:\/\/[^/]+\/media\//);
  };

  it("renders the seeded report with inline styles only, its figures, and the page's text", async () => {
    const r = (await publicReportDetail(h.db, YANTAN_REPORT_SLUG))!;
    expect(r).toBeTruthy();
    const out = wechatReport(r, labels, "https://huiwu.example.org");
    check(out.html);
    expect(out.html).not.toMatch(/<h1/); // WeChat has its own title field
    expect(r.figures.length).toBeGreaterThan(0);
    for (const f of r.figures) expect(out.html).toContain(f.value);
    expect(out.html).toMatch(/<p style="[^"]*font-size:16px;line-height:1.75;[^"]*text-align:justify/);
    expect(out.html).toMatch(/<h2 style="[^"]*border-left:4px solid/);
    expect(squash(out.text)).toBe(squash(pageText(r)));
  });

  it("makes photos absolute with caption · credit (inline and under a section), styles tables", async () => {
    const [rep] = await h.db.select().from(reports).where(eq(reports.slug, YANTAN_REPORT_SLUG));
    const [m1, m2] = await h.db
      .insert(media)
      .values(["AAAAAAAAAAAAAAAAAAAAAA", "BBBBBBBBBBBBBBBBBBBBBB"].map((k) => ({ kind: "image" as const, mime: "image/jpeg", bytes: 1, filename: "x.jpg", storageKey: `${k}.jpg`.slice(0, 22), width: 800, height: 600, sha256: k })))
      .returning();
    const [inline, under] = await h.db
      .insert(reportMedia)
      .values([
        { reportId: rep.id, mediaId: m1.id, role: "photo" as const, caption: "座谈会现场", credit: "川网传媒", order: 1 },
        { reportId: rep.id, mediaId: m2.id, role: "photo" as const, caption: "实地考察", sectionOrder: 1, order: 2 },
      ])
      .returning();
    const r = (await publicReportDetail(h.db, YANTAN_REPORT_SLUG))!;
    const withInline = { ...r, sections: r.sections.map((s, i) => (i === 0 ? { ...s, format: "html", body: `<p>前文</p><figure data-photo="${inline.id}"></figure><table><thead><tr><th>代表类别</th><th>人数</th></tr></thead><tbody><tr><td>园区负责人</td><td>120</td></tr></tbody></table>` } : s)) };
    const out = wechatReport(withInline, labels, "https://huiwu.example.org");
    check(out.html);
    expect(out.html).toContain(`src="https://huiwu.example.org/media/${m1.storageKey}"`);
    expect(out.html).toContain(`src="https://huiwu.example.org/media/${m2.storageKey}"`);
    expect(out.text).toContain("座谈会现场 · 川网传媒");
    expect(out.text).toContain(`实地考察${r.photoCredit ? ` · ${r.photoCredit}` : ""}`);
    expect(out.html).toMatch(/<table style="[^"]*border-collapse/); // an attendance table
    expect(out.html).toMatch(/<td style="[^"]*border:1px solid/);
    expect(out.html).toMatch(/<figcaption style="[^"]*color:#666666/);
    expect(squash(out.text)).toBe(squash(pageText(withInline)));
    await h.db.delete(reportMedia).where(eq(reportMedia.id, under.id));
    await h.db.delete(reportMedia).where(eq(reportMedia.id, inline.id));
  });

  it("the action answers an editor of the forum with html and text", async () => {
    const [{ id: eventId }] = await h.db.select({ id: events.id }).from(events).where(eq(events.slug, YANTAN_SLUG));
    const [{ id: reportId }] = await h.db.select({ id: reports.id }).from(reports).where(eq(reports.slug, YANTAN_REPORT_SLUG));
    const [u] = await h.db.select().from(users).where(eq(users.email, "staff@huiwu.demo"));
    who.actor = { id: u.id, siteRole: u.siteRole, name: u.name, email: u.email };
    const res = await actions.wechatCopyAction({ eventId, reportId });
    expect(res.ok, JSON.stringify(res)).toBe(true);
    if (res.ok) {
      check(res.data!.html);
      expect(res.data!.text).toContain("关键数据");
    }
  });
});
