/**
 * Table cards (桌签) set every name inside the card, measured in the real browser that prints them (system Chromium):
 * Chinese names of 2–4 characters on one line, long English names on at most two lines, never wider than the face
 * (issue 11, step 5). The names include the worst cases a protocol office sends: compound surnames, titles, hyphens.
 */
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardLayout, renderTableCardsHtml } from "@/lib/printables/seating";
import type { SeatedPerson } from "@/lib/seating/queries";

const person = (i: number, name: string, nameEn: string | null = null): SeatedPerson => ({
  id: `p${i}`,
  kind: "person",
  name,
  nameEn,
  rank: "other",
  organization: "宜宾市人民政府",
  organizationEn: "Yibin Municipal People's Government",
  title: "副市长",
  titleEn: "Vice Mayor",
});

const NAMES: [string, string | null][] = [
  ["王敏", "Wang Min"],
  ["欧阳文华", "Ouyang Wenhua"],
  ["司马相如", null],
  ["李", "Prof. Dr. Maximilian Alexander von Hohenzollern-Sigmaringen"],
  ["张", "Christopher Montgomery-Fitzwilliam"],
  ["陈", "WWWWWWWWWW MMMMMMMMMMMM WWWWWWWWWW"],
  ["赵", "Mohammed bin Abdulrahman Al-Thani"],
];

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH || "/usr/bin/chromium", args: ["--no-sandbox"] });
}, 60_000);
afterAll(async () => browser?.close());

async function measure(locale: "zh-CN" | "en") {
  const html = renderTableCardsHtml(NAMES.map(([n, e], i) => person(i, n, e)), locale, { position: true, title: "t" });
  const page = await browser.newPage();
  await page.setContent(html);
  await page.evaluate(() => document.fonts.ready);
  const out = await page.$$eval(".face:not(.upside) .name", (els) =>
    els.map((el) => {
      const face = el.parentElement!;
      const cs = getComputedStyle(face);
      const inner = face.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      const r = document.createRange();
      r.selectNodeContents(el);
      const lines = new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size;
      return { text: (el as HTMLElement).innerText, width: el.scrollWidth, inner, lines, pt: parseFloat(getComputedStyle(el).fontSize) * 0.75 };
    }),
  );
  await page.close();
  return out;
}

describe("table cards fit their names", () => {
  it("zh-CN: every Chinese name on one line, inside the face, large", async () => {
    for (const m of await measure("zh-CN")) {
      expect(m.width, m.text).toBeLessThanOrEqual(m.inner);
      expect(m.lines, m.text).toBe(1);
      expect(m.pt, m.text).toBeGreaterThanOrEqual(100);
    }
  }, 60_000);

  it("en: English names (or the Chinese one when none is given) inside the face, at most three lines, readable across a table", async () => {
    const all = await measure("en");
    for (const m of all) {
      expect(m.width, m.text).toBeLessThanOrEqual(m.inner);
      expect(m.lines, m.text).toBeLessThanOrEqual(3);
      expect(m.pt, m.text).toBeGreaterThanOrEqual(36); // ≥ 12.7 mm letters, read from across a banquet table
    }
    expect(all.find((m) => m.text.includes("Hohenzollern"))!.lines).toBe(3);
    expect(all.find((m) => m.text.includes("Fitzwilliam"))!.pt).toBeGreaterThanOrEqual(70);
    expect(all.find((m) => m.text === "Wang Min")!.lines).toBe(1);
    expect(all.find((m) => m.text.startsWith("司马相如"))).toBeTruthy(); // no English name: the Chinese one
  }, 60_000);

  it("a long English name breaks where its widest line is narrowest", () => {
    expect(cardLayout("Christopher Montgomery-Fitzwilliam").lines).toEqual(["Christopher", "Montgomery-", "Fitzwilliam"]); // hyphen kept at the break
    expect(cardLayout("Ouyang Wenhua").lines).toEqual(["Ouyang Wenhua"]);
    expect(cardLayout("Prof. Dr. Maximilian Alexander von Hohenzollern-Sigmaringen").lines).toHaveLength(3);
    expect(cardLayout("王敏").lines).toEqual(["王敏"]);
  });
});
