/**
 * Parallel sub-forums (分论坛), issue 11 step 1, on the seeded demo forum: the public agenda shows them side by side on
 * a computer and stacked with a room filter on a phone (zh-CN and en), and a newcomer chooses one when registering —
 * the seats left for that session drop by one and the choice is kept on the edit form.
 */
import { expect, test } from "@playwright/test";
import { DEMO_FORUM_SLUG } from "../../db/seed/demo-forum";
import { noHorizontalOverflow, snap } from "./helpers";

const AGENDA = `/events/${DEMO_FORUM_SLUG}/agenda`;
const L = {
  "zh-CN": { one: "分论坛一：县域园区协同招商", two: "分论坛二：绿色低碳园区建设", room2: "第二会议室" },
  en: { one: "Sub-forum 1: joint investment promotion of county parks", two: "Sub-forum 2: green and low-carbon parks", room2: "Meeting room 2" },
} as const;

for (const locale of ["zh-CN", "en"] as const) {
  test(`agenda, ${locale}: parallel sub-forums side by side on a computer, stacked with a room filter on a phone`, async ({ browser }) => {
    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale });
    const page = await desk.newPage();
    await page.goto(`${AGENDA}${locale === "en" ? "?lang=en" : ""}`);
    const group = page.getByTestId("parallel-group");
    await expect(group).toHaveCount(1);
    // the two sessions' cards: one row, two columns
    const cards = group.locator("li[data-room]");
    await expect(cards).toHaveCount(2);
    await expect(cards.nth(0)).toContainText(L[locale].one);
    await expect(cards.nth(1)).toContainText(L[locale].two);
    const [a, b] = [(await cards.nth(0).boundingBox())!, (await cards.nth(1).boundingBox())!];
    expect(Math.abs(a.y - b.y)).toBeLessThan(2);
    expect(b.x).toBeGreaterThanOrEqual(a.x + a.width);
    await snap(page, `parallel-agenda-desktop-${locale}`);
    await desk.close();

    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale, isMobile: true, hasTouch: true });
    const p = await phone.newPage();
    await p.goto(`${AGENDA}${locale === "en" ? "?lang=en" : ""}`);
    const g = p.getByTestId("parallel-group");
    const items = g.locator("li[data-room]");
    const [c, d] = [(await items.nth(0).boundingBox())!, (await items.nth(1).boundingBox())!];
    expect(d.y).toBeGreaterThanOrEqual(c.y + c.height); // stacked
    await noHorizontalOverflow(p);
    await g.getByTestId("room-filter").filter({ hasText: L[locale].room2 }).click();
    await expect(g.getByText(L[locale].one, { exact: true })).toBeHidden();
    await expect(g.getByText(L[locale].two, { exact: true })).toBeVisible();
    await snap(p, `parallel-agenda-phone-${locale}`);
    await phone.close();
  });
}

test("register, zh-CN phone: choose a sub-forum; its seats left drop by one and the choice is kept", async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "zh-CN", isMobile: true, hasTouch: true });
  const page = await ctx.newPage();
  await page.goto(`/events/${DEMO_FORUM_SLUG}`);
  await page.getByTestId("register-button").click();
  const form = page.getByTestId("register-form");
  const option = (f = form) => f.getByTestId("tracks").locator("label").filter({ hasText: L["zh-CN"].two });
  const leftOf = async (f = form) => Number((await option(f).innerText()).match(/剩余 (\d+) 席/)![1]);
  const before = await leftOf();
  const tag = Date.now().toString(36);
  await form.locator('input[name="name"]').fill("分论坛代表");
  await form.locator('input[name="email"]').fill(`parallel-${tag}@example.com`);
  await form.locator('input[name="password"]').fill("a-long-enough-password");
  await form.locator('input[name="organization"]').fill("自贡市某园区管委会");
  await form.locator('input[name="position"]').fill("主任");
  await form.locator('input[name="phone"]').fill("13800000001");
  await form.locator("#f-category").selectOption("park");
  await option().getByTestId("track-option").check();
  await noHorizontalOverflow(page);
  await snap(page, "parallel-register-phone-zh-CN");
  await form.getByTestId("register-submit").click();
  await expect(page.getByTestId("registration-done")).toBeVisible();

  await page.reload();
  const edit = page.getByTestId("register-form");
  await expect(option(edit).getByTestId("track-option")).toBeChecked();
  expect(await leftOf(edit)).toBe(before - 1);
  await ctx.close();
});
