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
import type { Locale } from "@/lib/i18n/config";
import { translateMessage } from "@/lib/i18n/errors";

const run = promisify(execFile);

/** The server has no Chromium: PDFs cannot be made here (the HTML print preview still works). */
export class ChromiumMissingError extends Error {
  constructor() {
    super("No Chromium found for PDF rendering: set CHROMIUM_PATH (Debian: apt-get install chromium fonts-noto-cjk).");
  }
}

function findChromium(): string | undefined {
  const candidates = [env.PLAYWRIGHT_CHROMIUM_PATH, env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
  return candidates.find((p) => p && fs.existsSync(p));
}

export function chromiumPath(): string {
  const found = findChromium();
  if (!found) throw new ChromiumMissingError();
  return found;
}

/** Whether PDF downloads work on this server (pages use it to explain instead of offering a broken button). */
export function pdfAvailable(): boolean {
  return findChromium() !== undefined;
}

export const INSTALL_CHROMIUM = "apt-get install chromium fonts-noto-cjk";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The answer to a PDF download: the PDF, or — when the server has no Chromium — a short page in the reader's language
 * (503) saying what to install and that the browser's Print → Save as PDF works meanwhile. Never a bare 500.
 */
export async function pdfResponse(html: string, opts: { disposition: string; cacheControl?: string; locale: Locale }): Promise<Response> {
  try {
    const pdf = await htmlToPdf(html);
    return new Response(new Uint8Array(pdf), { headers: { "content-type": "application/pdf", "content-disposition": opts.disposition, "cache-control": opts.cacheControl ?? "no-store" } });
  } catch (e) {
    if (!(e instanceof ChromiumMissingError)) throw e;
    const t = (key: string) => escapeHtml(translateMessage({ key, params: { install: INSTALL_CHROMIUM } }, opts.locale));
    const page = `<!doctype html><html lang="${opts.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t("errors.pdf.title")}</title><style>body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#0f172a;line-height:1.6}code{background:#f1f5f9;padding:.1rem .35rem;border-radius:.25rem}</style></head><body><h1 style="font-size:1.25rem">${t("errors.pdf.title")}</h1><p>${t("errors.pdf.body")}</p><p><code>${escapeHtml(INSTALL_CHROMIUM)}</code></p><p>${t("errors.pdf.meanwhile")}</p></body></html>`;
    return new Response(page, { status: 503, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "retry-after": "3600" } });
  }
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
