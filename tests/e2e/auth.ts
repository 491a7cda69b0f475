/**
 * Sign in / out through the real forms. The e2e server is seeded with the demo accounts (db/seed/demo-accounts.ts):
 *
 *   import { DEMO, signIn, signOut } from "./auth";
 *   await signIn(page, DEMO.organizer.email, DEMO.organizer.password);
 */
import { expect, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, type DemoRole } from "../../db/seed/demo-accounts";

export const DEMO = Object.fromEntries(DEMO_ACCOUNTS.map((a) => [a.role, a])) as Record<DemoRole, (typeof DEMO_ACCOUNTS)[number]>;

/** Signs in and waits until the header shows the user. `next` = where to land afterwards (default "/"). */
export async function signIn(page: Page, email: string, password: string, next = "/") {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  const form = page.getByTestId("sign-in-form");
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(password);
  await form.getByTestId("sign-in-submit").click();
  await expect(page.getByTestId("header-user")).toBeVisible();
}

/** Signs in as one of the demo roles: admin, organizer (of the Yantan forum), staff (of it), attendee. */
export async function signInAs(page: Page, role: DemoRole, next = "/") {
  await signIn(page, DEMO[role].email, DEMO[role].password, next);
}

export async function signOut(page: Page) {
  await page.getByTestId("header-user").click(); // the account menu holds sign-out
  await page.getByTestId("sign-out").click();
  await expect(page.getByTestId("header-sign-in")).toBeVisible();
}
