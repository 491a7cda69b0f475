/** Without Chromium a PDF download explains what to install, in the reader's language — never a bare 500 (issue 13 §15). */
import fs from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { pdfAvailable, pdfResponse } from "@/lib/printables/pdf";

describe("PDF without Chromium", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers 503 with a page that names the packages and the browser's Save as PDF", async () => {
    vi.spyOn(fs, "existsSync").mockReturnValue(false);
    expect(pdfAvailable()).toBe(false);
    const zh = await pdfResponse("<p>x</p>", { disposition: 'attachment; filename="x.pdf"', locale: "zh-CN" });
    expect(zh.status).toBe(503);
    expect(zh.headers.get("content-type")).toContain("text/html");
    const body = await zh.text();
    expect(body).toContain('lang="zh-CN"');
    expect(body).toContain("无法生成 PDF");
    expect(body).toContain("apt-get install chromium fonts-noto-cjk");
    expect(body).toContain("另存为 PDF");
    const en = await (await pdfResponse("<p>x</p>", { disposition: "attachment", locale: "en" })).text();
    expect(en).toContain("The PDF cannot be made");
    expect(en).toContain("CHROMIUM_PATH");
  });
});
