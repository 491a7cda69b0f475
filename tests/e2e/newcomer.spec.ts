/**
 * The newcomer suite (issue 13, acceptance): each role's first task done through the UI only, in zh-CN and in English,
 * on a computer and on a 390 px phone — the whole story runs twice: in zh-CN with the devices below, then in English
 * (the browser's language, as an English-speaking newcomer has it) with every device swapped, so each task is done on
 * both devices and in both languages. Button and toast texts come from the message catalogues, not from the test. Every step starts from the home page or the console and goes on by clicking — the header's
 * account menu, the console's navigation and a forum's tabs — never by typing a URL.
 *
 *   1. an organizer (computer) builds a forum — details, a co-host, a session with a speaker — previews the draft's
 *      public page, reads the publish checklist and publishes;
 *   2. the organizer (phone) adds a staff member on the forum's 团队 tab;
 *   3. a newcomer (phone) finds the forum on the home page, registers with an inline sign-up, and reopens the ticket
 *      from the account menu;
 *   4. the staff member (phone) checks the newcomer in at the desk (warned that the forum has not started);
 *   5. the staff member (computer) writes the post-event report with a figure and a photo and submits it;
 *   6. the organizer (phone) publishes it, warned that the forum has not ended, and copies it for WeChat (复制到公众号).
 *
 */
import fs from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { jpegWithGps } from "../fixtures/files";
import { DEMO } from "./auth";
import { noHorizontalOverflow, snap } from "./helpers";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
type Locale = "zh-CN" | "en";

/** A UI text from the app's catalogue (messages/<locale>/<namespace>.json), cut before its first ICU argument. */
function msg(locale: Locale, key: string): string {
  const [ns, ...path] = key.split(".");
  let v: unknown = JSON.parse(fs.readFileSync(`messages/${locale}/${ns}.json`, "utf8"));
  for (const k of path) v = (v as Record<string, unknown>)[k];
  if (typeof v !== "string") throw new Error(`no message ${key} in ${locale}`);
  return v.split("{")[0]!.trim();
}

const RUNS = [
  { locale: "zh-CN" as Locale, swap: false },
  { locale: "en" as Locale, swap: true },
];

