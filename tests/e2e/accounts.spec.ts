import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO, signIn, signInAs, signOut } from "./auth";
import { snap, YANTAN } from "./helpers";

const uniq = () => randomBytes(4).toString("hex");

async function tokenFor(request: APIRequestContext, email: string, password: string) {
  const res = await request.post("/api/v1/auth/token", { data: { email, password, name: "e2e" } });
  expect(res.status()).toBe(200);
  return (await res.json()).token as string;
}

async function apiSignUp(request: APIRequestContext, name: string) {
  const email = `e2e-${uniq()}@example.com`;
  const password = "e2e-password-123";
  const res = await request.post("/api/v1/auth/signup", { data: { email, password, name } });
  expect(res.status()).toBe(201);
  return { email, password, name };
}

/** In the admin's page: run one confirm-dialog control on the user's row. */
async function adminDo(admin: Page, email: string, testId: string) {
  await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  const row = admin.locator(`[data-testid="user-row"][data-email="${email}"]`);
  await row.getByTestId(testId).click();
  await admin.getByRole("dialog").getByTestId("confirm").click();
  await expect(admin.getByRole("dialog")).toBeHidden();
  return row;
}

test.describe("accounts", () => {
  test("sign up → sign out → sign in → edit profile and change password", async ({ page, browser }) => {
    const email = `new-${uniq()}@Example.com`;
    await page.goto("/sign-up");
    await snap(page, "sign-up-zh");
    const form = page.getByTestId("sign-up-form");
    await form.locator('input[name="name"]').fill("王小明");
    await form.locator('input[name="email"]').fill(email);
    await form.locator('input[name="password"]').fill("short");
    await form.getByTestId("sign-up-submit").click();
    await expect(page.getByTestId("error-password")).toHaveText("密码至少 10 个字符。");
    await form.locator('input[name="password"]').fill("wang-xiaoming-2025");
    await form.locator('input[name="organization"]').fill("自贡市经信局");
    await form.getByTestId("sign-up-submit").click();
    await expect(page).toHaveURL(/\/me$/);
    await expect(page.getByTestId("me-email")).toHaveText(email.toLowerCase());
    await expect(page.getByTestId("header-user")).toContainText("王小明");

    await signOut(page);
    await signIn(page, email.toUpperCase(), "wang-xiaoming-2025", "/me");
    await expect(page).toHaveURL(/\/me$/);

    // 个人资料 is in the account menu
    await page.getByTestId("header-user").click();
    await page.getByTestId("menu-profile").click();
    await expect(page).toHaveURL(/\/me\/profile$/);
    const profile = page.getByTestId("profile-form");
    await profile.locator('input[name="name"]').fill("王小明（更新）");
    await profile.locator('input[name="position"]').fill("科长");
    await profile.locator('input[name="phone"]').fill("+86 138 0000 0000");
    await profile.getByTestId("profile-save").click();
    await expect(page.getByTestId("profile-saved")).toBeVisible();
    await page.reload();
    await expect(profile.locator('input[name="name"]')).toHaveValue("王小明（更新）");
    await expect(profile.locator('input[name="position"]')).toHaveValue("科长");
    await expect(page.getByTestId("header-user")).toContainText("王小明（更新）");
    await snap(page, "profile-zh");

    // a second device signed in with the old password
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, email, "wang-xiaoming-2025");

    const pw = page.getByTestId("password-form");
    await pw.locator('input[name="currentPassword"]').fill("wang-xiaoming-2025");
    await pw.locator('input[name="newPassword"]').fill("a-new-password-2026");
    await pw.locator('input[name="confirmPassword"]').fill("a-new-password-2026");
    await pw.getByTestId("password-submit").click();
    await expect(page.getByTestId("password-changed")).toBeVisible();
    // this session stays signed in; the other device is signed out on its next request
    await page.goto("/me");
    await expect(page.getByTestId("me-email")).toHaveText(email.toLowerCase());
    await otherPage.goto("/");
    await expect(otherPage.getByTestId("header-sign-in")).toBeVisible();
    await other.close();
    await signOut(page);
    await signIn(page, email, "a-new-password-2026");

    // API token from the developer page (account menu → 开发者), listed, then revoked
    await page.getByTestId("header-user").click();
    await page.getByTestId("menu-developer").click();
    await expect(page).toHaveURL(/\/me\/developer$/);
    await page.getByTestId("token-form").locator('input[name="name"]').fill("签到小程序");
    await page.getByTestId("token-create").click();
    const token = (await page.getByTestId("token-value").textContent())!;
    expect(token).toMatch(/^hw_/);
    const me = await page.request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
    expect((await me.json()).user.email).toBe(email.toLowerCase());
    await page.reload();
    await expect(page.getByTestId("token-row")).toHaveCount(1);
    await page.getByTestId("token-revoke").click();
    await snap(page, "token-revoke-dialog-zh");
    await page.getByRole("dialog").getByTestId("confirm").click();
    await expect(page.getByTestId("token-row").first()).toContainText("已吊销");
    expect((await page.request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);
  });

  test("English UI: sign-in and sign-up speak English, errors included", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByTestId("language-switch").click();
    await expect(page.getByRole("heading", { name: "Sign in to Huiwu" })).toBeVisible();
    const form = page.getByTestId("sign-in-form");
    await form.locator('input[name="email"]').fill("nobody-at-all@example.com");
    await form.locator('input[name="password"]').fill("whatever-password");
    await form.getByTestId("sign-in-submit").click();
    await expect(page.getByTestId("form-error")).toHaveText("Email or password is incorrect.");
    await snap(page, "sign-in-error-en");
    await page.goto("/sign-up");
    await page.getByTestId("sign-up-form").locator('input[name="email"]').fill("not an email");
    await page.getByTestId("sign-up-submit").click();
    await expect(page.getByTestId("error-email")).toHaveText("Please enter a valid email address.");
    await expect(page.getByTestId("error-name")).toHaveText("Please enter your name (at most 100 characters).");
    await snap(page, "sign-up-errors-en");
  });

  test("phone: sign-in and profile pages fit the screen", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/sign-in");
    await snap(page, "sign-in-phone-zh");
    await signInAs(page, "attendee", "/me");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await snap(page, "profile-phone-zh");
  });

  test("an attendee opening /admin is refused (403 page); anonymous is sent to sign-in", async ({ page }) => {
    const anon = await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    expect(anon?.status()).toBe(200);
    await signInAs(page, "attendee");
    for (const path of ["/admin", "/admin/users", "/admin/audit", `/admin/events/${YANTAN}`]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(403);
      await expect(page.getByTestId("forbidden")).toBeVisible();
    }
    await expect(page.getByTestId("header-admin")).toHaveCount(0);
    await snap(page, "admin-forbidden-zh");
  });

  test("IDOR: the organizer of forum A cannot open or edit forum B, in the console or over the API with a token", async ({ page, request }) => {
    // forum B: a copy of the Yantan forum imported by the admin (the organizer of Yantan has no role on it)
    const adminToken = await tokenFor(request, DEMO.admin.email, DEMO.admin.password);
    const bundle = await (await request.get(`/api/v1/events/${YANTAN}/export`, { headers: { authorization: `Bearer ${adminToken}` } })).json();
    const imported = await request.post("/api/v1/events/import", { headers: { authorization: `Bearer ${adminToken}` }, data: bundle });
    expect(imported.status()).toBe(201);
    const slugB = (await imported.json()).slug as string;

    const orgToken = await tokenFor(request, DEMO.organizer.email, DEMO.organizer.password);
    const denied = await request.patch(`/api/v1/events/${slugB}`, { headers: { authorization: `Bearer ${orgToken}` }, data: { capacity: 1 } });
    expect(denied.status()).toBe(403);
    expect((await denied.json()).error).toBeTruthy();
    const exportB = await request.get(`/api/v1/events/${slugB}/export`, { headers: { authorization: `Bearer ${orgToken}` } });
    expect(exportB.status()).toBe(403);
    // B is unchanged: the admin's own PATCH answers with B as stored, capacity as imported
    const adminPatch = await request.patch(`/api/v1/events/${slugB}`, { headers: { authorization: `Bearer ${adminToken}` }, data: { requiresApproval: true } });
    expect(adminPatch.status()).toBe(200);
    expect((await adminPatch.json()).capacity).toBe(bundle.registration.capacity);

    await signInAs(page, "organizer");
    expect((await page.goto(`/admin/events/${YANTAN}`))?.status()).toBe(200);
    for (const path of [`/admin/events/${slugB}`, `/admin/events/${slugB}/settings`]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(403);
      await expect(page.getByTestId("forbidden")).toBeVisible();
    }
  });

  test("10 wrong passwords → 429 even with the right password; the form says so", async ({ page, request }) => {
    const u = await apiSignUp(request, "锁定测试");
    for (let i = 0; i < 10; i++) {
      const r = await request.post("/api/v1/auth/token", { data: { email: u.email, password: `wrong-password-${i}` } });
      expect(r.status()).toBe(401);
    }
    const locked = await request.post("/api/v1/auth/token", { data: { email: u.email, password: u.password } });
    expect(locked.status()).toBe(429);
    expect(Number(locked.headers()["retry-after"])).toBeGreaterThan(60);
    await page.goto("/sign-in");
    const form = page.getByTestId("sign-in-form");
    await form.locator('input[name="email"]').fill(u.email);
    await form.locator('input[name="password"]').fill(u.password);
    await form.getByTestId("sign-in-submit").click();
    await expect(page.getByTestId("form-error")).toContainText("尝试次数过多");
    await expect(page.getByTestId("header-sign-in")).toBeVisible();
    await snap(page, "sign-in-locked-zh");
  });

  test("role change and disabling take effect on the very next request of a signed-in session", async ({ browser }) => {
    const adminCtx = await browser.newContext();
    const userCtx = await browser.newContext();
    const admin = await adminCtx.newPage();
    const user = await userCtx.newPage();
    const u = await apiSignUp(adminCtx.request, "角色测试");
    await signIn(user, u.email, u.password);
    expect((await user.goto("/admin/users"))?.status()).toBe(403);

    await signInAs(admin, "admin");
    await adminDo(admin, u.email, "make-admin");
    await snap(admin, "admin-users-zh");
    // the user's existing session: admin now, without signing in again
    expect((await user.goto("/admin/users"))?.status()).toBe(200);
    await expect(user.getByTestId("user-list")).toBeVisible();

    await adminDo(admin, u.email, "remove-admin");
    expect((await user.goto("/admin/users"))?.status()).toBe(403);

    // forum roles are given on the forum's Team tab (the one way); /admin/users shows them, each linking there
    await admin.goto(`/admin/events/${YANTAN}/team`);
    const form = admin.getByTestId("team-invite-form");
    await form.locator('input[name="email"]').fill(u.email);
    await form.locator('select[name="role"]').selectOption("organizer");
    await form.getByTestId("team-invite-submit").click();
    await expect(admin.getByTestId("team-members")).toContainText(u.email);
    expect((await user.goto(`/admin/events/${YANTAN}`))?.status()).toBe(200);
    await admin.goto(`/admin/users?q=${encodeURIComponent(u.email)}`);
    const row = admin.locator(`[data-testid="user-row"][data-email="${u.email}"]`);
    await expect(row.getByTestId("event-role")).toContainText("组织者");
    await expect(row.getByTestId("grant-toggle")).toHaveCount(0);
    await row.getByTestId("event-role").click();
    await expect(admin).toHaveURL(new RegExp(`/admin/events/${YANTAN}/team$`));
    const member = admin.getByTestId("team-member").filter({ hasText: u.email });
    await member.getByTestId("team-remove").click();
    await admin.getByRole("dialog").getByTestId("confirm").click();
    await expect(admin.getByTestId("team-members")).not.toContainText(u.email);
    expect((await user.goto(`/admin/events/${YANTAN}`))?.status()).toBe(403);

    await adminDo(admin, u.email, "disable-user");
    await user.goto("/");
    await expect(user.getByTestId("header-sign-in")).toBeVisible();
    await user.goto("/me");
    await expect(user).toHaveURL(/\/sign-in/);

    // the audit log shows all of it
    await admin.goto(`/admin/audit?actor=${encodeURIComponent(DEMO.admin.email)}`);
    const audit = admin.getByTestId("audit-table");
    for (const action of ["user.role", "event.staff.grant", "event.staff.revoke", "user.disable"]) await expect(audit).toContainText(action);
    await snap(admin, "admin-audit-zh");
    await adminCtx.close();
    await userCtx.close();
  });
});
