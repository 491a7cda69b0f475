/**
 * Issue 5 acceptance (build a forum): an organizer creates a forum from scratch with 2 co-hosts, a site visit with
 * 3 stops and 2 buses, 4 sessions with speakers (one conflict warning shown, then fixed), publishes it, and the public
 * agenda shows it. Screenshots of every step (desktop and phone) go to test-results/screenshots/.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { signInAs } from "./auth";
import { clickHydrated, noHorizontalOverflow, snap } from "./helpers";

const SLUG = "park-collaboration-forum-2027";
const DAY = "2027-05-20";

async function toast(page: Page, text: string | RegExp) {
  await expect(page.getByTestId("toast").filter({ hasText: text }).last()).toBeVisible();
}

async function addSession(page: Page, s: { kind: string; title: string; start: string; end: string; location: string }) {
  await page.getByTestId("add-session").click();
  const d = page.getByTestId("session-dialog");
  await d.locator("#f-kind").selectOption(s.kind);
  await d.locator("#f-date").fill(DAY);
  await d.locator("#f-title").fill(s.title);
  await d.locator("#f-start").fill(s.start);
  await d.locator("#f-end").fill(s.end);
  await d.locator("#f-location").fill(s.location);
  await d.getByTestId("session-save").click();
  await expect(d).toBeHidden();
  await expect(session(page, s.title)).toBeVisible();
}

const session = (page: Page, title: string): Locator => page.locator(`[data-testid="builder-session"][data-title="${title}"]`);

async function addNewSpeaker(page: Page, sessionTitle: string, name: string, positions: [string, string][], topic: string) {
  await session(page, sessionTitle).getByTestId("add-speaker").click();
  const d = page.getByTestId("speaker-dialog");
  await d.getByTestId("new-person").click();
  await d.locator("#f-name").fill(name);
  for (const [i, [org, title]] of positions.entries()) {
    if (i > 0) await d.getByTestId("add-position").click();
    const row = d.getByTestId("position-row").nth(i);
    await row.getByPlaceholder(/^(单位|Organization)$/).fill(org);
    await row.getByPlaceholder(/^(职务|Title)$/).fill(title);
  }
  await d.locator("#f-topic").fill(topic);
  await d.getByTestId("speaker-save").click();
  await expect(d).toBeHidden();
  await expect(session(page, sessionTitle).getByTestId("builder-speaker").filter({ hasText: name })).toBeVisible();
}

async function addExistingSpeaker(page: Page, sessionTitle: string, search: string, role: string) {
  await session(page, sessionTitle).getByTestId("add-speaker").click();
  const d = page.getByTestId("speaker-dialog");
  await d.getByTestId("people-search").fill(search);
  await d.getByTestId("people-results").getByRole("button", { name: new RegExp(search) }).first().click();
  await d.locator("#f-role").selectOption(role);
  await d.getByTestId("speaker-save").click();
  await expect(d).toBeHidden();
  await expect(session(page, sessionTitle).getByTestId("builder-speaker").filter({ hasText: search })).toBeVisible();
}

test("organizer builds a forum end to end and publishes it", async ({ page, request }) => {
  test.setTimeout(240_000);
  await signInAs(page, "organizer", "/admin");

  await test.step("dashboard", async () => {
    await page.goto("/admin");
    const yantan = page.locator('[data-testid="dashboard-forum"][data-slug="yantan-industrial-parks-2025"]');
    await expect(yantan).toBeVisible();
    expect(Number(await yantan.getByTestId("stat-confirmed").locator("dd").textContent())).toBeGreaterThan(100);
    await expect(yantan.getByTestId("chart-by-category")).toBeVisible();
    await snap(page, "console-dashboard");
  });

  await test.step("create the forum from scratch (inverted times refused first)", async () => {
    await page.getByTestId("nav-new-event").click();
    const f = page.getByTestId("event-form");
    await f.locator("#f-title").fill("园区协同发展论坛");
    await f.locator("#f-titleEn").fill("Park Collaboration Forum 2027");
    // the time zone is a picker with the zone in words, Asia/Shanghai by default
    await expect(f.getByTestId("time-zone-input")).toHaveValue("Asia/Shanghai");
    await expect(f.getByTestId("time-zone-label")).toContainText("中国标准时间");
    await f.locator("#f-startsAt").fill(`${DAY}T09:00`);
    await f.locator("#f-endsAt").fill(`${DAY}T08:00`);
    await f.locator("#f-city").fill("自贡市");
    await f.locator("#f-venueName").fill("高新区会展中心");
    await f.locator("#f-summary").fill("围绕园区协同与县域经济的专题论坛。");
    await f.getByTestId("event-form-submit").click();
    await expect(f.getByTestId("error-endsAt")).toHaveText("结束时间必须晚于开始时间");
    await f.locator("#f-endsAt").fill(`${DAY}T17:30`);
    await f.getByTestId("event-form-submit").click();
    await page.waitForURL(`**/admin/events/${SLUG}`);
    await expect(page.getByTestId("console-title")).toHaveText("园区协同发展论坛");
    await snap(page, "console-event-created");
  });

  await test.step("two co-hosts: one existing organization, one new", async () => {
    await page.getByTestId("tab-hosts").click();
    await page.getByTestId("host-search").fill("县域经济学会");
    await page.getByTestId("host-results").getByRole("button", { name: "四川省县域经济学会" }).click();
    await page.getByTestId("host-search").fill("自贡高新区管委会");
    await page.getByTestId("host-create").click();
    const rows = page.getByTestId("host-row");
    await expect(rows).toHaveCount(2);
    await rows.nth(0).getByTestId("host-role").selectOption("co_host");
    await rows.nth(1).getByTestId("host-role").selectOption("co_host");
    await rows.nth(1).getByRole("button", { name: "上移" }).click();
    await expect(rows.nth(0)).toContainText("自贡高新区管委会");
    await page.getByTestId("hosts-save").click();
    await toast(page, "已保存");
    await page.reload();
    await expect(page.getByTestId("host-row").nth(0)).toContainText("自贡高新区管委会");
    await expect(page.getByTestId("host-row").nth(1)).toContainText("四川省县域经济学会");
    await snap(page, "console-hosts");
  });

  await test.step("registration settings", async () => {
    await page.getByTestId("tab-settings").click();
    const f = page.getByTestId("registration-settings");
    await f.locator("#f-capacity").fill("150");
    await f.locator("#f-registrationOpensAt").fill("2027-04-01T09:00");
    await f.locator("#f-registrationClosesAt").fill("2027-05-15T18:00");
    await f.getByTestId("settings-save").click();
    await toast(page, "已保存");
    const q = page.getByTestId("questions-editor");
    await q.getByRole("button", { name: "+ 添加问题" }).click();
    const row = q.getByTestId("question-row").first();
    await row.getByLabel("问题", { exact: true }).fill("是否参加现场考察");
    await row.getByLabel("类型").selectOption("choice");
    await row.getByLabel("选项").fill("参加\n不参加");
    // the settings' own "已保存" toast may still show: wait for this save's answer before reloading
    await Promise.all([page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/settings")), q.getByRole("button", { name: "保存附加问题" }).click()]);
    await toast(page, "已保存");
    await page.reload();
    await expect(page.getByTestId("question-row").first().getByLabel("问题", { exact: true })).toHaveValue("是否参加现场考察");
    await expect(page.getByTestId("registration-settings").locator("#f-capacity")).toHaveValue("150");
    await snap(page, "console-settings");
  });

  await test.step("site visit with 3 stops and 2 buses (0 seats refused)", async () => {
    await page.getByTestId("tab-agenda").click();
    await expect(page.getByTestId("agenda-builder")).toBeVisible();
    await addSession(page, { kind: "site_visit", title: "现场考察", start: "09:00", end: "12:00", location: "自贡高新区" });
    const visit = session(page, "现场考察");
    const stops: [string, string, string][] = [
      ["自贡食品产业园", "09:20", "签约企业：51户"],
      ["智慧管理中心", "10:10", "功能模块：12个"],
      ["新能源材料公司", "11:00", "产品：光伏玻璃"],
    ];
    for (const [name, at, fact] of stops) {
      await visit.getByTestId("add-stop").click();
      const d = page.getByTestId("stop-dialog");
      if (name === stops[0][0]) {
        await d.getByTestId("stop-save").click(); // no name
        await expect(d.getByTestId("error-name")).toHaveText("考察点需要名称");
      }
      await d.locator("#f-name").fill(name);
      await d.locator("#f-arrival").fill(at);
      await d.locator("#f-facts").fill(fact);
      await d.getByTestId("stop-save").click();
      await expect(d).toBeHidden();
    }
    await expect(visit.getByTestId("builder-stop")).toHaveCount(3);
    await expect(visit.getByTestId("builder-stop").nth(0)).toContainText("签约企业：51户");

    await visit.getByTestId("add-bus").click();
    let d = page.getByTestId("bus-dialog");
    await d.locator("#f-name").fill("1号车");
    await d.locator("#f-seats").fill("0");
    await d.getByTestId("bus-save").click();
    await expect(d.getByTestId("error-seats")).toHaveText("座位数至少为 1");
    await d.locator("#f-seats").fill("45");
    await d.locator("#f-leaderName").fill("王领队");
    await d.locator("#f-leaderPhone").fill("13800000001");
    await d.getByTestId("bus-save").click();
    await expect(d).toBeHidden();
    await visit.getByTestId("add-bus").click();
    d = page.getByTestId("bus-dialog");
    await d.locator("#f-name").fill("2号车");
    await d.locator("#f-seats").fill("30");
    await d.getByTestId("bus-save").click();
    await expect(d).toBeHidden();
    await expect(visit.getByTestId("builder-bus")).toHaveCount(2);
    await addExistingSpeaker(page, "现场考察", "唐利民", "host");
  });

  await test.step("three more sessions with speakers; a conflict is shown, then fixed", async () => {
    await addSession(page, { kind: "report_release", title: "报告发布", start: "14:30", end: "15:00", location: "主会场" });
    await addSession(page, { kind: "exchange", title: "经验交流", start: "15:00", end: "15:45", location: "主会场" });
    await addSession(page, { kind: "keynote", title: "主题演讲", start: "15:30", end: "16:30", location: "分会场" });
    await addNewSpeaker(page, "报告发布", "张明", [["省县域经济学会", "副会长"], ["某大学经济学院", "教授"]], "园区协同发展报告");
    await addNewSpeaker(page, "经验交流", "李华", [["某县人民政府", "县长"]], "县域园区的实践");
    await addExistingSpeaker(page, "经验交流", "张明", "moderator");
    await expect(page.getByTestId("conflicts")).toHaveAttribute("data-count", "0");
    await addExistingSpeaker(page, "主题演讲", "张明", "speaker");
    // 张明 moderates 经验交流 (15:00–15:45) and speaks in 主题演讲 (15:30–16:30): overlap.
    const conflicts = page.getByTestId("conflict");
    await expect(conflicts).toHaveCount(1);
    await expect(conflicts.first()).toHaveAttribute("data-kind", "speaker_overlap");
    await expect(conflicts.first()).toContainText("张明");
    await expect(session(page, "主题演讲").getByTestId("session-conflict")).toBeVisible();
    await snap(page, "console-agenda-conflict");
    await page.setViewportSize({ width: 390, height: 844 });
    await noHorizontalOverflow(page);
    await snap(page, "console-agenda-conflict-phone");
    await page.setViewportSize({ width: 1280, height: 720 });

    await session(page, "主题演讲").getByTestId("edit-session").click();
    const d = page.getByTestId("session-dialog");
    await expect(d.getByTestId("dialog-conflicts")).toContainText("张明"); // live check while editing
    await snap(page, "console-session-dialog-conflict");
    await d.locator("#f-start").fill("15:45");
    await expect(d.getByTestId("dialog-conflicts")).toBeHidden();
    await d.getByTestId("session-save").click();
    await expect(d).toBeHidden();
    await expect(page.getByTestId("conflicts")).toHaveAttribute("data-count", "0");
    await expect(page.getByTestId("conflict")).toHaveCount(0);
    await expect(page.getByTestId("builder-session")).toHaveCount(4);
    for (const t of ["现场考察", "报告发布", "经验交流", "主题演讲"]) expect(await session(page, t).getByTestId("builder-speaker").count()).toBeGreaterThan(0);
    await snap(page, "console-agenda");
  });

  await test.step("edit a speaker's positions (people keep several)", async () => {
    await session(page, "经验交流").getByTestId("builder-speaker").filter({ hasText: "李华" }).getByTestId("edit-speaker").click();
    const d = page.getByTestId("person-dialog");
    await d.getByTestId("add-position").click();
    const row = d.getByTestId("position-row").nth(1);
    await row.getByPlaceholder("单位", { exact: true }).fill("某县委");
    await row.getByPlaceholder("职务", { exact: true }).fill("副书记");
    await d.getByTestId("person-save").click();
    await expect(d).toBeHidden();
    await expect(session(page, "经验交流").getByTestId("builder-speaker").filter({ hasText: "李华" })).toContainText("某县委 副书记");
  });

  await test.step("publish; the public agenda shows it at once", async () => {
    await page.getByTestId("tab-overview").click();
    await page.getByTestId("publish").click();
    // the publish checklist first: every point, nothing hidden; then the confirmation
    const checklist = page.getByTestId("publish-checklist");
    await expect(checklist).toBeVisible();
    await expect(checklist.locator('[data-testid="check-item"][data-key="agenda"]')).toHaveAttribute("data-level", "ok");
    await expect(checklist.locator('[data-testid="check-item"][data-key="hosts"]')).toHaveAttribute("data-level", "ok");
    await snap(page, "console-publish-checklist");
    await page.setViewportSize({ width: 390, height: 844 });
    await snap(page, "console-publish-checklist-phone");
    await page.setViewportSize({ width: 1280, height: 720 });
    await checklist.getByTestId("confirm-publish").click();
    await toast(page, "论坛已发布");
    await expect(page.getByTestId("unpublish")).toBeVisible();
    await snap(page, "console-published");
    await page.goto(`/events/${SLUG}/agenda`);
    await expect(page.getByTestId("agenda-title")).toHaveText("园区协同发展论坛");
    await expect(page.getByTestId("agenda-session")).toHaveCount(4);
    const visit = page.locator('[data-kind="site_visit"]');
    await expect(visit.getByTestId("site-visit-stops").locator(":scope > li")).toHaveCount(3);
    await expect(visit).toContainText("1号车");
    await expect(visit).toContainText("2号车");
    const speakers = page.getByTestId("session-speakers");
    for (const name of ["张明", "李华", "唐利民"]) await expect(speakers.getByText(name, { exact: true }).first()).toBeVisible();
    await expect(page.getByText("某大学经济学院 教授").first()).toBeVisible();
    await expect(page.locator('[data-kind="keynote"]')).toContainText("15:45–16:30");
    await snap(page, "public-agenda-new-forum");
    await page.goto(`/events/${SLUG}`);
    await expect(page.getByTestId("hosts")).toContainText("自贡高新区管委会");
  });

  await test.step("an edit shows at once on the anonymous (cached) public agenda", async () => {
    const anonymous = async () => (await request.get(`/events/${SLUG}/agenda`)).text();
    expect(await anonymous()).toContain("主题演讲");
    expect(await anonymous()).not.toContain("新质生产力");
    await page.goto(`/admin/events/${SLUG}/agenda`);
    await clickHydrated(session(page, "主题演讲").getByTestId("edit-session"));
    const d = page.getByTestId("session-dialog");
    await d.locator("#f-title").fill("主题演讲：园区新质生产力");
    await d.getByTestId("session-save").click();
    await expect(d).toBeHidden();
    await expect.poll(anonymous, { timeout: 5000 }).toContain("主题演讲：园区新质生产力");
  });

  await test.step("API: bundle export and PATCH with the organizer's session", async () => {
    const exp = await page.request.get(`/api/v1/events/${SLUG}/export`);
    expect(exp.status()).toBe(200);
    const bundle = await exp.json();
    expect(bundle.hosts.map((h: { organization: { name: string } }) => h.organization.name)).toEqual(["自贡高新区管委会", "四川省县域经济学会"]);
    expect(bundle.sessions).toHaveLength(4);
    expect(bundle.buses).toHaveLength(2);
    expect(bundle.registrations).toBeUndefined();
    const ok = await page.request.patch(`/api/v1/events/${SLUG}`, { data: { capacity: 160, requiresApproval: true } });
    expect(ok.status()).toBe(200);
    expect(await ok.json()).toMatchObject({ capacity: 160, requiresApproval: true, status: "published" });
    const bad = await page.request.patch(`/api/v1/events/${SLUG}`, { data: { status: "archived" } });
    expect(bad.status()).toBe(422);
  });

  await test.step("clone without people onto new dates; the builder in English", async () => {
    await page.goto(`/admin/events/${SLUG}`);
    await page.getByTestId("clone-link").click();
    const f = page.getByTestId("clone-form");
    await expect(f.locator("#clone-sourceEventId")).toHaveValue(/[0-9a-f-]{36}/);
    await f.locator("#clone-title").fill("园区协同发展论坛（第二届）");
    await f.locator("#clone-titleEn").fill("Park Collaboration Forum (2nd)");
    await f.locator("#clone-slug").fill(`${SLUG}-2028`);
    await f.locator("#clone-startsOn").fill("2028-05-18");
    await f.locator("#clone-withPeople").uncheck();
    await f.getByRole("button").click();
    await page.waitForURL(`**/admin/events/${SLUG}-2028`);
    await expect(page.getByTestId("console-title")).toHaveText("园区协同发展论坛（第二届）");
    await page.getByTestId("tab-agenda").click();
    await expect(page.getByTestId("builder-session")).toHaveCount(4);
    await expect(page.getByTestId("builder-speaker")).toHaveCount(0);
    await expect(page.getByTestId("builder-stop")).toHaveCount(3);
    await expect(page.getByText("2028年5月18日")).toBeVisible();
    await page.getByTestId("language-switch").click();
    await expect(page.getByTestId("add-session")).toHaveText("+ Add session");
    await expect(page.getByTestId("tab-agenda")).toHaveText("Agenda");
    await snap(page, "console-agenda-clone-en");
    await page.getByTestId("language-switch").click();
    await expect(page.getByTestId("tab-agenda")).toHaveText("日程");
  });

  await test.step("phone: console pages fit the screen", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [path, name] of [
      ["/admin", "console-dashboard-phone"],
      [`/admin/events/${SLUG}`, "console-event-phone"],
      [`/admin/events/${SLUG}/hosts`, "console-hosts-phone"],
      [`/admin/events/${SLUG}/agenda`, "console-agenda-phone"],
    ] as const) {
      await page.goto(path);
      await expect(page.getByTestId("admin-nav")).toBeVisible();
      await noHorizontalOverflow(page);
      await snap(page, name);
    }
    await page.goto(`/admin/events/${SLUG}/agenda`);
    await clickHydrated(session(page, "现场考察").getByTestId("edit-bus").first());
    await expect(page.getByTestId("bus-dialog")).toBeVisible();
    await snap(page, "console-bus-dialog-phone");
  });
});
