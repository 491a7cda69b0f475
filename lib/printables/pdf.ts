/**
 * HTML → PDF with the system Chromium (headless --print-to-pdf), so Chinese renders with the installed CJK fonts
 * exactly as in the print preview. No network: the document is a local file with inline CSS and data: images.
 */
import "server-only";
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { env } from "@/lib/env";

const run = promisify(execFile);

export function chromiumPath(): string {
  const candidates = [env.PLAYWRIGHT_CHROMIUM_PATH, env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
  const found = candidates.find((p) => p && fs.existsSync(p));
  if (!found) throw new Error("No Chromium found for PDF rendering: set CHROMIUM_PATH (Debian: apt-get install chromium fonts-noto-cjk).");
  return found;
}

/** At most two renders at once: Chromium is heavy and the machine may be small. */
let running = 0;
const waiters: (() => void)[] = [];
async function slot<T>(fn: () => Promise<T>): Promise<T> {
  while (running >= 2) await new Promise<void>((r) => waiters.push(r));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    waiters.shift()?.();
  }
}

export async function htmlToPdf(html: string): Promise<Buffer> {
  return slot(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "huiwu-pdf-"));
    try {
      const input = path.join(dir, "doc.html");
      const output = path.join(dir, "doc.pdf");
      fs.writeFileSync(input, html);
      await run(
        chromiumPath(),
        [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          `--user-data-dir=${path.join(dir, "profile")}`,
          "--no-pdf-header-footer",
          "--run-all-compositor-stages-before-draw",
          `--print-to-pdf=${output}`,
          `file://${input}`,
        ],
        { timeout: 60_000, maxBuffer: 8 * 1024 * 1024 },
      );
      const pdf = fs.readFileSync(output);
      if (pdf.subarray(0, 5).toString() !== "%PDF-") throw new Error("Chromium did not write a PDF");
      return pdf;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
