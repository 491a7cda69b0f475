/**
 * Post-event reports end to end (issue 6): the seeded Yantan report against the article, the index/feed, the XSS
 * corpus in a real Chromium, upload refusals, the staff → organizer workflow with an auto-drafted report, a figure and
 * a photo, and two editors in two browser contexts hitting the optimistic lock.
 */
import fs from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { bombPng, docx, gif, htmlAsJpg, jpegWithGps } from "../fixtures/files";
import { unsafeBits, XSS_PAYLOADS } from "../fixtures/xss-corpus";
import { DEMO, signIn } from "./auth";
import { clickHydrated, snap, YANTAN } from "./helpers";

const REPORT = "yantan-symposium-report-2025";
const HEADINGS = ["一次好评满满的实地调研", "一份含金量十足的实践报告", "一次媒体推动的智慧赋能"];

/** The article's body paragraphs (a copy of the reference article: tests/fixtures/yantan-article.txt). */
function articleParagraphs(): string[] {
  const lines = fs.readFileSync("tests/fixtures/yantan-article.txt", "utf8").split("\n").map((l) => l.trim()).filter(Boolean);
  const end = lines.findIndex((l) => l.startsWith("川网传媒记者"));
  return lines.slice(1, end).filter((l) => !HEADINGS.includes(l));
}

async function signInAs(page: Page, role: "staff" | "organizer", next: string) {
  await signIn(page, DEMO[role].email, DEMO[role].password, next);
}

async function newSignedInPage(browser: Browser, role: "staff" | "organizer", next: string) {
  const ctx = await browser.newContext({ locale: "zh-CN", timezoneId: "Europe/London" });
  const page = await ctx.newPage();
  await signInAs(page, role, next);
  return page;
}

async function createReport(page: Page): Promise<string> {
  await page.goto(`/admin/events/${YANTAN}/reports`);
  await clickHydrated(page.getByTestId("create-report"));
  await page.waitForURL(new RegExp(`/admin/events/${YANTAN}/reports/[0-9a-f-]{36}$`));
  await expect(page.getByTestId("report-editor")).toBeVisible();
  return page.url();
}

async function saveAndWait(page: Page) {
  await page.getByTestId("save-report").click();
  await expect(page.getByTestId("save-state")).toContainText(/已保存|已自动保存/);
}

test.describe.configure({ mode: "serial", timeout: 120_000 }); // multi-user flows with uploads and sign-ins on a 2-core CI machine