for (const run of RUNS) {
  test.describe(`newcomer (${run.locale})`, () => {
    test.describe.configure({ mode: "serial", timeout: 180_000 });

    const T = (key: string) => msg(run.locale, key);
    /** The device a step names, or the other one in the swapped run. */
    const PHONE_ = run.swap ? DESKTOP : PHONE;
    const DESKTOP_ = run.swap ? PHONE : DESKTOP;
    const stamp = `${Date.now().toString(36)}${run.locale === "en" ? "e" : "z"}`;
    const TITLE = `新人论坛 ${stamp}`;
    const TITLE_EN = `Newcomer Forum ${stamp}`;
    /** What a visitor of this run's language sees as the forum's title. */
    const SHOWN_TITLE = run.locale === "en" ? TITLE_EN : TITLE;
    // three weeks from now, so registration is open and check-in / the report come "early"
    const day = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
    const NEWCOMER = { name: "新来的代表", email: `newcomer-suite-${stamp}@example.com`, password: "newcomer-suite-2026" };
    const device = (v: { width: number }) => (v === PHONE ? "phone" : "computer");
    const shot = (name: string) => `${name}-${run.locale}${run.swap ? "-swapped" : ""}`;

    let slug = "";
    let ticketCode = "";

    async function open(browser: Browser, viewport: { width: number; height: number }) {
      const ctx = await browser.newContext({ viewport, locale: run.locale, timezoneId: "Europe/London" });
      return { ctx, page: await ctx.newPage() };
    }

    /** From the home page: the header's sign-in link and the sign-in form (no URL typed past the site's address). */
    async function signIn(page: Page, email: string, password: string) {
      await page.goto("/");
      await page.getByTestId("header-sign-in").click();
      const form = page.getByTestId("sign-in-form");
      await form.locator('input[name="email"]').fill(email);
      await form.locator('input[name="password"]').fill(password);
      await form.getByTestId("sign-in-submit").click();
      await expect(page.getByTestId("header-user")).toBeVisible();
      await inRunLanguage(page);
    }

    /** Signing in brings the account's own language (the demo accounts are Chinese): an English-speaking user takes
     * the header's language switch, as a person would. */
    async function inRunLanguage(page: Page) {
      if ((await page.locator("html").getAttribute("lang")) === run.locale) return;
      await page.getByTestId("language-switch").click();
      await page.reload();
      await expect(page.locator("html")).toHaveAttribute("lang", run.locale);
    }

    /** From anywhere: the account menu → the console → this forum's console (the dashboard lists it). */
    async function toConsole(page: Page) {
      await page.getByTestId("header-user").click();
      await page.getByTestId("menu-admin").click();
      await expect(page).toHaveURL(/\/admin$/);
      await page.locator(`[data-testid="dashboard-forum"][data-slug="${slug}"] a[href="/admin/events/${slug}"]`).first().click();
      await expect(page.getByTestId("console-title")).toHaveText(SHOWN_TITLE); // the console names it in its language
    }

    async function toast(page: Page, text: string | RegExp) {
      await expect(page.getByTestId("toast").filter({ hasText: text }).last()).toBeVisible();
    }

    test(`1 · an organizer builds a forum, previews the draft and publishes it after the checklist (${device(DESKTOP_)})`, async ({ browser }) => {
      const { ctx, page } = await open(browser, DESKTOP_);
      await signIn(page, DEMO.organizer.email, DEMO.organizer.password);
      await page.getByTestId("header-user").click();
      await page.getByTestId("menu-admin").click();
      await page.getByTestId("nav-new-event").click();

      const f = page.getByTestId("event-form");
      await f.locator("#f-title").fill(TITLE);
      await f.locator("#f-titleEn").fill(TITLE_EN);
      await expect(f.getByTestId("time-zone-label")).toContainText("Asia/Shanghai"); // the default zone, named in the UI language
      await f.locator("#f-startsAt").fill(`${day}T09:00`);
      await f.locator("#f-endsAt").fill(`${day}T17:00`);
      await f.locator("#f-city").fill("自贡市");
      await f.locator("#f-venueName").fill("沿滩宾馆");
      await f.locator("#f-venueNameEn").fill("Yantan Hotel");
      await f.locator("#f-venueAddress").fill("自贡市沿滩区");
      await f.locator("#f-summary").fill("为新同事准备的演示论坛。");
      await snap(page, shot("newcomer-1-new-forum"));
      await f.getByTestId("event-form-submit").click();
      await page.waitForURL((u) => /^\/admin\/events\/[a-z0-9-]+$/.test(u.pathname) && u.pathname !== "/admin/events/new");
      await expect(page.getByTestId("console-title")).toHaveText(SHOWN_TITLE);
      slug = new URL(page.url()).pathname.split("/").pop()!;

      // a co-host
      await page.getByTestId("tab-hosts").click();
      await page.getByTestId("host-search").fill(`新人论坛主办单位 ${stamp}`);
      await page.getByTestId("host-create").click();
      await page.getByTestId("host-name-en").first().fill("Newcomer Forum Host");
      await page.getByTestId("hosts-save").click();
      await toast(page, T("admin.toast.saved"));

      // a session with a speaker who has a position
      await page.getByTestId("tab-agenda").click();
      await page.getByTestId("add-session").click();
      const d = page.getByTestId("session-dialog");
      await d.locator("#f-kind").selectOption("keynote");
      await d.locator("#f-date").fill(day);
      await d.locator("#f-title").fill("主题演讲");
      await d.locator("#f-start").fill("09:30");
      await d.locator("#f-end").fill("10:30");
      await d.getByTestId("session-save").click();
      await expect(d).toBeHidden();
      const session = page.locator('[data-testid="builder-session"][data-title="主题演讲"]');
      await session.getByTestId("add-speaker").click();
      const sp = page.getByTestId("speaker-dialog");
      await sp.getByTestId("new-person").click();
      await sp.locator("#f-name").fill("王新人");
      const row = sp.getByTestId("position-row").first();
      await row.getByPlaceholder(T("admin.agenda.organization"), { exact: true }).fill("某大学");
      await row.getByPlaceholder(T("admin.agenda.positionTitle"), { exact: true }).fill("教授");
      await row.getByTestId("position-title-en").fill("Professor");
      await sp.getByTestId("speaker-save").click();
      await expect(sp).toBeHidden();

      // the draft's public page, with its banner; back to the console from the banner
      await page.getByTestId("preview-public").click();
      await expect(page.getByTestId("draft-preview")).toBeVisible();
      await expect(page.getByTestId("event-title")).toHaveText(SHOWN_TITLE);
      await snap(page, shot("newcomer-1-draft-preview"));
      await page.getByTestId("draft-preview").getByRole("link").click();
      await expect(page.getByTestId("console-title")).toHaveText(SHOWN_TITLE);

      // publish: the checklist first (the English summary is missing: a warning, not a block), then the confirmation
      await page.getByTestId("publish").click();
      const checklist = page.getByTestId("publish-checklist");
      await expect(checklist.locator('[data-testid="check-item"][data-key="agenda"]')).toHaveAttribute("data-level", "ok");
      await expect(checklist.locator('[data-testid="check-item"][data-key="speakers"]')).toHaveAttribute("data-level", "ok");
      await expect(checklist.locator('[data-testid="check-item"][data-key="windowBlank"]')).toHaveAttribute("data-level", "info");
      await expect(checklist.locator('[data-testid="check-item"][data-key="englishMissing"]')).toHaveAttribute("data-level", "warn");
      await expect(checklist.getByTestId("confirm-publish")).toHaveText(T("publish.dialog.publishAnyway"));
      await snap(page, shot("newcomer-1-publish-checklist"));
      await checklist.getByTestId("confirm-publish").click();
      await toast(page, T("admin.toast.published"));
      await expect(page.getByTestId("unpublish")).toBeVisible();
      await ctx.close();
    });

    test(`2 · the organizer adds a staff member on the Team tab (${device(PHONE_)})`, async ({ browser }) => {
      const { ctx, page } = await open(browser, PHONE_);
      await signIn(page, DEMO.organizer.email, DEMO.organizer.password);
      await toConsole(page);
      await page.getByTestId("tab-team").click();
      const form = page.getByTestId("team-invite-form");
      await form.locator('input[name="email"]').fill(DEMO.staff.email);
      await form.locator('select[name="role"]').selectOption("staff");
      await form.getByTestId("team-invite-submit").click();
      await expect(page.getByTestId("team-members")).toContainText(DEMO.staff.email);
      await noHorizontalOverflow(page);
      await snap(page, shot("newcomer-2-team-phone"));
      await ctx.close();
    });

    test(`3 · a newcomer registers on a ${device(PHONE_)} and reopens the ticket from the account menu`, async ({ browser }) => {
      const { ctx, page } = await open(browser, PHONE_);
      await page.goto("/");
      await page.getByTestId("upcoming-events").locator(`a[href="/events/${slug}"]`).first().click();
      await expect(page.getByTestId("event-title")).toHaveText(SHOWN_TITLE);
      await noHorizontalOverflow(page);
      await page.getByTestId("register-button").click();
      const form = page.getByTestId("register-form");
      await form.locator('input[name="name"]').fill(NEWCOMER.name);
      await form.locator('input[name="email"]').fill(NEWCOMER.email);
      await form.locator('input[name="password"]').fill(NEWCOMER.password);
      await form.locator("#f-category").selectOption("park");
      await form.locator('input[name="organization"]').fill("沿滩高新区管委会");
      await form.locator('input[name="position"]').fill("副主任");
      await form.locator('input[name="phone"]').fill("13800000000");
      await noHorizontalOverflow(page);
      await snap(page, shot("newcomer-3-register-phone"));
      await form.getByTestId("register-submit").click();
      await expect(page.getByTestId("registration-status").first()).toHaveAttribute("data-status", "confirmed");

      // somewhere else, then back to the ticket in one tap
      await page.getByRole("link", { name: "会务" }).first().click();
      await page.getByTestId("header-user").click();
      await page.getByTestId("menu-ticket").click();
      await expect(page.getByTestId("ticket-qr")).toBeVisible();
      ticketCode = (await page.getByTestId("ticket-code").textContent())!.trim();
      expect(ticketCode).toMatch(/^[A-Za-z0-9_-]{22,}$/);
      await noHorizontalOverflow(page);
      await snap(page, shot("newcomer-3-ticket-phone"));
      await ctx.close();
    });

    test(`4 · staff check the newcomer in at the desk (${device(PHONE_)}), warned that the forum has not started`, async ({ browser }) => {
      const { ctx, page } = await open(browser, PHONE_);
      await signIn(page, DEMO.staff.email, DEMO.staff.password);
      await toConsole(page);
      await page.getByTestId("tab-checkin").click();
      await expect(page.getByTestId("checkin-early")).toBeVisible();
      await page.getByTestId("checkin-code").fill(ticketCode);
      await page.getByTestId("checkin-submit").click();
      await expect(page.getByTestId("checkin-result")).toHaveAttribute("data-state", "ok");
      await expect(page.getByTestId("checkin-name")).toHaveText(NEWCOMER.name);
      await noHorizontalOverflow(page);
      await snap(page, shot("newcomer-4-checkin-phone"));
      await ctx.close();
    });

    test(`5 · staff write the report with a figure and a photo and submit it (${device(DESKTOP_)})`, async ({ browser }) => {
      const { ctx, page } = await open(browser, DESKTOP_);
      await signIn(page, DEMO.staff.email, DEMO.staff.password);
      await toConsole(page);
      await page.getByTestId("tab-reports").click();
      await page.getByTestId("create-report").click();
      await expect(page.getByTestId("report-editor")).toBeVisible();
      await page.getByTestId("field-title").fill(`${TITLE}在自贡举行`);
      await page.getByTestId("add-section").click();
      const section = page.getByTestId("section-editor").last();
      await section.getByTestId("section-heading").fill("会议现场");
      // the rich-text editor: type, then insert the key figure as a chip from the toolbar (no tokens to learn)
      const body = section.getByTestId("section-body");
      await body.click();
      await body.pressSequentially("与会代表听取了主题演讲，签约金额 ");
      await page.getByTestId("add-figure").click();
      const fig = page.getByTestId("figure-row").last();
      await fig.getByTestId("figure-label").fill("签约金额");
      await fig.getByTestId("figure-value").fill("12.5");
      await fig.getByTestId("figure-unit").fill("亿元");
      await section.getByTestId("insert-figure").selectOption("1");
      await expect(section.getByTestId("figure-chip")).toHaveText("12.5 亿元");
      await fig.getByTestId("figure-value").fill("12.8"); // the chip follows the figure
      await expect(section.getByTestId("figure-chip")).toHaveText("12.8 亿元");
      await page.getByTestId("upload-caption").fill("主题演讲现场");
      await page.getByTestId("upload-credit").fill("会务组");
      await page.getByTestId("upload-photo").setInputFiles({ name: "现场.jpg", mimeType: "image/jpeg", buffer: await jpegWithGps() });
      await expect(page.getByTestId("media-photo")).toHaveCount(1);
      // the photo goes into the text with its caption and credit
      await body.click();
      await body.press("End");
      await section.getByTestId("insert-photo").selectOption({ label: "主题演讲现场" });
      await expect(section.getByTestId("photo-block")).toContainText("主题演讲现场 · 会务组");
      await expect(section.getByTestId("photo-block").locator("img")).toBeVisible();
      await expect(page.getByTestId("save-state")).toContainText(T("reports.admin.autosaved"), { timeout: 15_000 });
      await snap(page, shot("newcomer-5-report-editor"));
      await page.getByTestId("submit-report").click();
      await expect(page.getByTestId("report-status")).toHaveAttribute("data-status", "in_review");
      await ctx.close();
    });

    test(`6 · the organizer publishes the report on a ${device(PHONE_)}, warned that the forum has not ended`, async ({ browser }) => {
      const { ctx, page } = await open(browser, PHONE_);
      await signIn(page, DEMO.organizer.email, DEMO.organizer.password);
      await toConsole(page);
      await page.getByTestId("tab-reports").click();
      await page.getByTestId("admin-report-list").getByRole("link").first().click();
      await expect(page.getByTestId("report-status")).toHaveAttribute("data-status", "in_review");
      await page.getByTestId("publish-report").click();
      const early = page.getByTestId("early-publish");
      await expect(early).toBeVisible();
      await expect(early).toContainText(T("reports.admin.early.title"));
      await snap(page, shot("newcomer-6-early-publish-phone"));
      await early.getByTestId("confirm-early-publish").click();
      await expect(page.getByTestId("report-status")).toHaveAttribute("data-status", "published");
      await noHorizontalOverflow(page);

      // 复制到公众号: the published report goes to the clipboard as inline-styled HTML, ready for the WeChat editor
      await ctx.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(page.url()).origin });
      await page.getByTestId("copy-wechat").click();
      await toast(page, T("reports.admin.wechatCopied"));
      const copied = await page.evaluate(async () => {
        const [item] = await navigator.clipboard.read();
        return (await item!.getType("text/html")).text();
      });
      expect(copied).toContain("与会代表听取了主题演讲");
      expect(copied).toContain("12.8"); // the figure, inline and in the key-figures block
      expect(copied).toMatch(/<img[^>]+src="https?:\/\/[^"]+\/media\//);
      expect(copied).not.toMatch(/\sclass=|\sdata-/);
      await ctx.close();
    });

    test(`7 · an English visitor (${device(PHONE_)}) sees the English fields, and the Chinese ones marked lang=zh-CN`, async ({ browser, baseURL }) => {
      const { ctx, page } = await open(browser, PHONE_);
      await ctx.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
      await page.goto("/");
      await page.getByTestId("upcoming-events").locator(`a[href="/events/${slug}"]`).first().click();
      await expect(page.getByTestId("event-title")).toHaveText(`Newcomer Forum ${stamp}`);
      await expect(page.getByTestId("chinese-only")).toHaveCount(0); // English is offered (it has an English title)
      await expect(page.getByText("Yantan Hotel").first()).toBeVisible();
      await expect(page.getByTestId("hosts")).toContainText("Newcomer Forum Host");
      await expect(page.locator('[lang="zh-CN"]', { hasText: "为新同事准备的演示论坛。" })).toBeVisible(); // no English summary
      await page.getByRole("link", { name: "View agenda" }).click();
      const speaker = page.getByTestId("session-speakers");
      await expect(speaker.locator('[lang="zh-CN"]', { hasText: "王新人" })).toBeVisible();
      await expect(speaker).toContainText("Professor");
      await noHorizontalOverflow(page);
      await snap(page, shot("newcomer-7-agenda-en-phone"));
      await ctx.close();
    });
  });
}
