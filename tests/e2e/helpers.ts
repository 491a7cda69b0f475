import { expect, type Locator, type Page } from "@playwright/test";

export const YANTAN = "yantan-industrial-parks-2025";

/** Full-page screenshot under test-results/screenshots/, for a person to look at (DESIGN §3.11). */
export async function snap(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}


/** The page does not scroll sideways (a 390 px phone shows everything within its width). */
export async function noHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 0) throw new Error(`horizontal overflow of ${overflow}px on ${page.url()}`);
}

/**
 * Clicks a client-side control only once React has hydrated it. A click that lands after the HTML arrived but before
 * React attached its handlers does nothing (the "load" event can come first under load), so a test that clicks right
 * after `page.goto` waits for React's props on the element itself (`__reactProps$…`, set when it hydrates).
 */
export async function clickHydrated(target: Locator) {
  await expect
    .poll(() => target.evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactProps$"))), { message: "hydrated" })
    .toBe(true);
  await target.click();
}