test.describe("post-event reports", () => {
  test("the seeded Yantan report renders as the article: three sections, figures panel, byline, date in the forum's zone", async ({ page }) => {
    await page.goto(`/reports/${REPORT}`);
    await expect(page.getByTestId("report-title")).toHaveText("产业园区赋能县域经济高质量发展座谈会在自贡市沿滩区举行");
    await expect(page.getByTestId("report-byline")).toHaveText("川网传媒记者 邓柯");
    await expect(page.getByTestId("report-date")).toContainText("2025年9月6日");
    await expect(page.getByTestId("report-date")).toHaveAttribute("datetime", "2025-09-06T10:00:00+08:00");
    await expect(page.getByTestId("report-section-heading")).toHaveText(HEADINGS);
    await expect(page.getByTestId("report-section")).toHaveCount(3);
    // the rich-text editor is console-only: none of its code is loaded by the public page
    const scripts = await page.locator("script[src]").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).src));
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) expect(await (await page.request.get(src)).text(), src).not.toMatch(/ProseMirror|tiptap/);
    const figures = page.getByTestId("figures-panel");
    await expect(figures).toContainText("关键数据");
    await expect(figures.getByTestId("figure").first()).toContainText("246.23");
    await expect(figures.getByTestId("figure").first()).toContainText("亿元");
    await expect(figures.getByTestId("figure").first()).toContainText("+20.56%");
    for (const v of ["13.42", "26", "4.68"]) await expect(figures).toContainText(v);
    await expect(page.getByTestId("report-photo-credit")).toHaveText("图片由四川省县域经济学会提供");
    await expect(page.getByTestId("report-tags")).toContainText("#自贡市");
    await expect(page.getByTestId("report-forum-link")).toHaveAttribute("href", `/events/${YANTAN}`);
    const text = (await page.getByTestId("report").innerText()).replace(/\s+/g, "");
    const paragraphs = articleParagraphs();
    expect(paragraphs.length).toBe(17);
    for (const p of paragraphs) expect(text, p.slice(0, 20)).toContain(p.replace(/\s+/g, ""));
    // Open Graph
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "产业园区赋能县域经济高质量发展座谈会在自贡市沿滩区举行");
    const og = await page.locator('meta[property="og:image"]').getAttribute("content");
    const img = await page.request.get(og!);
    expect(img.headers()["content-type"]).toBe("image/png");
    await snap(page, "report-yantan-zh");

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await snap(page, "report-yantan-phone");
  });

  test("index with tag filter, Atom feed and the read API", async ({ page, request }) => {
    await page.goto("/reports");
    await expect(page.getByTestId("report-list")).toContainText("产业园区赋能县域经济高质量发展座谈会在自贡市沿滩区举行");
    await page.getByTestId("tag-filter").getByRole("link", { name: "#射洪" }).click();
    await expect(page).toHaveURL(/tag=%E5%B0%84%E6%B4%AA/);
    await expect(page.getByTestId("report-list").locator("li")).toHaveCount(1);
    await page.goto(`/reports?tag=${encodeURIComponent("没有这个标签")}`);
    await expect(page.getByTestId("report-list")).toHaveCount(0);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/reports");
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await snap(page, "reports-index-phone");

    const feed = await request.get("/reports/feed.xml");
    expect(feed.headers()["content-type"]).toContain("application/atom+xml");
    const xml = await feed.text();
    expect(xml).toContain("<title>产业园区赋能县域经济高质量发展座谈会在自贡市沿滩区举行</title>");
    expect(xml).toContain("<author><name>川网传媒记者 邓柯</name></author>");

    const api = await (await request.get(`/api/v1/reports/${REPORT}`)).json();
    expect(api.sections).toHaveLength(3);
    expect(api.figures[0]).toEqual({ label: "2024年营业收入", value: "246.23", unit: "亿元", change: "+20.56%", period: "2024" });
  });

  test("staff drafts from the forum, adds a figure and a photo, submits; uploads are refused clearly; organizer publishes; it is in the feed", async ({ page, browser }) => {
    await signInAs(page, "staff", `/admin/events/${YANTAN}/reports`);
    const editorUrl = await createReport(page);
    // The auto-drafted blocks
    const generated = page.locator('[data-testid="section-editor"][data-generated]:not([data-generated=""])');
    await expect(generated).toHaveCount(2);
    // news prose, drafted as rich text: the lede (date, place, co-hosts, who attended) is the lead; the program
    // section is who spoke on what; attendance has bold numbers and a real table, no Markdown to read
    await expect(page.getByTestId("field-lead")).toContainText(/^9月5日，.*由四川省人民政府参事室.*联合主办.*出席会议/s);
    await expect(page.locator('[data-generated="program"] [data-testid="section-body"]')).toContainText("唐利民");
    await expect(page.locator('[data-generated="attendance"] [data-testid="section-body"]')).toContainText(/确认报名 \d+ 人，签到出席 \d+ 人/);
    await expect(page.locator('[data-generated="attendance"] [data-testid="section-body"] strong').first()).toHaveText(/^\d+$/);
    await expect(page.locator('[data-generated="attendance"] [data-testid="section-body"] table')).toBeVisible();
    await expect(page.locator('[data-generated] [data-testid="section-body"]').first()).not.toContainText("**");

    const title = `沿滩座谈会会后报道 ${Date.now()}`;
    await page.getByTestId("field-title").fill(title);
    await page.getByTestId("field-byline").fill("川网传媒记者 邓柯");
    await page.getByTestId("field-tags").fill("自贡, 产业园区");
    // the auto-draft has no empty section (issue 13 item 6): the reporter adds the one they write
    await page.getByTestId("add-section").click();
    const third = page.getByTestId("section-editor").nth(2);
    await third.getByTestId("section-heading").fill("一次好评满满的实地调研");
    const thirdBody = third.getByTestId("section-body");
    await thirdBody.click();
    await thirdBody.pressSequentially("与会代表实地参观考察了园区,2024年营业收入 ");
    await page.getByTestId("add-figure").click();
    const fig = page.getByTestId("figure-row").last();
    await fig.getByTestId("figure-label").fill("2024年营业收入");
    await fig.getByTestId("figure-value").fill("246.23");
    await fig.getByTestId("figure-unit").fill("亿元");
    await fig.getByTestId("figure-change").fill("+20.56%");
    await fig.getByTestId("figure-period").fill("2024");
    await third.getByTestId("insert-figure").selectOption("1"); // the key figure as a chip in the text
    await expect(third.getByTestId("figure-chip")).toHaveText("246.23 亿元");
    // every figure field keeps a visible label once filled (no placeholder-only fields)
    for (const label of ["名称", "数值", "单位", "变化", "时期"]) await expect(fig.locator("label", { hasText: label })).toBeVisible();
    // Autosave: no click, the draft is saved a few seconds after the last keystroke and survives a reload
    await expect(page.getByTestId("save-state")).toContainText("已自动保存", { timeout: 15_000 });
    await page.reload();
    await expect(page.getByTestId("field-title")).toHaveValue(title);
    await expect(page.getByTestId("figure-value")).toHaveValue("246.23");
    await expect(page.getByTestId("section-editor").nth(2).getByTestId("figure-chip")).toHaveText("246.23 亿元");
    // Reorder: move the written section up above the attendance block, then back
    await page.getByTestId("section-editor").nth(2).getByTestId("section-up").click();
    await expect(page.getByTestId("section-editor").nth(1).getByTestId("section-heading")).toHaveValue("一次好评满满的实地调研");
    await page.getByTestId("section-editor").nth(1).getByTestId("section-down").click();
    await expect(page.getByTestId("section-editor").nth(2).getByTestId("section-heading")).toHaveValue("一次好评满满的实地调研");
    await saveAndWait(page);

    // Refusals, each with a clear message in the page's language (zh-CN here), nothing attached
    const photoInput = page.getByTestId("upload-photo");
    await photoInput.setInputFiles({ name: "photo.jpg", mimeType: "image/jpeg", buffer: htmlAsJpg() });
    await expect(page.getByTestId("upload-error")).toContainText("只能上传 JPEG、PNG、WebP 图片");
    await photoInput.setInputFiles({ name: "bomb.png", mimeType: "image/png", buffer: bombPng() });
    await expect(page.getByTestId("upload-error")).toContainText("解压炸弹");
    await photoInput.setInputFiles({ name: "anim.gif", mimeType: "image/gif", buffer: gif() });
    await expect(page.getByTestId("upload-error")).toContainText("只能上传 JPEG、PNG、WebP 图片");
    const big = await page.evaluate(async (slugUrl) => {
      const blob = new Blob([new Uint8Array(200 * 1024 * 1024)]);
      const res = await fetch(slugUrl, { method: "POST", body: blob, headers: { "x-huiwu-upload": "1" } }).catch((e) => ({ status: -1, text: async () => String(e) }));
      return { status: res.status, body: await res.text() };
    }, `/api/v1/reports/${await reportSlugOf(page)}/media?role=attachment`);
    expect(big.status).toBe(413);
    expect(big.body).toContain("过大");
    await expect(page.getByTestId("media-photo")).toHaveCount(0);

    // An accepted photo with caption and credit, placed in section 3
    await page.getByTestId("upload-caption").fill("与会代表参观自贡食品产业园");
    await page.getByTestId("upload-credit").fill("四川省县域经济学会");
    await page.getByTestId("upload-placement").selectOption("3");
    await photoInput.setInputFiles({ name: "现场.jpg", mimeType: "image/jpeg", buffer: await jpegWithGps() });
    await expect(page.getByTestId("media-photo")).toHaveCount(1);
    // …and inserted in the text of section 3, where it shows with its caption and credit
    const third3 = page.getByTestId("section-editor").nth(2);
    await third3.getByTestId("section-body").click();
    await third3.getByTestId("section-body").press("End");
    await third3.getByTestId("insert-photo").selectOption({ label: "与会代表参观自贡食品产业园" });
    await expect(third3.getByTestId("photo-block")).toContainText("与会代表参观自贡食品产业园 · 四川省县域经济学会");
    const src = await page.getByTestId("media-photo").locator("img").getAttribute("src");
    const served = await page.request.get(src!);
    expect(served.headers()["content-type"]).toBe("image/jpeg");
    expect(served.headers()["x-content-type-options"]).toBe("nosniff");
    expect((await served.body()).toString("latin1")).not.toMatch(/GPS-9000|TestCam/);
    await page.getByTestId("upload-attachment").setInputFiles({ name: "实践报告.docx", mimeType: "application/octet-stream", buffer: docx() });
    await expect(page.getByTestId("media-attachment")).toHaveCount(1);
    await expect(page.getByTestId("media-attachment")).toContainText("实践报告.docx");
    await snap(page, "report-editor-staff");

    await page.getByTestId("submit-report").click();
    await expect(page.getByTestId("report-status")).toHaveAttribute("data-status", "in_review");
    await expect(page.getByTestId("publish-report")).toHaveCount(0); // staff may not publish

    // Organizer publishes
    const org = await newSignedInPage(browser, "organizer", new URL(editorUrl).pathname);
    await org.goto(editorUrl);
    await expect(org.getByTestId("report-status")).toHaveAttribute("data-status", "in_review");
    await org.getByTestId("publish-report").click();
    await expect(org.getByTestId("report-status")).toHaveAttribute("data-status", "published");
    await snap(org, "report-editor-organizer-published");

    const feed = await (await page.request.get("/reports/feed.xml")).text();
    expect(feed).toContain(`<title>${title}</title>`);
    const slug = await reportSlugOf(org);
    await org.goto(`/reports/${slug}`);
    await expect(org.getByTestId("report-title")).toHaveText(title);
    // the photo stands where it was inserted in the text (and not again under the section)
    const inText = org.getByTestId("report-section-body").nth(2).locator("figure.report-photo");
    await expect(inText.locator("figcaption")).toHaveText("与会代表参观自贡食品产业园 · 四川省县域经济学会");
    await expect(org.getByTestId("report-photo")).toHaveCount(0);
    const img = inText.locator("img");
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
    await expect(org.getByTestId("figures-panel")).toContainText("246.23");
    await expect(org.locator(".inline-figure")).toHaveText("246.23 亿元");
    const attachments = org.getByTestId("report-attachments");
    await expect(attachments).toContainText("实践报告.docx");
    const dl = await org.request.get((await attachments.locator("a").getAttribute("href"))!);
    expect(dl.headers()["content-disposition"]).toMatch(/^attachment; filename=/);
    expect(dl.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    await org.setViewportSize({ width: 390, height: 844 });
    await org.reload();
    expect(await org.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
    await snap(org, "report-new-phone");
    await org.context().close();
  });

  test("XSS corpus: no payload executes in Chromium and none survives in the served HTML", async ({ page }) => {
    const hits: string[] = [];
    page.on("dialog", (d) => {
      hits.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on("console", (m) => {
      if (m.text().includes("XSS-HIT")) hits.push(m.text());
    });
    page.on("pageerror", (e) => {
      if (/__xss|xss/i.test(e.message)) hits.push(`pageerror: ${e.message}`);
    });
    await page.addInitScript(() => {
      (window as unknown as { __xss: (n: number) => void }).__xss = (n: number) => console.log(`XSS-HIT ${n}`);
    });
    await signInAs(page, "organizer", `/admin/events/${YANTAN}/reports`);
    // Controls: the listeners do see a payload that runs and a dialog that opens.
    await page.evaluate(() => (window as unknown as { __xss: (n: number) => void }).__xss(0));
    await page.evaluate(() => alert("control"));
    await expect.poll(() => hits.length).toBe(2);
    expect(hits).toEqual(["XSS-HIT 0", "dialog: control"]);
    hits.length = 0;
    await createReport(page);
    const title = `XSS 测试 ${Date.now()}`;
    await page.getByTestId("field-title").fill(title);
    await page.getByTestId("field-lead").fill(XSS_PAYLOADS.slice(0, 10).join("\n\n"));
    await page.getByTestId("add-section").click(); // the auto-draft has no empty section to write into
    const body = page.getByTestId("section-editor").nth(2).getByTestId("section-body");
    // the payloads arrive as pasted HTML (what a copy from a web page or a crafted clipboard gives the editor)
    await body.click();
    await body.evaluate((el, payloads) => {
      for (const html of payloads) {
        // one paste per payload (an unclosed <title> or <iframe> would otherwise swallow the ones after it)
        const dt = new DataTransfer();
        dt.setData("text/html", `<p>${html}</p><p>next</p>`);
        dt.setData("text/plain", "x");
        el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
      }
    }, XSS_PAYLOADS);
    await page.getByTestId("section-editor").nth(2).getByTestId("section-heading").fill(`<img src=x onerror=__xss(99)>标题`);
    await expect(body).toContainText("click");
    // the editor's live DOM: nothing unsafe apart from TipTap's own table view (a wrapper, a colgroup, min-widths)
    const tableView = /^<(div class="tableWrapper"|\/div|colgroup|\/colgroup|(col|table) style="min-width: \d+px;")>$/;
    expect(unsafeBits(await body.innerHTML()).filter((b) => !tableView.test(b))).toEqual([]);
    await saveAndWait(page);
    await page.getByTestId("publish-report").click();
    await expect(page.getByTestId("report-status")).toHaveAttribute("data-status", "published");
    const slug = await reportSlugOf(page);

    const res = await page.goto(`/reports/${slug}`);
    const html = (await res!.text()).split('data-testid="report"')[1].split("</article>")[0];
    await expect(page.getByTestId("report-title")).toHaveText(title);
    expect(await page.getByTestId("report-section-body").count()).toBe(3);
    for (const s of await page.getByTestId("report-section-body").all()) expect(unsafeBits(await s.innerHTML())).toEqual([]);
    expect(unsafeBits(await page.getByTestId("report-lead").innerHTML())).toEqual([]);
    expect(html).not.toMatch(/<(script|iframe|svg|math|object|embed|style|base|form|input|link|meta)[\s>\/]/i);
    expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i); // an event handler inside a tag (escaped text is &lt;…, not <)
    expect(html).not.toMatch(/<[^>]*=\s*["']?\s*(javascript|vbscript|data):/i);
    // hover and click everything that could carry a handler or a link
    for (const a of await page.locator('[data-testid="report-section"] a, [data-testid="report-section"] img').all()) await a.hover({ force: true }).catch(() => {});
    await page.waitForTimeout(500);
    await snap(page, "report-xss");
    expect(hits).toEqual([]);
    // The feed and the API carry sanitized HTML too
    const api = await (await page.request.get(`/api/v1/reports/${slug}`)).json();
    for (const s of api.sections) expect(unsafeBits(s.html)).toEqual([]);
    expect(api.sections.map((s: { heading: string }) => s.heading)).toContain("<img src=x onerror=__xss(99)>标题"); // a heading is text, escaped by React
  });

  test("review loop and scheduled publishing: organizer returns with a comment; a future publish date keeps it off the public side", async ({ browser }) => {
    const staff = await newSignedInPage(browser, "staff", `/admin/events/${YANTAN}/reports`);
    const url = await createReport(staff);
    const title = `定时报道 ${Date.now()}`;
    await staff.getByTestId("field-title").fill(title);
    await staff.getByTestId("field-publish-at").fill("2099-01-01T09:00");
    await saveAndWait(staff);
    await staff.getByTestId("submit-report").click();
    await expect(staff.getByTestId("report-status")).toHaveAttribute("data-status", "in_review");
    const slug = await reportSlugOf(staff);

    const org = await newSignedInPage(browser, "organizer", new URL(url).pathname);
    await org.goto(url);
    await org.getByTestId("return-report").click();
    await org.getByTestId("return-comment").fill("请补充现场照片和关键数据");
    await org.getByTestId("return-confirm").click();
    await expect(org.getByTestId("report-status")).toHaveAttribute("data-status", "draft");

    await staff.reload();
    await expect(staff.getByTestId("review-comment")).toContainText("请补充现场照片和关键数据");
    await staff.getByTestId("submit-report").click();
    await expect(staff.getByTestId("report-status")).toHaveAttribute("data-status", "in_review");

    await org.reload();
    await expect(org.getByTestId("publish-report")).toHaveText("定时发布");
    await org.getByTestId("publish-report").click();
    await expect(org.getByTestId("report-status")).toHaveAttribute("data-status", "published");
    await expect(org.getByTestId("report-status")).toHaveText("定时发布");
    await expect(org.getByTestId("workflow")).toContainText("将于 2099-01-01 09:00 发布");
    await snap(org, "report-scheduled");
    const anon = await browser.newContext();
    expect((await anon.request.get(`/reports/${slug}`)).status()).toBe(404);
    expect(await (await anon.request.get("/reports/feed.xml")).text()).not.toContain(title);
    expect(await (await anon.request.get("/reports")).text()).not.toContain(title);
    expect(await (await anon.request.get(`/events/${YANTAN}`)).text()).not.toContain(title);
    await anon.close();
    await staff.context().close();
    await org.context().close();
  });

  test("two editors, two browser contexts: the second save is refused naming who and when; neither text is lost", async ({ browser }) => {
    const a = await newSignedInPage(browser, "staff", `/admin/events/${YANTAN}/reports`);
    const url = await createReport(a);
    // the auto-draft has no empty section (issue 13 item 6): staff add the one both will write in, before B opens
    await a.getByTestId("add-section").click();
    await expect(a.getByTestId("section-editor")).toHaveCount(3);
    await saveAndWait(a);
    const b = await newSignedInPage(browser, "organizer", new URL(url).pathname);
    await b.goto(url);
    await expect(b.getByTestId("report-editor")).toBeVisible();

    const bodyA = a.getByTestId("section-editor").nth(2).getByTestId("section-body");
    const bodyB = b.getByTestId("section-editor").nth(2).getByTestId("section-body");
    await bodyA.fill("员工写的第一段：上午考察了四个点位。");
    await saveAndWait(a);
    await bodyB.fill("组织者写的另一段：下午发布了实践报告。");
    await b.getByTestId("save-report").click().catch(() => {}); // autosave may have got there first
    const banner = b.getByTestId("conflict");
    await expect(banner).toBeVisible();
    await expect(banner).toContainText(/已被 演示工作人员 于 \d{2}:\d{2} 修改，请重新加载或合并/);
    await expect(bodyB).toHaveText("组织者写的另一段：下午发布了实践报告。"); // nothing lost in B
    await snap(b, "report-conflict");

    // A's text is what is saved
    await a.reload();
    await expect(a.getByTestId("section-editor").nth(2).getByTestId("section-body")).toHaveText("员工写的第一段：上午考察了四个点位。");

    // B merges: rebases on the latest version, sees A's text, keeps both, saves
    await b.getByTestId("conflict-merge").click();
    await expect(b.getByTestId("their-version")).toContainText("员工写的第一段");
    await bodyB.fill("员工写的第一段：上午考察了四个点位。\n\n组织者写的另一段：下午发布了实践报告。");
    await saveAndWait(b);
    await expect(b.getByTestId("conflict")).toHaveCount(0);
    await a.reload();
    await expect(a.getByTestId("section-editor").nth(2).getByTestId("section-body")).toHaveText(/员工写的第一段[\s\S]*组织者写的另一段/);

    // Revision history shows both saves; the diff view marks the change
    await a.getByTestId("revisions-link").click();
    await expect(a.getByTestId("revision-list").locator("li")).toHaveCount(4); // created, section added, A's text, B's merge
    await expect(a.getByTestId("revision-diff").locator("ins")).toContainText(["组织者写的另一段"]);
    await snap(a, "report-revisions");
    await a.context().close();
    await b.context().close();
  });
});

/** The report's public slug (the editor carries it). */
async function reportSlugOf(page: Page): Promise<string> {
  return (await page.getByTestId("report-editor").getAttribute("data-slug"))!;
}
