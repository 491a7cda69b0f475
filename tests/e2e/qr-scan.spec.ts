/**
 * The check-in desk reads a ticket QR from the camera where the browser has no BarcodeDetector (Chromium on Linux has
 * none, like Safari before 17, iOS WeChat and Chrome on Windows): the ZXing-WASM polyfill, its .wasm fetched from our
 * own origin only. The camera is Chromium's fake device playing a Y4M clip of the ticket's QR.
 */
import { writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, expect, test } from "@playwright/test";
import QRCode from "qrcode";
import config, { baseURL } from "../../playwright.config";
import { signInAs } from "./auth";
import { snap, YANTAN } from "./helpers";

const base = `/admin/events/${YANTAN}`;

/** A Y4M clip (4:2:0, a few identical frames) of `text` as a black-on-white QR code, centred. */
function qrClip(text: string, file: string) {
  const W = 640;
  const H = 480;
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const scale = Math.floor((H - 80) / (n + 8));
  const left = Math.floor((W - n * scale) / 2);
  const top = Math.floor((H - n * scale) / 2);
  const y = Buffer.alloc(W * H, 235);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++)
      if (qr.modules.get(r, c)) for (let dy = 0; dy < scale; dy++) y.fill(16, (top + r * scale + dy) * W + left + c * scale, (top + r * scale + dy) * W + left + (c + 1) * scale);
  const chroma = Buffer.alloc((W / 2) * (H / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), y, chroma]);
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`), ...Array.from({ length: 10 }, () => frame)]));
}

test("staff: scan a ticket with the camera, no native BarcodeDetector, decoder from our origin only", async ({ page }) => {
  // a confirmed delegate not yet checked in, as the organizer's drawer shows their ticket
  await signInAs(page, "staff");
  await page.goto(`${base}/registrations?status=confirmed&sort=fullName&dir=desc&pageSize=200`);
  const row = page.locator('[data-testid="registration-row"][data-status="confirmed"][data-checkins=""]').first();
  const name = (await row.getByTestId("open-registration").textContent())!.trim();
  await row.getByTestId("open-registration").click();
  const code = (await page.getByTestId("registration-drawer").getByTestId("drawer-ticket").textContent())!.trim();
  const storageState = await page.context().storageState();

  const dir = path.resolve("test-results/e2e");
  mkdirSync(dir, { recursive: true });
  const clip = path.join(dir, "ticket-qr.y4m");
  qrClip(code, clip);
  const launch = config.use?.launchOptions ?? {};
  const browser = await chromium.launch({
    ...launch,
    args: [...(launch.args ?? []), "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${clip}`],
  });
  try {
    const ctx = await browser.newContext({ baseURL, storageState, locale: "zh-CN", permissions: ["camera"] });
    const desk = await ctx.newPage();
    const origins = new Set<string>();
    desk.on("request", (r) => origins.add(new URL(r.url()).origin));
    await desk.goto(`${base}/checkin`);
    expect(await desk.evaluate(() => "BarcodeDetector" in window)).toBe(false); // the polyfill path, as on Safari < 17
    const wasm = desk.waitForResponse((r) => r.url().includes("/vendor/zxing-reader.wasm"));
    await desk.getByTestId("checkin-scan").click();
    const res = await wasm;
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/wasm");
    await expect(desk.getByTestId("checkin-result")).toHaveAttribute("data-state", "ok", { timeout: 20_000 });
    await expect(desk.getByTestId("checkin-name")).toHaveText(name);
    await snap(desk, "checkin-desk-scanned");
    expect([...origins].filter((o) => o.startsWith("http"))).toEqual([new URL(baseURL).origin]);
  } finally {
    await browser.close();
  }
});
