/**
 * Organizers staff their own forum (issue 13 §2), through the UI only: the organizer opens the console from the
 * account menu, the 团队 tab from the forum's tabs, invites an existing account as staff and a new address by link;
 * the newcomer opens the link, creates the account and lands in the forum's console; removal is confirmed.
 */
import { expect, test } from "@playwright/test";
import { DEMO, signIn, signInAs } from "./auth";
import { snap, YANTAN } from "./helpers";

test("an organizer invites an existing account and a newcomer, the newcomer joins by the link, and is removed again", async ({ page, browser }) => {
  const stamp = Date.now().toString(36);
  // an existing account to invite
  const existing = `team-existing-${stamp}@example.com`;
  const su = await page.request.post("/api/v1/auth/signup", { data: { email: existing, password: "team-existing-2026", name: "已有账号" } });
  expect(su.status()).toBe(201);

  await signInAs(page, "organizer");
  await page.getByTestId("header-user").click();
  await page.getByTestId("menu-admin").click();
  await page.locator(`a[href="/admin/events/${YANTAN}"]`).first().click();
  await page.getByRole("link", { name: "团队" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/events/${YANTAN}/team$`));

  const form = page.getByTestId("team-invite-form");
  await form.locator('input[name="email"]').fill(existing);
  await form.getByTestId("team-invite-submit").click();
  await expect(page.getByTestId("team-members")).toContainText(existing);

  const newcomer = `team-new-${stamp}@example.com`;
  await form.locator('input[name="email"]').fill(newcomer);
  await form.locator('select[name="role"]').selectOption("organizer");
  await form.getByTestId("team-invite-submit").click();
  const link = await page.getByTestId("team-invite-link").locator("input").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId("team-invitations")).toContainText(newcomer);
  await snap(page, "team-tab-zh");

  // the newcomer, in another browser: the link → create the account → the forum's console
  const ctx = await browser.newContext();
  const other = await ctx.newPage();
  await other.goto(new URL(link).pathname);
  const join = other.getByTestId("accept-invitation-sign-up");
  await expect(join.locator('input[name="email"]')).toHaveValue(newcomer);
  await join.locator('input[name="name"]').fill("新同事");
  await join.locator('input[name="password"]').fill("team-newcomer-2026");
  await snap(other, "team-accept-zh");
  await join.getByTestId("accept-invitation-sign-up-submit").click();
  await expect(other).toHaveURL(new RegExp(`/admin/events/${YANTAN}$`));
  await expect(other.getByTestId("console-title")).toBeVisible();
  // the link is single-use
  await other.goto(new URL(link).pathname);
  await expect(other.getByTestId("invitation-invalid")).toBeVisible();
  await ctx.close();

  // back at the organizer: the newcomer is a member; remove them (confirmed), then they no longer reach the console
  await page.reload();
  const row = page.getByTestId("team-member").filter({ hasText: newcomer });
  await expect(row.getByTestId("team-role")).toHaveValue("organizer");
  await row.getByTestId("team-remove").click();
  await page.getByRole("dialog").getByTestId("confirm").click();
  await expect(page.getByTestId("team-members")).not.toContainText(newcomer);

  const ctx2 = await browser.newContext();
  const p2 = await ctx2.newPage();
  await signIn(p2, newcomer, "team-newcomer-2026");
  expect((await p2.goto(`/admin/events/${YANTAN}`))?.status()).toBe(403);
  await ctx2.close();
});

test("staff see no team tab, and the team page refuses them", async ({ page }) => {
  await signInAs(page, "staff", `/admin/events/${YANTAN}`);
  await expect(page.getByRole("link", { name: "团队" })).toHaveCount(0);
  expect((await page.goto(`/admin/events/${YANTAN}/team`))?.status()).toBe(403);
  expect(DEMO.staff.email).toContain("@");
});
