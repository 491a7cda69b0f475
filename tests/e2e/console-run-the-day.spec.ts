/**
 * Run-the-day console (issue 5): the check-in desk as staff (type a code → checked in; again → "already"; the
 * counters move), registrations as organizer (table, drawer, CSV import with an error row), badges and handbook.
 */
import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "./auth";
import { clickHydrated, noHorizontalOverflow, snap, YANTAN } from "./helpers";

const base = `/admin/events/${YANTAN}`;

/** A confirmed delegate not yet checked in for the symposium: read their ticket code from the detail drawer. */
async function uncheckedTicket(page: Page, rowFilter = ':not([data-checkins*="symposium"])'): Promise<{ code: string; name: string }> {
  await page.goto(`${base}/registrations?status=confirmed&sort=fullName&dir=asc&pageSize=200`);
  // a table row on a computer, a card on a phone
  const row = page.locator(`[data-testid="registration-row"][data-status="confirmed"]${rowFilter}:visible, [data-testid="registration-card"][data-status="confirmed"]${rowFilter}:visible`).first();
  await expect(row).toBeVisible();
  const open = row.locator('[data-testid="open-registration"], [data-testid="open-registration-card"]');
  const name = (await open.textContent())!.trim();
  await open.click();
  const drawer = page.getByTestId("registration-drawer");
  await expect(drawer).toBeVisible();
  const code = (await drawer.getByTestId("drawer-ticket").textContent())!.trim();
  expect(code.length).toBeGreaterThanOrEqual(22);
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  return { code, name };
}

const count = async (page: Page, testId: string) => Number((await page.getByTestId(testId).textContent())!.trim());

test.describe("check-in desk", () => {
  test("staff: type a code → checked in; again → already (time and desk); counters move; undo", async ({ page }) => {
    await signIn(page, DEMO.staff.email, DEMO.staff.password);
    const { code, name } = await uncheckedTicket(page);

    await page.goto(`${base}/checkin`);
    await expect(page.getByRole("heading", { name: "签到台" })).toBeVisible();
    await page.locator('[data-segment="symposium"]').click();
    await expect(page.locator('[data-segment="symposium"]')).toHaveAttribute("aria-pressed", "true");
    const before = { seg: await count(page, "counter-symposium"), people: await count(page, "counter-people") };

    await page.getByTestId("checkin-code").fill(code);
    await page.getByTestId("checkin-submit").click();
    const result = page.getByTestId("checkin-result");
    await expect(result).toHaveAttribute("data-state", "ok");
    await expect(result.getByTestId("checkin-name")).toHaveText(name);
    await expect(result).toContainText("签到成功");
    await expect(page.getByTestId("counter-symposium")).toHaveText(String(before.seg + 1));
    await expect(page.getByTestId("checkin-recent")).toContainText(name);
    await snap(page, "checkin-desk-ok");

    // the same code again: "already checked in at HH:MM by 演示工作人员", nothing counted twice
    await page.getByTestId("checkin-code").fill(code);
    await page.getByTestId("checkin-submit").click();
    await expect(result).toHaveAttribute("data-state", "already");
    await expect(page.getByTestId("checkin-already")).toContainText(/已于 \d{2}:\d{2} 由 演示工作人员 签到/);
    await expect(page.getByTestId("counter-symposium")).toHaveText(String(before.seg + 1));
    await snap(page, "checkin-desk-already");

    // an unknown code
    await page.getByTestId("checkin-code").fill("this-is-not-a-ticket-code-at-all");
    await page.getByTestId("checkin-submit").click();
    await expect(result).toHaveAttribute("data-state", "notFound");

    // search by name and undo
    await page.getByTestId("checkin-search").fill(name);
    await page.getByTestId("checkin-search").press("Enter");
    await expect(page.getByTestId("checkin-hits")).toContainText(name);
    await page.getByTestId("checkin-code").fill(code);
    await page.getByTestId("checkin-submit").click();
    await expect(result).toHaveAttribute("data-state", "already");
    await page.getByTestId("checkin-undo").click();
    await expect(page.getByTestId("counter-symposium")).toHaveText(String(before.seg));
    await expect(page.getByTestId("counter-people")).toHaveText(String(before.people));
  });

  test("phone-sized desk", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, DEMO.staff.email, DEMO.staff.password);
    const { code, name } = await uncheckedTicket(page, '[data-checkins=""]'); // nobody has checked them in yet
    await page.goto(`${base}/checkin`);
    await clickHydrated(page.locator('[data-segment="site_visit"]'));
    const people = await count(page, "counter-people");
    await page.getByTestId("checkin-code").fill(code);
    await page.getByTestId("checkin-submit").click();
    await expect(page.getByTestId("checkin-result")).toHaveAttribute("data-state", "ok");
    await expect(page.getByTestId("checkin-name")).toHaveText(name);
    await expect(page.getByTestId("counter-people")).toHaveText(String(people + 1));
    await snap(page, "checkin-desk-phone");
  });

  test("desk in English", async ({ page }) => {
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", domain: "127.0.0.1", path: "/" }]);
    await signIn(page, DEMO.staff.email, DEMO.staff.password);
    await page.goto(`${base}/checkin`);
    await expect(page.getByRole("heading", { name: "Check-in desk" })).toBeVisible();
    await expect(page.locator('[data-segment="symposium"]')).toHaveText("Afternoon · Sessions");
    await expect(page.getByTestId("checkin-counters")).toContainText("People checked in");
    await snap(page, "checkin-desk-en");
  });

  test("an attendee cannot open the desk", async ({ page }) => {
    await signIn(page, DEMO.attendee.email, DEMO.attendee.password);
    const res = await page.goto(`${base}/checkin`);
    expect(res?.status()).toBe(403);
  });
});

