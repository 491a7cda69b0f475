/**
 * The attendee journey (issue 4), as a newcomer on a phone (390×844), in zh-CN and in en:
 * open the forum → read the agenda → sign up inline and register with the site visit → ticket with QR → add two
 * sessions to the personal agenda → download the .ics → cancel.
 *
 * Test data: the seeded Yantan forum is in 2025 (its registration has closed and it is full), so `beforeAll` makes an
 * open copy through the organizer API, exactly as an organizer would: export the Yantan bundle, move it 30+ days
 * into the future with an open registration window, import it (a draft) and publish it. No test-only code in the app.
 */
import fs from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO, signInAs } from "./auth";
import { snap, YANTAN } from "./helpers";

const DAY = 24 * 3600 * 1000;

type Json = Record<string, unknown>;

async function openForumLikeYantan(request: APIRequestContext): Promise<string> {
  const tok = await request.post("/api/v1/auth/token", { data: { email: DEMO.admin.email, password: DEMO.admin.password, name: "e2e" } });
  expect(tok.status()).toBe(200);
  const auth = { authorization: `Bearer ${(await tok.json()).token}` };
  const exp = await request.get(`/api/v1/events/${YANTAN}/export`, { headers: auth });
  expect(exp.status()).toBe(200);
  const b = (await exp.json()) as Json & { event: Json; registration: Json; sessions: (Json & { stops: Json[] })[] };
  // Whole days keep every local clock time (Asia/Shanghai has no DST).
  const shift = Math.ceil((Date.now() + 30 * DAY - Date.parse(b.event.startsAt as string)) / DAY) * DAY;
  const sh = (s: unknown) => (typeof s === "string" ? new Date(Date.parse(s) + shift).toISOString() : s);
  const startsAt = sh(b.event.startsAt) as string;
  const bundle = {
    ...b,
    event: { ...b.event, slug: `yantan-open-${Date.now().toString(36)}`, startsAt, endsAt: sh(b.event.endsAt) },
    registration: { ...b.registration, capacity: 300, opensAt: new Date(Date.now() - DAY).toISOString(), closesAt: new Date(Date.parse(startsAt) - DAY).toISOString() },
    sessions: b.sessions.map((s) => ({ ...s, startsAt: sh(s.startsAt), endsAt: sh(s.endsAt), stops: s.stops.map((st) => ({ ...st, plannedArrival: sh(st.plannedArrival) })) })),
  };
  const imp = await request.post("/api/v1/events/import", { headers: auth, data: bundle });
  expect(imp.status(), await imp.text()).toBe(201);
  const { slug } = await imp.json();
  const pub = await request.patch(`/api/v1/events/${slug}`, { headers: auth, data: { status: "published" } });
  expect(pub.status(), await pub.text()).toBe(200);
  return slug;
}

