/**
 * Issue 13 item 12: the console gives a speaker a photo (uploaded, re-encoded) next to the bio fields; the public
 * agenda links the speaker's name to their page, which shows the photo (sized, lazy, alt = name) and the bio in the
 * page's language — in English the Chinese bio stands inside lang="zh-CN" when no English one exists.
 * Desktop (1280) and phone (390), zh-CN and en, with screenshots.
 */
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { signInAs } from "./auth";
import { clickHydrated, noHorizontalOverflow, snap, YANTAN } from "./helpers";

/** A placeholder avatar drawn here (a grey silhouette on a tint), clearly not anyone's portrait. */
async function placeholderAvatar(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 800 800">
    <rect width="800" height="800" fill="#dbe7f5"/>
    <circle cx="400" cy="300" r="150" fill="#8aa1bd"/>
    <path d="M130 800c0-170 120-290 270-290s270 120 270 290z" fill="#8aa1bd"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).withExif({ IFD0: { Make: "PlaceholderCam" } }).toBuffer();
}

/** The dialog as seen (a full-page shot of the long agenda behind it would shrink it out of sight), photo in view. */
async function snapDialog(page: Page, name: string) {
  await page.getByTestId("person-photo").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}

const builderSession = (page: Page, title: string) => page.locator(`[data-testid="builder-session"][data-title="${title}"]`);

async function openPersonDialog(page: Page) {
  await page.goto(`/admin/events/${YANTAN}/agenda`);
  await clickHydrated(builderSession(page, "报告发布").getByTestId("builder-speaker").filter({ hasText: "唐利民" }).getByTestId("edit-speaker"));
  const d = page.getByTestId("person-dialog");
  await expect(d).toBeVisible();
  return d;
}

test("speaker photo and bio: console upload, public agenda → speaker page in zh-CN and en, desktop and phone", async ({ browser, page, baseURL }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  // The site admin edits the speaker: other specs import copies of the Yantan forum (accounts.spec's IDOR check), and
  // people are shared between forums, so the Yantan organizer is rightly refused for a speaker of a forum they do not
  // run (that rule: tests/db/speaker-photo.test.ts).
  await signInAs(page, "admin", `/admin/events/${YANTAN}/agenda`);

  await test.step("console: the person dialog has labelled bio fields and a photo with preview", async () => {
    const d = await openPersonDialog(page);
    await expect(d.getByLabel("个人简介", { exact: true })).toHaveValue(/实践报告/);
    await expect(d.getByLabel("个人简介（英文）")).toHaveValue(/Practice Report/);
    await expect(d.getByTestId("person-photo-none")).toBeVisible();
    await d.getByTestId("person-photo-input").setInputFiles({ name: "avatar.jpg", mimeType: "image/jpeg", buffer: await placeholderAvatar() });
    const preview = d.getByTestId("person-photo-preview");
    await expect(preview).toBeVisible();
    await expect(preview).toHaveAttribute("alt", "唐利民");
    await expect.poll(() => preview.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
    await expect(d.getByTestId("person-photo-remove")).toBeVisible();
    await snapDialog(page, "speaker-console-dialog-zh-CN");
    await page.setViewportSize({ width: 390, height: 844 });
    await snapDialog(page, "speaker-console-dialog-phone-zh-CN");
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.keyboard.press("Escape");
  });

  const anon = await browser.newContext({ baseURL, locale: "zh-CN" });
  const pub = await anon.newPage();
  let speakerPath = "";

  await test.step("public agenda (zh-CN): the name links to the speaker's page, which shows the photo and bio", async () => {
    await pub.setViewportSize({ width: 1280, height: 900 });
    await pub.goto(`/events/${YANTAN}/agenda`);
    await pub.getByTestId("speaker-link").filter({ hasText: "唐利民" }).first().click();
    await expect(pub).toHaveURL(/\/speakers\/[0-9a-f-]{36}$/);
    speakerPath = new URL(pub.url()).pathname;
    await expect(pub.getByTestId("speaker-name")).toHaveText("唐利民");
    const photo = pub.getByTestId("speaker-photo");
    await expect(photo).toHaveAttribute("alt", "唐利民");
    await expect(photo).toHaveAttribute("loading", "lazy");
    await expect(photo).toHaveAttribute("width", /^\d+$/);
    await expect(photo).toHaveAttribute("height", /^\d+$/);
    await expect.poll(() => photo.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
    // served re-encoded: no camera metadata left
    const served = await pub.request.get((await photo.getAttribute("src"))!);
    expect(served.status()).toBe(200);
    expect((await served.body()).toString("latin1")).not.toContain("PlaceholderCam");
    await expect(pub.getByTestId("speaker-bio")).toContainText("产业园区赋能县域经济高质量发展自贡市沿滩区实践报告");
    await snap(pub, "speaker-page-zh-CN");
    await pub.setViewportSize({ width: 390, height: 844 });
    await noHorizontalOverflow(pub);
    await snap(pub, "speaker-page-phone-zh-CN");
    await pub.goto("/speakers");
    await expect(pub.getByTestId("speaker-list").getByTestId("speaker-photo")).toHaveCount(1);
    await noHorizontalOverflow(pub);
    await snap(pub, "speakers-directory-phone-zh-CN");
  });

  await test.step("en: English bio and alt; a speaker without an English bio shows the Chinese inside lang=zh-CN", async () => {
    await anon.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
    await pub.setViewportSize({ width: 1280, height: 900 });
    await pub.goto(`/events/${YANTAN}/agenda`);
    await pub.getByTestId("speaker-link").filter({ hasText: "Tang Limin" }).first().click();
    await expect(pub).toHaveURL(new RegExp(`${speakerPath}$`));
    await expect(pub.getByTestId("speaker-photo")).toHaveAttribute("alt", "Tang Limin");
    await expect(pub.getByTestId("speaker-bio")).toContainText("released the Practice Report");
    await expect(pub.getByTestId("speaker-bio").locator('[lang="zh-CN"]')).toHaveCount(0);
    await snap(pub, "speaker-page-en");
    await pub.setViewportSize({ width: 390, height: 844 });
    await noHorizontalOverflow(pub);
    await snap(pub, "speaker-page-phone-en");

    await pub.goto(`/events/${YANTAN}/agenda`);
    await pub.getByTestId("speaker-link").filter({ hasText: "Zhao Deben" }).first().click();
    const zhBio = pub.getByTestId("speaker-bio").locator('[lang="zh-CN"]');
    await expect(zhBio).toContainText("自贡市沿滩区人民政府区长");
    await expect(pub.getByTestId("speaker-photo")).toHaveCount(0); // no photo: no empty frame
    await noHorizontalOverflow(pub);
    await snap(pub, "speaker-page-fallback-phone-en");
  });
  await anon.close();

  await test.step("console (en): remove the photo; the public page no longer shows it", async () => {
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
    const d = await openPersonDialog(page);
    await expect(d.getByLabel("Biography (English)")).toBeVisible();
    await expect(d.getByTestId("person-photo-preview")).toBeVisible();
    await snapDialog(page, "speaker-console-dialog-en");
    await d.getByTestId("person-photo-remove").click();
    await expect(d.getByTestId("person-photo-none")).toBeVisible();
    await expect(d.getByTestId("person-photo-remove")).toHaveCount(0);
    await page.goto(speakerPath);
    await expect(page.getByTestId("speaker-name")).toHaveText("Tang Limin");
    await expect(page.getByTestId("speaker-photo")).toHaveCount(0);
  });
});
