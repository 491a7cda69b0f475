/**
 * Issue 12 item 15 acceptance: the public pages, as the server sends them (first render and page-cache hit alike),
 * pass an HTML validator with 0 errors — html-validate's "standard" rules (HTML conformance, the checks the W3C Nu
 * checker makes) plus its accessibility rules — in both languages and at their explicit language URLs; and their
 * <head> carries rel=canonical, hreflang alternates and og:url (og:image on the forum page), the home page one <h1>.
 * Prints the count of pages, errors and warnings.
 *
 * The sign-in and sign-up pages are validated too, with one exception: React renders a form whose action is a server
 * action as `<form action="">` (progressive enhancement: without JavaScript it posts to the page's own URL), which
 * the HTML standard's authoring rules call invalid ("must be non-empty"). That is the framework's markup, not ours.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import { HtmlValidate, type Message } from "html-validate";
import { YANTAN } from "./helpers";

const validator = new HtmlValidate({ extends: ["html-validate:standard", "html-validate:a11y"] });
/** React's server-action forms (see above): the one message allowed, and only on the account forms. */
const reactActionForm = (path: string, m: Message) => /^\/sign-(in|up)/.test(path) && m.ruleId === "attribute-allowed-values" && /"action" has invalid value ""/.test(m.message);

async function pages(request: APIRequestContext): Promise<string[]> {
  const list = ["/", `/events/${YANTAN}`, `/events/${YANTAN}/agenda`, "/reports", "/speakers", "/sign-in", "/sign-up"];
  const api = await (await request.get(`/api/v1/events/${YANTAN}`)).json();
  const report = api.reports?.[0]?.slug;
  if (report) list.push(`/reports/${report}`);
  const speaker = api.sessions.flatMap((s: { speakers: { id: string }[] }) => s.speakers)[0]?.id;
  if (speaker) list.push(`/speakers/${speaker}`);
  return list.flatMap((p) => [p, `${p}${p.includes("?") ? "&" : "?"}lang=en`, `${p}${p.includes("?") ? "&" : "?"}lang=zh-CN`]);
}

const attr = (html: string, re: RegExp) => [...html.matchAll(re)].map((m) => m[1]);

test("public pages: 0 HTML validation errors; canonical, hreflang and Open Graph in every head", async ({ request }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  let warnings = 0;
  let exempted = 0;
  const list = await pages(request);
  for (const path of list) {
    for (const round of ["first", "cached"]) {
      const res = await request.get(path, { headers: { "accept-language": "zh-CN" } });
      expect(res.status(), path).toBe(200);
      const html = await res.text();
      const report = await validator.validateString(html, path);
      for (const r of report.results) {
        for (const m of r.messages as Message[]) {
          if (reactActionForm(path, m)) exempted++;
          else if (m.severity === 2) errors.push(`${path} (${round}) ${m.line}:${m.column} ${m.ruleId}: ${m.message} — ${m.selector ?? ""}`);
          else warnings++;
        }
      }
      if (round === "cached" || /^\/sign-(in|up)/.test(path)) continue;
      // the head: one canonical (this language's explicit URL), hreflang for both languages and x-default, og:url
      const lang = /[?&]lang=en\b/.test(path) ? "en" : "zh-CN";
      const canonical = attr(html, /<link rel="canonical" href="([^"]+)"/g);
      expect(canonical, path).toHaveLength(1);
      expect(canonical[0], path).toMatch(new RegExp(`[?&]lang=${lang}$`));
      const hreflang = attr(html, /<link rel="alternate" hrefLang="([^"]+)"/gi);
      expect(hreflang.sort(), path).toEqual(["en", "x-default", "zh-CN"]);
      expect(attr(html, /<meta property="og:url" content="([^"]+)"/g), path).toEqual(canonical);
      expect(html, path).toMatch(new RegExp(`<html lang="${lang}"`));
    }
  }
  const home = await (await request.get("/")).text();
  expect(home.match(/<h1[\s>]/g), "one <h1> on the home page").toHaveLength(1);
  expect(home).toMatch(/<meta property="og:title"/);
  const reportsIndex = await (await request.get("/reports")).text();
  expect(reportsIndex).toMatch(/<meta property="og:type" content="website"/);
  const forum = await (await request.get(`/events/${YANTAN}`)).text();
  const image = attr(forum, /<meta property="og:image" content="([^"]+)"/g)[0];
  expect(image).toMatch(new RegExp(`/events/${YANTAN}/og\\.png$`));
  const png = await request.get(new URL(image).pathname);
  expect(png.headers()["content-type"]).toBe("image/png");
  const agenda = await (await request.get(`/events/${YANTAN}/agenda`)).text();
  expect(attr(agenda, /<meta name="description" content="([^"]+)"/g)[0]).toContain("产业园区赋能县域经济高质量发展座谈会");
  console.log(`html-validate: ${list.length} pages × 2 (rendered, cached), ${errors.length} errors, ${warnings} warnings (+${exempted} React server-action form actions on the account pages)`);
  expect(errors).toEqual([]);
});

test("an explicit language URL wins over the browser's language, sticks for the pages it links to; the switch leaves it", async ({ page }) => {
  await page.goto(`/events/${YANTAN}?lang=en`); // the browser says zh-CN (playwright.config.ts)
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByTestId("hosts")).toContainText("Co-hosts");
  // a link to a plain URL stays English: the visit stored the language in the cookie (a cached page sets none)
  await expect.poll(async () => (await page.context().cookies()).find((c) => c.name === "NEXT_LOCALE")?.value).toBe("en");
  await page.getByTestId("nav-speakers").click();
  await expect(page).toHaveURL(/\/speakers$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Speakers");
  // the switch on a ?lang= page: to the plain URL, in the other language, header and content alike
  await page.goto(`/events/${YANTAN}?lang=en`);
  await page.getByTestId("language-switch").click();
  await expect(page).toHaveURL(new RegExp(`/events/${YANTAN}$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByTestId("hosts")).toContainText("联合主办");
});