async function noHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal overflow on ${page.url()}`).toBeLessThanOrEqual(0);
}

let slug: string;

test.beforeAll(async ({ request }) => {
  slug = await openForumLikeYantan(request);
});

const LANGS = [
  { locale: "zh-CN", register: "立即报名", add: "加入我的日程", done: "报名成功", cancelled: "已取消" },
  { locale: "en", register: "Register now", add: "Add to my agenda", done: "You are registered", cancelled: "Cancelled" },
] as const;

for (const L of LANGS) {
  test(`newcomer on a phone, ${L.locale}: forum → agenda → inline sign-up + register with site visit → ticket QR → personal agenda → .ics → cancel`, async ({ page, context, baseURL }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 390, height: 844 });
    await context.addCookies([{ name: "NEXT_LOCALE", value: L.locale, url: baseURL! }]);
    const tag = `${L.locale}-${Date.now()}`;

    // The forum, found from the home page.
    await page.goto("/");
    await page.getByTestId("upcoming-events").locator(`a[href="/events/${slug}"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`/events/${slug}$`));
    const panel = page.getByTestId("registration-panel");
    await expect(panel).toHaveAttribute("data-gate", "open");
    await expect(page.getByTestId("register-button")).toHaveAttribute("data-state", "open");
    await expect(page.getByTestId("seats-line")).toContainText("300");
    await noHorizontalOverflow(page);
    await snap(page, `journey-1-forum-${L.locale}`);

    // The agenda: the site visit's numbered stops.
    await page.goto(`/events/${slug}/agenda`);
    await expect(page.locator('[data-kind="site_visit"]').getByTestId("site-visit-stops").locator(":scope > li")).toHaveCount(4);
    await noHorizontalOverflow(page);
    await snap(page, `journey-2-agenda-${L.locale}`);

    // Register as a newcomer: inline sign-up, site visit and a bus.
    await page.goto(`/events/${slug}`);
    await page.getByTestId("register-button").click();
    const form = page.getByTestId("register-form");
    await expect(form).toBeVisible();
    await form.locator('input[name="name"]').fill(L.locale === "en" ? "Alex Newcomer" : "新来的代表");
    await form.locator('input[name="email"]').fill(`newcomer-${tag}@example.com`);
    await form.locator('input[name="password"]').fill("a-long-enough-password");
    // First a bad submit: a script in a field stays text, a 5,000-character organization is refused clearly.
    await form.locator("#f-category").selectOption("park");
    await form.locator('input[name="organization"]').fill("长".repeat(5000));
    await form.locator('input[name="position"]').fill("<script>alert(1)</script>");
    await form.getByTestId("register-submit").click();
    await expect(page.getByTestId("error-organization")).toHaveText(L.locale === "en" ? "At most 200 characters" : "最多 200 个字符");
    await expect(form.locator('input[name="position"]')).toHaveValue("<script>alert(1)</script>");
    await form.locator('input[name="password"]').fill("a-long-enough-password");
    // Markup typed into a field is shown as the characters typed, never rendered (checked on the ticket below).
    await form.locator('input[name="organization"]').fill(L.locale === "en" ? "Yantan High-Tech Zone <i>x</i>" : "沿滩高新区管委会 <i>x</i>");
    await form.locator('input[name="position"]').fill(L.locale === "en" ? "Deputy director" : "副主任");
    await form.locator('input[name="phone"]').fill("13800000000");
    await form.locator("#f-needs").fill(L.locale === "en" ? "Vegetarian" : "素食");
    await form.getByTestId("site-visit").check();
    await form.locator("#f-groupId").selectOption({ index: 1 });
    await noHorizontalOverflow(page);
    await snap(page, `journey-3-form-${L.locale}`);
    await form.getByTestId("register-submit").click();

    // Confirmation.
    await expect(page.getByTestId("registration-done")).toContainText(L.done);
    await expect(page.getByTestId("registration-status").first()).toHaveAttribute("data-status", "confirmed");
    const registrationUrl = page.url().replace(/\?.*$/, "");
    await noHorizontalOverflow(page);
    await snap(page, `journey-4-confirmed-${L.locale}`);

    // Edit an answer while registration is open.
    const edit = page.getByTestId("register-form");
    await edit.locator("#f-needs").fill(L.locale === "en" ? "Vegetarian, no spicy food" : "素食，不吃辣");
    await edit.getByTestId("register-submit").click();
    await expect(page.getByTestId("form-saved")).toBeVisible();
    await page.reload();
    await expect(page.getByTestId("register-form").locator("#f-needs")).toHaveValue(L.locale === "en" ? "Vegetarian, no spicy food" : "素食，不吃辣");

    // The ticket with its QR code.
    await page.getByTestId("ticket-link").click();
    const qr = page.getByTestId("ticket-qr");
    await expect(qr).toBeVisible();
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expect(page.getByTestId("ticket-code")).toHaveText(/^[A-Za-z0-9_-]{22}$/);
    await expect(page.getByTestId("ticket").getByText("<i>x</i>", { exact: false })).toBeVisible();
    await expect(page.getByTestId("ticket").locator("i")).toHaveCount(0);
    await noHorizontalOverflow(page);
    await snap(page, `journey-5-ticket-${L.locale}`);

    // Personal agenda: a new registration starts with every session (the site visit because it was joined); take one off.
    await page.goto("/me/agenda");
    const forum = page.getByTestId("agenda-forum").filter({ has: page.locator(`a[href="/events/${slug}/agenda"]`) });
    const all = await forum.getByTestId("my-agenda-session").count();
    await expect(forum.getByTestId("selected-count")).toHaveText(String(all));
    // "Clear all" keeps only what the registration itself includes (the joined site visit); "add all" brings back the rest.
    const auto = await forum.locator('[data-testid="my-agenda-session"]:not(:has([data-testid="session-toggle"]))').count();
    await expect(forum.getByTestId("agenda-add-all")).toBeDisabled();
    await forum.getByTestId("agenda-clear").click();
    await expect(forum.getByTestId("selected-count")).toHaveText(String(auto));
    await expect(forum.getByTestId("agenda-clear")).toBeDisabled();
    await forum.getByTestId("agenda-add-all").click();
    await expect(forum.getByTestId("selected-count")).toHaveText(String(all));
    await forum.locator('[data-testid="my-agenda-session"][data-selected="1"]').last().getByTestId("session-toggle").click();
    await expect(forum.getByTestId("selected-count")).toHaveText(String(all - 1));
    await noHorizontalOverflow(page);
    await snap(page, `journey-6-my-agenda-${L.locale}`);

    // Download the .ics: a valid calendar with the three chosen sessions.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-ics").click()]);
    const ics = fs.readFileSync((await download.path())!, "utf8");
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(all - 1);
    expect(ics).toMatch(/DTSTART:\d{8}T\d{6}Z/);

    // Back to the ticket from anywhere through the account menu (no URL typed), and the /me hub shows it too.
    await page.goto(`/events/${slug}`);
    await page.getByTestId("header-user").click();
    await snap(page, `journey-6b-account-menu-${L.locale}`);
    await page.getByTestId("menu-ticket").click();
    await expect(page.getByTestId("ticket-qr")).toBeVisible();
    await page.getByTestId("header-user").click();
    await page.getByTestId("menu-registrations").click();
    await expect(page).toHaveURL(/\/me\/registrations$/);
    await page.goto("/me");
    await expect(page.getByTestId("hub-ticket-qr")).toBeVisible();
    await expect(page.getByTestId("hub-agenda").locator("li")).toHaveCount(Math.min(all - 1, 5) + (all - 1 > 5 ? 1 : 0));
    await noHorizontalOverflow(page);
    await snap(page, `journey-6c-me-hub-${L.locale}`);

    // Cancel.
    await page.goto(registrationUrl);
    page.once("dialog", (d) => d.accept());
    await page.getByTestId("cancel-registration").click();
    await expect(page.getByTestId("registration-status")).toHaveAttribute("data-status", "cancelled");
    await expect(page.getByTestId("register-again")).toBeVisible(); // the seat is gone, but one may register again
    await page.goto("/me/registrations");
    const mine = page.getByTestId("my-registration");
    await expect(mine).toHaveCount(1);
    await expect(mine).toHaveAttribute("data-status", "cancelled");
    await expect(mine.getByTestId("registration-status")).toHaveText(L.cancelled);
    await noHorizontalOverflow(page);
    await snap(page, `journey-7-cancelled-${L.locale}`);
  });
}

