import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { SERVER_NODE_ARGS } from "./scripts/lib/server-runtime.mjs";

/** System Chromium (no browser downloads here): PLAYWRIGHT_CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own. */
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_PATH || (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const port = Number(process.env.E2E_PORT || 3100);
export const baseURL = `http://127.0.0.1:${port}`;
/** One data dir per port, so several runs (and helpers) can test side by side. */
export const e2eDataDir = `.data-e2e-${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    // Chinese browsers send zh-CN; the UI follows Accept-Language until the language switch sets a cookie.
    locale: "zh-CN",
    timezoneId: "Europe/London", // not the forum's zone: proves times render in the event's zone
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // A fresh embedded database per run; the production build must exist (`npm run build`).
    command: `node -e "require('fs').rmSync('${e2eDataDir}',{recursive:true,force:true})" && node ${SERVER_NODE_ARGS.join(" ")} scripts/serve.ts`, // as `npm run serve`
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      DATA_DIR: e2eDataDir,
      DATABASE_URL: "",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || ".next",
      HUIWU_QUIET: "1",
      AUTH_SECRET: "e2e-only-secret-e2e-only-secret-000000",
      // Every e2e test signs up from 127.0.0.1: lift the per-IP sign-up limit (the per-(account, IP) sign-in limit stays at 10).
      RATE_LIMIT_SIGNUP_PER_IP: "10000",
    },
  },
});
