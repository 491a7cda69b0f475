import type { Page } from "@playwright/test";

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
