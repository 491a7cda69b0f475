/**
 * Issue 12 item 9, verified in a browser: every page the public and an organizer see runs under the Content-Security-
 * Policy without one violation or console error — cached pages (hash policy, served by scripts/lib/http-server.ts
 * without entering Next) and rendered ones (per-request nonce) alike — and the headers are on both.
 */
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { signInAs } from "./auth";
import { YANTAN } from "./helpers";

type Problem = { kind: string; text: string; url: string };

/** Records every CSP violation (the DOM event, installed before any page script runs) and console error/warning. */
async function watch(page: Page): Promise<Problem[]> {
  const problems: Problem[] = [];
  await page.exposeFunction("__reportViolation", (text: string) => problems.push({ kind: "securitypolicyviolation", text, url: page.url() }));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportViolation: (t: string) => void }).__reportViolation(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push({ kind: `console.${m.type()}`, text: m.text(), url: page.url() });
  });
  page.on("pageerror", (e) => problems.push({ kind: "pageerror", text: e.message, url: page.url() }));
  return problems;
}

function scriptSrc(csp: string): string {
  return csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
}

function expectSecurityHeaders(res: APIResponse | { headers(): Record<string, string> }, what: string) {
  const h = res.headers();
  const csp = h["content-security-policy"] ?? "";
  expect(csp, `${what}: CSP`).toBeTruthy();
  // same-origin files, plus a nonce (rendered) or hashes (cached) for inline scripts — none for a page without any
  expect(scriptSrc(csp), `${what}: script-src`).toMatch(/^script-src 'self'(?: 'nonce-[^' ]+'| 'sha256-[^' ]+')* 'wasm-unsafe-eval'$/);
  expect(scriptSrc(csp), `${what}: no unsafe-inline scripts`).not.toContain("unsafe-inline");
  // 'wasm-unsafe-eval' (WebAssembly compilation for the QR decoder, docs/ARCHITECTURE.md) is not 'unsafe-eval' (JS eval)
  expect(scriptSrc(csp), `${what}: no unsafe-eval`).not.toContain("'unsafe-eval'");
  expect(csp, `${what}: frame-ancestors`).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(h["x-content-type-options"], `${what}: nosniff`).toBe("nosniff");
  expect(h["referrer-policy"], `${what}: referrer-policy`).toBe("strict-origin-when-cross-origin");
  expect(h["strict-transport-security"], `${what}: no HSTS over plain http`).toBeUndefined();
}

/** Waits until the page's islands answer clicks (public/islands.js has run; the page may have no React at all). */
async function interactive(page: Page) {
  await page.waitForLoadState("load");
  await page.waitForFunction(() => (window as unknown as { __huiwuIslands?: string }).__huiwuIslands === "ready");
}

test.describe("security headers and CSP (issue 12 item 9)", () => {
  test("a public page: same headers on the first (rendered) and second (cached) request", async ({ request }) => {
    const path = `/events/${YANTAN}/agenda?csp=${Date.now()}`; // a fresh cache key
    const first = await request.get(path, { headers: { "accept-language": "zh-CN" } });
    expect(first.status()).toBe(200);
    expectSecurityHeaders(first, "first request");
    const second = await request.get(path, { headers: { "accept-language": "zh-CN" } });
    expect(second.status()).toBe(200);
    expect(second.headers()["x-huiwu-cache"], "the second answer comes from the page cache").toMatch(/^v\d+/);
    expectSecurityHeaders(second, "cached request");
    // a cached page has no per-request nonce; stored without React's runtime (lib/cache/static-page.ts) it has no
    // inline script left to allow by hash either: only same-origin script files ('self')
    const cachedBody = await second.text();
    expect(cachedBody).not.toMatch(/<script\b(?![^>]*\bsrc=)[^>]*>/);
    expect(scriptSrc(second.headers()["content-security-policy"])).toBe("script-src 'self' 'wasm-unsafe-eval'");
    expect(cachedBody).toBe(await first.text());
    // responses Next renders (not cacheable: a JSON API with a session-less POST, the health check) carry them too
    expectSecurityHeaders(await request.get("/api/health"), "/api/health");
    expectSecurityHeaders(await request.get("/sign-in"), "/sign-in");
  });

  test("public pages run without a violation or console error, and stay interactive", async ({ page }) => {
    const problems = await watch(page);
    for (const path of ["/", `/events/${YANTAN}`, `/events/${YANTAN}/agenda`, "/reports", "/speakers", "/sign-in"]) {
      // twice: the first visit may render, the second is a page-cache hit (hash policy)
      for (const round of [1, 2]) {
        const res = await page.goto(path);
        expect(res?.status(), `${path} #${round}`).toBe(200);
        expectSecurityHeaders(res!, `${path} #${round}`);
        await interactive(page);
      }
    }
    // interactive under the cached page's policy: the language switch (an island) loads the page in English
    await page.goto(`/events/${YANTAN}`);
    await interactive(page);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await page.getByTestId("language-switch").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByTestId("hosts")).toContainText("Co-hosts");
    // links load the next page (in full: an anonymous public page runs no router)
    await page.getByTestId("nav-speakers").click();
    await expect(page).toHaveURL(/\/speakers$/);
    expect(problems).toEqual([]);

    // negative control: the watcher does see a violation — an injected inline script is blocked and reported
    await page.addScriptTag({ content: "window.__injected = true;" }).catch(() => {});
    await expect.poll(() => problems.some((p) => p.kind === "securitypolicyviolation" && p.text.startsWith("script-src"))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  });

  test("sign-in and the organizer console run without a violation or console error", async ({ page }) => {
    const problems = await watch(page);
    await signInAs(page, "organizer", `/admin/events/${YANTAN}`);
    await page.goto(`/admin/events/${YANTAN}`);
    const res = await page.goto(`/admin/events/${YANTAN}/agenda`);
    expect(res?.status()).toBe(200);
    // a signed-in page is never cached: Next renders it with this request's nonce
    expectSecurityHeaders(res!, "console");
    expect(res!.headers()["x-huiwu-cache"]).toBeUndefined();
    const nonce = /'nonce-([^']+)'/.exec(res!.headers()["content-security-policy"])?.[1];
    expect(nonce).toBeTruthy();
    await interactive(page);
    // every script the browser ran carried this response's nonce or came from our origin
    const scripts = await page.evaluate(() => [...document.scripts].map((s) => ({ src: s.src, nonce: s.nonce })));
    for (const s of scripts) expect(s.src ? new URL(s.src).origin : s.nonce, JSON.stringify(s)).toBe(s.src ? new URL(page.url()).origin : nonce);
    // interactive: an account menu (client component) opens
    await page.getByTestId("header-user").click();
    await expect(page.getByTestId("sign-out")).toBeVisible();
    // the print views are the one thing framed (by the console's print preview): their own policy reaches the browser
    const print = await page.request.get(`/admin/events/${YANTAN}/badges/print?size=a4&include=confirmed`);
    expect(print.headers()["x-frame-options"]).toBe("SAMEORIGIN");
    expect(print.headers()["content-security-policy"]).toContain("frame-ancestors 'self'");
    expect(scriptSrc(print.headers()["content-security-policy"])).toBe("script-src 'none'");
    expect(print.headers()["x-content-type-options"]).toBe("nosniff");
    await page.goto(`/admin/events/${YANTAN}/badges`);
    await expect(page.frameLocator('[data-testid="print-frame"]').locator("article.badge").first()).toBeVisible();
    expect(problems).toEqual([]);
  });
});
