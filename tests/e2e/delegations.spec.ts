/**
 * Invited delegations (issue 10) on a phone, in zh-CN and in en: the organizer invites a unit in the console, the
 * unit's liaison opens the reply link (no account) on a phone, enters 3 delegates (one arriving by train), submits,
 * swaps one (换人), downloads the unit's tickets PDF and opens a delegate's ticket page; the organizer then sees 3/3
 * replied and reaches the roster through the documents navigation.
 *
 * Test data: the seeded upcoming demo forum (db/seed/demo-forum.ts: three weeks ahead, invited units replying). Each
 * run invites its own unit (a unique name), so other specs sharing the server are not disturbed.
 */
import { devices, expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_FORUM_SLUG } from "../../db/seed/demo-forum";
import { signInAs } from "./auth";
import { snap } from "./helpers";

// An iPhone 13's screen, touch and user agent, in the Chromium the suite runs (not WebKit).
const { defaultBrowserType: _webkit, ...PHONE } = devices["iPhone 13"];
test.use(PHONE);

const DAY = 86_400_000;
const CONSOLE = `/admin/events/${DEMO_FORUM_SLUG}/delegations`;

const LANGS = [
  { locale: "zh-CN", unit: "四川省文化和旅游厅", submitted: "回执已提交", progress: "3/3", roster: "参会名单", nav: "参会名单", train: "火车" },
  { locale: "en", unit: "Sichuan Dept. of Culture and Tourism", submitted: "Reply slip submitted", progress: "3/3", roster: "Roster", nav: "Roster", train: "Train" },
] as const;

