import type { Page } from "@playwright/test";

export const YANTAN = "yantan-industrial-parks-2025";

/** Full-page screenshot under test-results/screenshots/, for a person to look at (DESIGN §3.11). */
export async function snap(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

