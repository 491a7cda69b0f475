/**
 * The UI kit (components/ui) in the console, in Chinese: the dialog has a translated close button and a title; a form
 * with an error links the message to its input (aria-describedby, aria-invalid); errors are toasted assertively.
 */
import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./auth";
import { clickHydrated, snap, YANTAN } from "./helpers";

test.setTimeout(120_000);

test("dialog + form error (zh-CN): translated close icon, error wired to its field", async ({ page }) => {
  await signIn(page, DEMO.organizer.email, DEMO.organizer.password);
  await page.goto(`/admin/events/${YANTAN}/registrations`);
  await clickHydrated(page.getByTestId("add-guest"));
  const d = page.getByTestId("add-guest-dialog");
  await expect(d).toBeVisible();
  await expect(d.getByRole("heading", { name: "手工添加嘉宾" })).toBeVisible();
  await expect(d.getByRole("button", { name: "关闭" }).first()).toBeVisible();
  await snap(page, "ui-kit-dialog-zh");

  // submit with an invalid email and no name → field errors, linked to their inputs
  await d.locator("#f-email").fill("not-an-email");
  await d.getByTestId("add-guest-submit").click();
  const name = d.locator("#f-fullName");
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toHaveAttribute("aria-describedby", /f-fullName-error/);
  await expect(d.locator("#f-fullName-error")).toBeVisible();
  await expect(d.getByRole("alert")).toBeVisible();
  await snap(page, "ui-kit-form-error-zh");

  await page.keyboard.press("Escape");
  await expect(d).toBeHidden();
});