async function noHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal overflow on ${page.url()}`).toBeLessThanOrEqual(0);
}

/**
 * Chinese drawn with a real font, not as boxes (tofu): in the page's own font, two different characters give two
 * different bitmaps — missing glyphs all draw the same box.
 */
async function chineseRenders(page: Page) {
  const differ = await page.evaluate(() => {
    const s = getComputedStyle(document.body);
    const draw = (ch: string) => {
      const c = document.createElement("canvas");
      c.width = c.height = 40;
      const g = c.getContext("2d")!;
      g.font = `32px ${s.fontFamily}`;
      g.fillText(ch, 2, 32);
      return Array.from(g.getImageData(0, 0, 40, 40).data).join(",");
    };
    return draw("参") !== draw("会");
  });
  expect(differ, "Chinese characters render as distinct glyphs").toBe(true);
}

async function phone(browser: Browser, locale: string, baseURL: string) {
  const ctx = await browser.newContext({ ...PHONE, locale });
  await ctx.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL }]);
  return ctx;
}

async function fillDelegate(page: Page, i: number, d: { name: string; position: string; phone: string; rank?: string; gender?: string }) {
  const card = page.getByTestId("delegate-card").nth(i);
  await card.locator(`input[name="d${i}-name"]`).fill(d.name);
  await card.locator(`input[name="d${i}-position"]`).fill(d.position);
  await card.locator(`input[name="d${i}-phone"]`).fill(d.phone);
  if (d.gender) await card.locator(`select[name="d${i}-gender"]`).selectOption(d.gender);
  if (d.rank) await card.locator(`select[name="d${i}-rank"]`).selectOption(d.rank);
  return card;
}

for (const L of LANGS) {
  test(`invited unit on a phone, ${L.locale}: organizer invites → liaison replies with 3 (one by train) → swaps one → tickets PDF → ticket page → organizer sees 3/3`, async ({ browser, baseURL }) => {
    test.setTimeout(180_000);
    const tag = Date.now().toString(36);
    const unit = `${L.unit} ${tag}`;

    // ── the organizer invites the unit (console, through the UI)
    const org = await phone(browser, L.locale, baseURL!);
    const op = await org.newPage();
    await signInAs(op, "organizer", CONSOLE);
    await op.goto(CONSOLE);
    await expect(op.getByTestId("delegation-docs-nav")).toBeVisible();
    await op.getByTestId("invite-unit").click();
    const dialog = op.getByTestId("invite-dialog");
    await dialog.locator('input[name="organization"]').fill(unit);
    await dialog.locator('input[name="quota"]').fill("3");
    await dialog.locator('input[name="liaisonName"]').fill("罗晓燕");
    await dialog.locator('input[name="liaisonPhone"]').fill(`139${String(Date.now()).slice(-8)}`);
    await dialog.getByTestId("invite-submit").click();
    const row = op.locator(`[data-testid="unit-row"][data-unit="${unit}"]`);
    await expect(row).toBeVisible();
    await expect(row.getByTestId("unit-progress")).toContainText("0/3");
    const replyUrl = await row.getByTestId("copy-reply-link").getAttribute("title");
    expect(replyUrl).toMatch(/\/reply\/[A-Za-z0-9_-]{22,}$/);
    const replyPath = new URL(replyUrl!).pathname;

    // ── the liaison, on a phone, no account
    const lia = await phone(browser, L.locale, baseURL!);
    const page = await lia.newPage();
    await page.goto(replyPath);
    await expect(page.getByTestId("reply-unit")).toHaveText(unit);
    await chineseRenders(page);
    await noHorizontalOverflow(page);

    await fillDelegate(page, 0, { name: "江海川", position: "副厅长", phone: "13912340001", rank: "bureau", gender: "male" });
    const arrival = new Date(Date.now() + 20 * DAY).toISOString().slice(0, 10);
    const first = page.getByTestId("delegate-card").nth(0);
    await first.locator('input[name="d0-arrival-at"]').fill(`${arrival}T15:20`);
    await first.locator('select[name="d0-arrival-by"]').selectOption("train");
    await first.locator('input[name="d0-arrival-number"]').fill("G8501");
    await first.locator('input[name="d0-arrival-station"]').fill("自贡站");
    await first.locator('select[name="d0-accommodation"]').selectOption("single");
    await page.getByTestId("add-delegate").click();
    await fillDelegate(page, 1, { name: "林晓雯", position: "处长", phone: "13912340002", rank: "county", gender: "female" });
    await page.getByTestId("add-delegate").click();
    await fillDelegate(page, 2, { name: "何志远", position: "一级主任科员", phone: "13912340003", rank: "township" });
    await expect(page.getByTestId("add-delegate")).toHaveCount(0); // the quota is reached
    await noHorizontalOverflow(page);
    await snap(page, `delegations-1-reply-filled-${L.locale}`);

    await page.getByTestId("submit-reply").click();
    await expect(page.getByTestId("reply-ok")).toHaveText(L.submitted);
    await expect(page.getByTestId("unit-ticket")).toHaveCount(3);
    await expect(page.getByTestId("unit-tickets")).toContainText("林晓雯");
    await noHorizontalOverflow(page);
    await snap(page, `delegations-2-submitted-${L.locale}`);

    // ── 换人: 林晓雯 is replaced by 邓雨桐; the old ticket goes, a new one comes
    const second = page.getByTestId("delegate-card").nth(1);
    await second.getByTestId("swap").click();
    await expect(second.getByTestId("replacing")).toContainText("林晓雯");
    await fillDelegate(page, 1, { name: "邓雨桐", position: "处长", phone: "13912340004", rank: "county", gender: "female" });
    await page.getByTestId("submit-reply").click();
    await expect(page.getByTestId("reply-ok")).toHaveText(L.submitted);
    const tickets = page.getByTestId("unit-tickets");
    await expect(tickets).toContainText("邓雨桐");
    await expect(tickets).not.toContainText("林晓雯");
    await expect(page.getByTestId("unit-ticket")).toHaveCount(3);
    await noHorizontalOverflow(page);
    await snap(page, `delegations-3-swapped-${L.locale}`);

    // ── the unit's tickets as one PDF
    const href = await page.getByTestId("download-tickets").getAttribute("href");
    const pdf = await page.request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 4).toString("latin1")).toBe("%PDF");

    // ── a delegate's own ticket page (the link their text message carries)
    await page.getByTestId("unit-ticket").filter({ hasText: "江海川" }).getByTestId("open-ticket").click();
    await expect(page).toHaveURL(/\/ticket\/[A-Za-z0-9_-]{22,}$/);
    await expect(page.getByTestId("ticket-holder")).toHaveText("江海川");
    await expect(page.getByTestId("ticket-qr")).toBeVisible();
    await expect(page.getByTestId("ticket-organization")).toHaveText(unit);
    await chineseRenders(page);
    await noHorizontalOverflow(page);
    await snap(page, `delegations-4-ticket-${L.locale}`);
    await lia.close();

    // ── the organizer sees 3/3 replied, then the roster one click away
    await op.goto(CONSOLE);
    await expect(row.getByTestId("unit-progress")).toContainText(L.progress);
    await expect(row.getByTestId("unit-status")).not.toBeEmpty();
    await snap(op, `delegations-5-console-${L.locale}`);
    await op.getByTestId("delegation-docs-nav").getByRole("link", { name: L.nav }).click();
    await expect(op).toHaveURL(new RegExp(`${CONSOLE}/roster$`));
    await expect(op.getByRole("heading", { level: 1, name: L.roster, exact: true })).toBeVisible();
    // the print preview loads in its frame (the print route may be framed by the console, nothing else)
    const frame = op.frameLocator('[data-testid="print-frame"]');
    await expect(frame.locator("h1")).toHaveText(L.roster);
    await expect(frame.locator("body")).toContainText("邓雨桐");
    const xlsx = await op.request.get(`${CONSOLE}/roster/print?format=xlsx`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
    const html = await (await op.request.get(`${CONSOLE}/roster/print`)).text();
    expect(html).toContain(unit);
    expect(html).toContain("邓雨桐");
    expect(html).not.toContain("林晓雯");
    // protocol order within the unit: 副厅长 (厅局级) before 处长 (县处级) before 科员 (乡科级)
    const block = html.slice(html.indexOf(unit));
    expect(block.indexOf("江海川")).toBeLessThan(block.indexOf("邓雨桐"));
    expect(block.indexOf("邓雨桐")).toBeLessThan(block.indexOf("何志远"));
    await snap(op, `delegations-6-roster-${L.locale}`);
    await org.close();
  });
}
