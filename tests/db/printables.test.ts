/** The Yantan handbook as PDF renders its Chinese (text extracted with pdftotext), and badges carry name + QR. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { seedIfEmpty, YANTAN_SLUG } from "@/db/seed";
import { events } from "@/db/schema";
import { badgeData, renderBadgesHtml } from "@/lib/printables/badges";
import { handbookData, renderHandbookHtml } from "@/lib/printables/handbook";
import { htmlToPdf } from "@/lib/printables/pdf";
import { createTestDb } from "../fixtures/db";

const SPEAKERS = ["唐利民", "赵德本", "戴宇", "陈军", "范恒山", "李后强", "鲁荣东", "唐雄兴"];
const TITLE = "产业园区赋能县域经济高质量发展座谈会";

function pdfText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "huiwu-pdftext-"));
  try {
    fs.writeFileSync(path.join(dir, "a.pdf"), pdf);
    return execFileSync("pdftotext", ["-enc", "UTF-8", path.join(dir, "a.pdf"), "-"]).toString("utf8");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
const squash = (s: string) => s.replace(/\s+/g, "");

describe("printables (PGlite)", () => {
  let h: DbHandle;
  let eventId: string;
  beforeAll(async () => {
    h = await createTestDb("pglite");
    await seedIfEmpty(h.db);
    [{ id: eventId }] = await h.db.select({ id: events.id }).from(events).where(eq(events.slug, YANTAN_SLUG));
  });
  afterAll(() => h?.close());

  it("handbook HTML has the cover with co-hosts, agenda, site-visit route with buses, speakers and delegates by category", async () => {
    const html = renderHandbookHtml((await handbookData(h.db, eventId))!, "zh-CN");
    for (const s of ["cover", "agenda", "site-visit", "speakers", "delegates"]) expect(html).toContain(`data-section="${s}"`);
    expect(html).toContain("联合主办");
    expect(html).toContain("四川省人民政府参事室");
    expect(html).toContain("自贡食品产业园");
    expect(html).toContain("1号车");
    expect(html).toContain("四川省县域经济学会 会长");
    expect(html).toContain("政府部门");
    expect(html).not.toContain("<script");
  });

  it("handbook PDF (system Chromium): the Chinese title and every speaker's name come back out of the PDF text", async () => {
    const pdf = await htmlToPdf(renderHandbookHtml((await handbookData(h.db, eventId))!, "zh-CN"));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = squash(pdfText(pdf));
    expect(text).toContain(TITLE);
    expect(text).toContain("会议日程");
    expect(text).toContain("自贡食品产业园");
    for (const name of SPEAKERS) expect(text).toContain(name);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("sh", ["-c", "pdfinfo -"], { input: pdf }).toString())?.[1] ?? 0);
    expect(pages).toBeGreaterThanOrEqual(5);
  });

  it("badges: A4 sheets of 8 and single cards, with name, organization, category and an SVG QR per person", async () => {
    const data = await badgeData(h.db, eventId, { size: "a4", include: "confirmed" });
    expect(data.people.length).toBeGreaterThan(150);
    const a4 = await renderBadgesHtml(data, "a4", "zh-CN");
    expect(a4.match(/<article class="badge"/g)).toHaveLength(data.people.length);
    expect(a4.match(/<div class="page">/g)).toHaveLength(Math.ceil(data.people.length / 8));
    expect(a4.match(/<svg/g)).toHaveLength(data.people.length);
    expect(a4).toContain(data.people[0].name);
    const media = await badgeData(h.db, eventId, { size: "single", include: "confirmed", category: "media" });
    expect(media.people.every((p) => p.category === "media")).toBe(true);
    const single = await renderBadgesHtml(media, "single", "zh-CN");
    expect(single).toContain("90mm 120mm");
    const pdf = await htmlToPdf(single);
    expect(squash(pdfText(pdf))).toContain(squash(media.people[0].name));
  });
});
