/**
 * Issue 12 item 15 (the parts a unit of code decides; the rendered HTML is validated in tests/e2e/html-validate.spec.ts):
 * canonical + hreflang alternates with explicit ?lang= URLs and og:url on every public page, Open Graph on / and
 * /reports, the forum's share image with its Chinese title drawn with a CJK font read from disk, a forum-specific
 * agenda description, and an <h1> on the home page.
 */
import fs from "node:fs";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Metadata } from "next";
import type { DbHandle } from "@/db/client";
import { seedIfEmpty, YANTAN_SLUG } from "@/db/seed";
import { YANTAN_REPORT_SLUG } from "@/db/seed/yantan";
import { languageUrl } from "@/lib/i18n/alternates";
import { faceNames, fontFromFile } from "@/lib/og/cjk-font";
import { useAppDb } from "../fixtures/app-db";
import { createTestDb } from "../fixtures/db";
import { withRequest } from "../fixtures/request";

const home = await import("@/app/(public)/page");
const forum = await import("@/app/(public)/events/[slug]/page");
const agenda = await import("@/app/(public)/events/[slug]/agenda/page");
const reports = await import("@/app/(public)/reports/page");
const report = await import("@/app/(public)/reports/[slug]/page");
const speakers = await import("@/app/(public)/speakers/page");
const { GET: ogImage } = await import("@/app/(public)/events/[slug]/og.png/route");

const TTC = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc";
const zh = { "accept-language": "zh-CN" };
const enByUrl = { "accept-language": "zh-CN", "x-huiwu-lang": "en" }; // /…?lang=en, as the HTTP server passes it on
const meta = (headers: Record<string, string>, fn: () => Promise<Metadata>) => withRequest({ headers }, fn);
const slugProps = (slug: string) => ({ params: Promise.resolve({ slug }), searchParams: Promise.resolve({}) }) as never;

function expectAlternates(m: Metadata, path: string, lang: "zh-CN" | "en") {
  expect(m.alternates?.canonical).toBe(`${path}${path.includes("?") ? "&" : "?"}lang=${lang}`);
  expect(m.alternates?.languages).toEqual({ "zh-CN": languageUrl(path, "zh-CN"), en: languageUrl(path, "en"), "x-default": path });
  const og = m.openGraph as { url?: string; locale?: string; siteName?: string };
  expect(og.url).toBe(m.alternates?.canonical);
  expect(og.locale).toBe(lang === "en" ? "en_GB" : "zh_CN");
  expect(og.siteName).toBe("会务 Huiwu");
}

describe("public page metadata (pglite)", () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await createTestDb("pglite");
    await seedIfEmpty(h.db);
    useAppDb(h);
  });
  afterAll(() => h?.close());

  it("languageUrl keeps other query parameters and replaces lang", () => {
    expect(languageUrl("/reports?tag=%E5%8E%BF%E5%9F%9F&lang=en", "zh-CN")).toBe("/reports?tag=%E5%8E%BF%E5%9F%9F&lang=zh-CN");
    expect(languageUrl("/?lang=en")).toBe("/");
  });

  it("every public page: canonical = its explicit language URL, hreflang alternates for both languages and x-default, og:url", async () => {
    expectAlternates(await meta(zh, () => home.generateMetadata()), "/", "zh-CN");
    expectAlternates(await meta(enByUrl, () => home.generateMetadata()), "/", "en");
    expectAlternates(await meta(zh, () => forum.generateMetadata(slugProps(YANTAN_SLUG))), `/events/${YANTAN_SLUG}`, "zh-CN");
    expectAlternates(await meta(enByUrl, () => agenda.generateMetadata(slugProps(YANTAN_SLUG))), `/events/${YANTAN_SLUG}/agenda`, "en");
    expectAlternates(await meta(zh, () => reports.generateMetadata({ searchParams: Promise.resolve({ tag: "县域经济" }) } as never)), `/reports?tag=${encodeURIComponent("县域经济")}`, "zh-CN");
    expectAlternates(await meta(zh, () => report.generateMetadata(slugProps(YANTAN_REPORT_SLUG))), `/reports/${YANTAN_REPORT_SLUG}`, "zh-CN");
    expectAlternates(await meta(enByUrl, () => speakers.generateMetadata()), "/speakers", "en");
  });

  it("Open Graph on / and /reports", async () => {
    for (const m of [await meta(zh, () => home.generateMetadata()), await meta(zh, () => reports.generateMetadata({ searchParams: Promise.resolve({}) } as never))]) {
      const og = m.openGraph as { title?: string; description?: string; type?: string };
      expect(og.title).toBeTruthy();
      expect(og.description).toBeTruthy();
      expect(og.type).toBe("website");
    }
  });

  it("the forum page's og:image is its share image; the agenda's description is about this forum", async () => {
    const m = await meta(zh, () => forum.generateMetadata(slugProps(YANTAN_SLUG)));
    expect((m.openGraph as { images?: { url: string; width: number }[] }).images?.[0]).toMatchObject({ url: `/events/${YANTAN_SLUG}/og.png`, width: 1200 });
    const a = await meta(zh, () => agenda.generateMetadata(slugProps(YANTAN_SLUG)));
    expect(a.description).toContain("产业园区赋能县域经济高质量发展座谈会");
    expect(a.description).toContain("2025年9月5日");
    expect(a.description).toMatch(/\d+ 个环节、\d+ 位嘉宾/);
    const en = await meta(enByUrl, () => agenda.generateMetadata(slugProps(YANTAN_SLUG)));
    expect(en.description).toMatch(/^Agenda of .+: .*5 September 2025.*\d+ sessions with \d+ speakers\.$/);
  });

  it("the home page has an <h1>", async () => {
    const el = (await withRequest({ headers: zh }, () => home.default())) as { props: { children: { type?: string }[] } };
    expect(el.props.children.filter((c) => c?.type === "h1")).toHaveLength(1);
  });

  it.skipIf(!fs.existsSync(TTC))("the share image: the Chinese title drawn with the CJK face cut out of the system font collection", async () => {
    const font = fontFromFile(fs.readFileSync(TTC));
    expect(font.toString("latin1", 0, 4)).toBe("OTTO"); // a plain CFF OpenType font, not a collection
    expect(faceNames(font, 0)).toContain("Noto Sans CJK SC");

    const res = await ogImage(new Request(`http://localhost/events/${YANTAN_SLUG}/og.png`), { params: Promise.resolve({ slug: YANTAN_SLUG }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    const png = Buffer.from(await res.arrayBuffer());
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([1200, 630]);
    // the title band holds white glyphs: with no CJK font the Chinese title would draw nothing there
    let white = 0;
    for (let y = 160; y < 420; y++) for (let x = 80; x < 1120; x++) {
      const i = (y * info.width + x) * info.channels;
      if (data[i] > 240 && data[i + 1] > 240 && data[i + 2] > 240) white++;
    }
    expect(white).toBeGreaterThan(5000);
    expect((await ogImage(new Request("http://localhost/events/nope/og.png"), { params: Promise.resolve({ slug: "nope" }) })).status).toBe(404);
  });
});