test.describe("registrations console and printables (organizer)", () => {
  test("table filters, drawer, CSV import with a bad row, export", async ({ page }) => {
    await signIn(page, DEMO.organizer.email, DEMO.organizer.password);
    await page.goto(`${base}/registrations`);
    await expect(page.getByTestId("registrations-table")).toBeVisible();
    await expect(page.getByTestId("registration-total")).toContainText(/共 \d+ 条/);
    await snap(page, "registrations-desktop");

    // column chooser: add the phone column, drop the bus; remembered after a reload; the name column stays stuck left
    const headers = () => page.getByTestId("registrations-table").locator("thead th").allInnerTexts();
    await page.getByTestId("column-chooser").click();
    await page.getByTestId("column-phone").click();
    await page.getByTestId("column-bus").click();
    await page.keyboard.press("Escape");
    expect(await headers()).toContain("手机");
    expect(await headers()).not.toContain("车辆");
    await page.reload(); // the choice is kept in this browser (applied once the page is interactive)
    await expect.poll(headers).toContain("手机");
    await page.setViewportSize({ width: 1024, height: 720 });
    const scroller = page.getByTestId("registrations-scroll");
    await scroller.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    const nameCell = page.getByTestId("open-registration").first();
    const box = (await nameCell.boundingBox())!;
    const frame = (await scroller.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(frame.x);
    expect(box.x).toBeLessThan(frame.x + 200);
    await snap(page, "registrations-columns-scrolled");
    await page.getByTestId("column-chooser").click();
    await page.getByTestId("columns-reset").click();
    await page.setViewportSize({ width: 1280, height: 720 });

    await page.getByTestId("filter-status").selectOption("waitlisted");
    await page.getByTestId("filter-submit").click();
    await expect(page).toHaveURL(/status=waitlisted/);
    const rows = page.getByTestId("registration-row");
    expect(await rows.count()).toBeGreaterThan(0);
    for (const s of await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-status")))) expect(s).toBe("waitlisted");

    await page.goto(`${base}/registrations`);
    await clickHydrated(page.getByTestId("open-registration").first());
    await expect(page.getByTestId("registration-drawer")).toBeVisible();
    await snap(page, "registrations-drawer");
    await page.keyboard.press("Escape");

    const csv = "\ufeff姓名,邮箱,单位,类别\r\n导入嘉宾甲,e2e-import-a@example.com,自贡市人民政府,政府\r\n\r\n导入嘉宾乙,not-an-email,四川大学,专家\r\n导入嘉宾丙,e2e-import-c@example.com,四川大学,专家\r\n";
    await page.getByTestId("import-file").setInputFiles({ name: "guests.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await page.getByTestId("import-preview").click();
    await expect(page.getByTestId("import-summary")).toContainText("共 3 行");
    await expect(page.getByTestId("import-errors")).toContainText("第 4 行");
    await expect(page.getByTestId("import-errors")).toContainText("不是有效的邮箱地址");
    await snap(page, "registrations-import-preview");
    await page.getByTestId("import-confirm").click();
    await expect(page.getByTestId("import-done")).toContainText("新增 2 人");
    await page.goto(`${base}/registrations?q=${encodeURIComponent("导入嘉宾")}`);
    await expect(page.getByTestId("registration-row")).toHaveCount(2);

    const exp = await page.request.get(`${base}/registrations/export?format=csv`);
    expect(exp.status()).toBe(200);
    const text = (await exp.body()).toString("utf8");
    expect(text).toContain("导入嘉宾甲");
    expect(text).toContain("签到时间");
    const xlsx = await page.request.get(`${base}/registrations/export?format=xlsx`);
    expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");
  });

  test("registrations on a phone", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, DEMO.organizer.email, DEMO.organizer.password);
    await page.goto(`${base}/registrations`);
    // a phone gets cards, each with its status; the table and its column chooser are for wider screens
    await expect(page.getByTestId("registrations-table")).toBeHidden();
    const card = page.getByTestId("registration-card").first();
    await expect(card).toBeVisible();
    await expect(card.getByTestId("card-status")).toHaveText(/^(报名成功|待审核|候补中|已取消|未通过)$/);
    await noHorizontalOverflow(page);
    await snap(page, "registrations-phone");
    await card.getByTestId("open-registration-card").click();
    await expect(page.getByTestId("registration-drawer")).toBeVisible();
  });

  test("badges and handbook: print preview and PDF", async ({ page }) => {
    await signIn(page, DEMO.organizer.email, DEMO.organizer.password);
    await page.goto(`${base}/badges`);
    const badges = page.frameLocator('[data-testid="print-frame"]');
    await expect(badges.locator("article.badge").first()).toBeVisible();
    await snap(page, "badges");
    const pdf = await page.request.get(`${base}/badges/print?size=single&include=confirmed&category=expert&format=pdf`);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");

    await page.goto(`${base}/handbook`);
    const hb = page.frameLocator('[data-testid="print-frame"]');
    await expect(hb.locator("h1")).toHaveText("产业园区赋能县域经济高质量发展座谈会");
    await expect(hb.locator('[data-section="speakers"]')).toContainText("范恒山");
    await snap(page, "handbook");
    const hbPdf = await page.request.get(`${base}/handbook/print?format=pdf`);
    expect(hbPdf.status()).toBe(200);
    expect((await hbPdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  });
});