test("the outbox worker runs in the server: the journey's mails reach the admin's mail log, delivered", async ({ page }) => {
  await signInAs(page, "admin", "/admin/mail");
  await page.goto("/admin/mail");
  await expect(page.getByTestId("smtp-state")).toBeVisible();
  const log = page.getByTestId("mail-log");
  // Written in the registration's transaction, delivered by the worker loop within seconds (polls every 5 s).
  await expect(async () => {
    await page.reload();
    const confirmations = log.locator("li").filter({ hasText: "registration.confirmed" });
    await expect(confirmations.first()).toBeVisible({ timeout: 1000 });
    await expect(log.locator("li").filter({ hasText: "registration.cancelled" }).first()).toBeVisible({ timeout: 1000 });
    expect(await log.locator("li").filter({ hasText: "registration.confirmed" }).filter({ hasText: /Pending|待发送/ }).count()).toBe(0);
  }).toPass({ timeout: 30_000 });
  await snap(page, "journey-8-mail-log-zh-CN");
});

test("speaker directory and a speaker's page with all positions and sessions (phone, en)", async ({ page, context, baseURL }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
  await page.goto("/");
  await page.getByTestId("nav-speakers").click();
  const list = page.getByTestId("speaker-list");
  await expect(list.locator(":scope > li")).not.toHaveCount(0);
  await list.locator("a").filter({ hasText: /Tang Limin|唐利民/ }).first().click();
  await expect(page.getByTestId("speaker-name")).toHaveText(/Tang Limin|唐利民/);
  await expect(page.getByTestId("speaker-positions").locator("li")).toHaveCount(3);
  await expect(page.getByTestId("speaker-sessions").locator(`a[href="/events/${YANTAN}/agenda"]`).first()).toBeVisible();
  await noHorizontalOverflow(page);
  await snap(page, "speaker-en");
});
