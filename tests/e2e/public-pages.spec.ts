import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signInAs } from "./auth";
import { snap, YANTAN } from "./helpers";

const SPEAKERS = ["唐利民", "赵德本", "戴宇", "陈军", "范恒山", "李后强", "鲁荣东", "唐雄兴"];

test.describe("public forum pages", () => {
  test("home lists the Yantan forum (zh-CN default)", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    // other specs may add forums (e.g. an open copy of Yantan); the seeded one is past, so it is under 往期论坛
    const seeded = page.getByTestId("past-events").locator(`a[href="/events/${YANTAN}"]`).first();
    await expect(seeded).toHaveText("产业园区赋能县域经济高质量发展座谈会");
    await snap(page, "home-zh");
  });

  test("event page in zh-CN: hosts by role, date in the forum's zone, venue", async ({ page }) => {
    await page.goto(`/events/${YANTAN}`);
    await expect(page.getByTestId("event-title")).toHaveText("产业园区赋能县域经济高质量发展座谈会");
    await expect(page.getByTestId("event-when")).toContainText("2025年9月5日");
    await expect(page.getByTestId("event-when")).toContainText("09:00–17:30");
    const hosts = page.getByTestId("hosts");
    await expect(hosts).toContainText("联合主办");
    const names = await hosts.locator("li").allTextContents();
    expect(names).toEqual(["四川省人民政府参事室", "自贡市人民政府", "四川新闻网传媒集团", "四川省县域经济学会"]);
    await snap(page, "event-zh");
  });

  test("agenda in zh-CN: site visit with 4 numbered stops, 8 speakers with positions", async ({ page }) => {
    await page.goto(`/events/${YANTAN}/agenda`);
    const visit = page.locator('[data-kind="site_visit"]');
    await expect(visit.getByTestId("site-visit-stops").locator(":scope > li")).toHaveCount(4);
    await expect(visit).toContainText("自贡食品产业园");
    for (const name of SPEAKERS) await expect(page.getByTestId("session-speakers").getByText(name, { exact: true })).toBeVisible();
    await expect(page.getByText("四川省县域经济学会 会长")).toBeVisible();
    await snap(page, "agenda-zh");
  });

  test("language switch to English: event and agenda in en", async ({ page }) => {
    await page.goto(`/events/${YANTAN}`);
    await page.getByTestId("language-switch").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByTestId("event-when")).toContainText("5 September 2025");
    await expect(page.getByTestId("hosts")).toContainText("Co-hosts");
    await snap(page, "event-en");
    await page.goto(`/events/${YANTAN}/agenda`);
    await expect(page.locator('[data-kind="site_visit"]')).toContainText("Site visit");
    await expect(page.locator('[data-kind="keynote"]')).toContainText("Keynote");
    await snap(page, "agenda-en");
  });

  test("phone viewport: agenda does not overflow horizontally", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/events/${YANTAN}/agenda`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await snap(page, "agenda-phone-zh");
  });

  test("unknown slug: a real not-found page and a 404 JSON", async ({ page, request }) => {
    const res = await page.goto("/events/no-such-forum");
    expect(res?.status()).toBe(404);
    await expect(page.getByTestId("not-found")).toBeVisible();
    const api = await request.get("/api/v1/events/no-such-forum");
    expect(api.status()).toBe(404);
    expect((await api.json()).error).toBeTruthy();
  });

  test("anonymous public pages run no framework JavaScript, only the islands script; signed in, React is back (issue 15)", async ({ browser }) => {
    const scriptsOf = async (signedIn: boolean) => {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      if (signedIn) await signInAs(page, "attendee");
      const scripts = new Set<string>();
      page.on("request", (r) => {
        if (r.resourceType() === "script") scripts.add(new URL(r.url()).pathname);
      });
      await page.goto("/reports");
      const report = await page.locator('a[href^="/reports/"]:not([href$=".xml"])').first().getAttribute("href");
      // each twice: the first visit may render the page, the second is a page-cache hit
      for (const path of ["/", `/events/${YANTAN}`, `/events/${YANTAN}/agenda`, report!, "/speakers"]) for (const round of [1, 2]) expect((await page.goto(path))?.status(), `${path} #${round}`).toBe(200);
      // and still interactive without React: the language switch (an island) loads the page in English
      await page.goto(`/events/${YANTAN}`);
      await page.getByTestId("language-switch").click();
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await expect(page.getByTestId("hosts")).toContainText("Co-hosts");
      await ctx.close();
      return [...scripts];
    };
    expect(await scriptsOf(false)).toEqual(["/islands.js"]);
    // negative control: the same pages for a signed-in visitor (never cached) load React and Next's router
    expect((await scriptsOf(true)).filter((s) => s.startsWith("/_next/static/")).length).toBeGreaterThan(3);
  });

  test("the islands script's URL names its content, so browsers keep it a year without asking again (issue 15)", async ({ page, request }) => {
    await page.goto(`/events/${YANTAN}`);
    const src = await page.locator('script[src^="/islands.js"]').getAttribute("src");
    expect(src).toMatch(/^\/islands\.js\?v=[\w-]{16}$/);
    const res = await request.get(src!);
    expect(res.status()).toBe(200);
    expect(res.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    // the version is the hash of the very bytes served: a changed file gets a new URL
    expect(src!.split("v=")[1]).toBe(createHash("sha256").update(await res.body()).digest("base64url").slice(0, 16));
    // negative control: the plain path keeps Next's default for public files (asked again on every page view)
    expect((await request.get("/islands.js")).headers()["cache-control"]).toBe("public, max-age=0");
  });

  test("read API over HTTP", async ({ request }) => {
    const health = await request.get("/api/health");
    expect(await health.json()).toMatchObject({ ok: true, db: "pglite", cache: { enabled: true, entries: expect.any(Number) } });
    const detail = await (await request.get(`/api/v1/events/${YANTAN}`)).json();
    expect(detail.hosts).toHaveLength(4);
    expect(detail.startsAt).toBe("2025-09-05T09:00:00+08:00");
    const visit = detail.sessions.find((s: { kind: string }) => s.kind === "site_visit");
    expect(visit.stops).toHaveLength(4);
    const names = detail.sessions.flatMap((s: { speakers: { name: string }[] }) => s.speakers.map((p) => p.name));
    for (const n of SPEAKERS) expect(names).toContain(n);
  });
});
