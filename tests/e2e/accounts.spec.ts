import { expect, test } from "@playwright/test";
import { DEMO, signIn, signInAs, signOut } from "./auth";
import { snap } from "./helpers";

test.describe("accounts", () => {
  test("demo organizer signs in, header shows the user, sign out", async ({ page }) => {
    await signInAs(page, "organizer");
    await expect(page.getByTestId("header-user")).toContainText(DEMO.organizer.name);
    await snap(page, "header-signed-in-zh");
    await page.getByTestId("header-user").click();
    await expect(page.getByTestId("me-email")).toHaveText(DEMO.organizer.email);
    await signOut(page);
  });

  test("wrong password: a clear message, still signed out", async ({ page }) => {
    await page.goto("/sign-in");
    const form = page.getByTestId("sign-in-form");
    await form.locator('input[name="email"]').fill(DEMO.attendee.email);
    await form.locator('input[name="password"]').fill("not-the-password");
    await form.getByTestId("sign-in-submit").click();
    await expect(page.getByTestId("form-error")).toHaveText("邮箱或密码不正确。");
    await snap(page, "sign-in-error-zh");
    await signIn(page, DEMO.attendee.email, DEMO.attendee.password);
  });
});
