/**
 * 复制到公众号 (issue 13): the editor's "copy for WeChat" puts the report on the clipboard as HTML with inline styles
 * only (what the official-account editor keeps) and as plain text equal to the public page's; unsaved edits are saved
 * first, so what is copied is what is saved.
 */
import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "./auth";
import { noHorizontalOverflow, snap, YANTAN } from "./helpers";

const REPORT = "yantan-symposium-report-2025";
const squash = (s: string) => s.replace(/\s+/g, "");

test.use({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });

async function readClipboard(page: Page) {
  return page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const read = async (type: string) => (item.types.includes(type) ? await (await item.getType(type)).text() : "");
    return { types: item.types, html: await read("text/html"), text: await read("text/plain") };
  });
}

test.beforeEach(async ({ context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
});

test("copies the seeded report for WeChat: inline styles, the page's text", async ({ page }) => {
  // what a reader sees on the public page, in its order
  await page.goto(`/reports/${REPORT}`);
  const parts = [page.getByTestId("report-byline"), page.getByTestId("report-lead"), page.getByTestId("figures-panel"), page.getByTestId("report-section")];
  let expected = "";
  for (const p of parts) expected += (await p.allInnerTexts()).join("");

  await signIn(page, DEMO.staff.email, DEMO.staff.password, `/admin/events/${YANTAN}/reports`);
  await page.getByTestId("admin-report-list").locator("li", { has: page.locator(`a[href="/reports/${REPORT}"]`) }).getByRole("link").first().click();
  await expect(page.getByTestId("report-editor")).toHaveAttribute("data-slug", REPORT);
  const button = page.getByTestId("copy-wechat");
  await expect(button).toHaveText("复制到公众号");
  await snap(page, "report-wechat-button-zh");
  await button.click();
  await expect(page.getByTestId("toast")).toContainText("已复制，可直接粘贴到公众号编辑器");
  await page.screenshot({ path: "test-results/screenshots/report-wechat-copied-zh.png" }); // the button and the toast, as seen

  const clip = await readClipboard(page);
  expect(clip.types).toEqual(expect.arrayContaining(["text/html", "text/plain"]));
  expect(clip.html).toMatch(/<p style="[^"]*font-size:\s*16px/);
  expect(clip.html).toMatch(/<h2 style="[^"]*border-left:\s*4px solid/);
  expect(clip.html).toContain("一次好评满满的实地调研");
  expect(clip.html).not.toMatch(/\sclass=|\sdata-|<script/);
  expect(clip.html).toContain("246.23");
  expect(squash(clip.text)).toBe(squash(expected));
  // how the pasted article looks with nothing but its inline styles (the official account's phone width)
  const pasted = await page.context().newPage();
  await pasted.setViewportSize({ width: 390, height: 844 });
  await pasted.setContent(`<body style="margin:0;padding:16px">${clip.html}</body>`);
  await snap(pasted, "report-wechat-pasted-zh");
  await pasted.close();

  await page.setViewportSize({ width: 390, height: 844 });
  await noHorizontalOverflow(page);
  await page.screenshot({ path: "test-results/screenshots/report-wechat-button-phone-zh.png" });
});

test("saves unsaved edits before copying, so the copy is what is saved", async ({ page }) => {
  await signIn(page, DEMO.staff.email, DEMO.staff.password, `/admin/events/${YANTAN}/reports`);
  await page.getByTestId("create-report").click();
  await page.waitForURL(new RegExp(`/admin/events/${YANTAN}/reports/[0-9a-f-]{36}$`));
  const byline = `公众号测试记者 ${Date.now()}`;
  await page.getByTestId("field-byline").fill(byline);
  await page.getByTestId("copy-wechat").click(); // before the autosave
  await expect(page.getByTestId("toast")).toContainText("已复制，可直接粘贴到公众号编辑器");
  await expect(page.getByTestId("save-state")).not.toHaveText("有未保存的修改");
  const clip = await readClipboard(page);
  expect(clip.text.split("\n")[0]).toBe(byline);
  expect(clip.html).toContain(byline);
  await page.reload();
  await expect(page.getByTestId("field-byline")).toHaveValue(byline);
});
