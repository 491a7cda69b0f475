import { expect, test } from "@playwright/test";
import { signInAs } from "./auth";
import { clickHydrated, snap, YANTAN } from "./helpers";

test("seating console: protocol order, rostrum (both views), hall and banquet", async ({ page }) => {
  test.setTimeout(300_000);
  await signInAs(page, "organizer");
  const base = `/admin/events/${YANTAN}/seating`;
  await page.goto(`${base}?tab=protocol`);
  await clickHydrated(page.getByTestId("protocol-seed"));
  await expect(page.getByTestId("protocol-entry").first()).toBeVisible({ timeout: 30_000 });
  await snap(page, "seating-protocol");
  await page.goto(`${base}?tab=rostrum`);
  await clickHydrated(page.getByTestId("rostrum-arrange"));
  await expect(page.getByTestId("rostrum-seat").first()).toBeVisible({ timeout: 30_000 });
  await snap(page, "seating-rostrum-audience");
  await page.getByTestId("view-rostrum").click();
  await snap(page, "seating-rostrum-rostrum");
  await page.goto(`${base}?tab=hall`);
  await page.getByTestId("hall-rows").fill("12");
  await page.getByTestId("hall-seats").fill("24");
  await page.getByTestId("hall-save").click();
  await expect(page.getByTestId("hall-grid")).toBeVisible({ timeout: 30_000 });
  await page.getByTestId("hall-auto").click();
  await page.waitForTimeout(3000);
  await snap(page, "seating-hall");

  // a move by keyboard: Enter on a seated delegate picks them (the seat shows it), then Enter on an empty seat moves
  // them there at once (before the server answers), and the move is saved
  const grid = page.getByTestId("hall-grid");
  await expect(page.getByTestId("hall-tab")).not.toHaveAttribute("aria-busy", "true", { timeout: 30_000 });
  const [from, to] = await grid.evaluate((g) => {
    const seats = [...g.querySelectorAll<HTMLElement>("button[data-row]")].map((b) => ({ row: b.dataset.row, seat: b.dataset.seat, name: b.textContent }));
    return [seats.find((x) => x.name)!, seats.findLast((x) => !x.name)!];
  });
  const seat = (x: { row?: string; seat?: string }) => grid.locator(`button[data-row="${x.row}"][data-seat="${x.seat}"]`);
  const [seated, empty, name] = [seat(from), seat(to), from.name!];
  await seated.focus();
  await page.keyboard.press("Enter");
  await expect(seated).toHaveAttribute("aria-pressed", "true");
  await empty.focus();
  await page.keyboard.press("Enter");
  await expect(empty).toHaveText(name, { timeout: 1000 });
  await expect(seated).toHaveText("");
  // and it stays there while the server saves and the page refreshes (no flicker back to the old seat)
  await grid.evaluate((g, { to, name }) => {
    const w = window as unknown as { __seatLost: boolean };
    w.__seatLost = false;
    new MutationObserver(() => {
      if (g.querySelector(`button[data-row="${to.row}"][data-seat="${to.seat}"]`)?.textContent !== name) w.__seatLost = true;
    }).observe(g, { childList: true, characterData: true, subtree: true });
  }, { to, name });
  await expect(page.getByTestId("hall-tab")).not.toHaveAttribute("aria-busy", "true", { timeout: 30_000 });
  expect(await page.evaluate(() => (window as unknown as { __seatLost: boolean }).__seatLost)).toBe(false);
  await page.reload();
  await expect(empty).toHaveText(name);
  await expect(seated).toHaveText("");
  await page.goto(`${base}?tab=dining`);
  await clickHydrated(page.getByTestId("dining-auto"));
  await expect(page.getByTestId("dining-table").first()).toBeVisible({ timeout: 30_000 });
  await snap(page, "seating-dining");
});
