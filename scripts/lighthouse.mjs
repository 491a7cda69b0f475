/**
 * Lighthouse (mobile, the default form factor) against a running server, with the system Chromium.
 *
 *   npm run serve &                                   # or any running instance with the demo data
 *   node scripts/lighthouse.mjs [baseURL] [slug]          # performance / a11y / best practices / SEO of the public pages
 *   node scripts/lighthouse.mjs --a11y [baseURL] [slug]   # accessibility of every page, signed in as each demo role
 *
 * `--a11y` signs in through the real form (Playwright) as the attendee, the staff member, the organizer and the site
 * admin, and hands each role's session cookie to Lighthouse, so the account, console and admin pages are audited as
 * their users see them. It prints every failing accessibility audit with the elements Lighthouse names, and exits 1
 * when a page scores under 100.
 *
 * Plain JavaScript on purpose: tsx would add esbuild's __name helper to functions Lighthouse runs inside the page.
 *
 * Defaults: http://127.0.0.1:3000 and the Yantan forum. LIGHTHOUSE_OUT (default test-results/lighthouse) holds the reports.
 */
import fs from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { chromium } from "@playwright/test";

const args = process.argv.slice(2);
const a11yOnly = args.includes("--a11y");
const positional = args.filter((a) => !a.startsWith("--"));
const base = (positional[0] || "http://127.0.0.1:3000").replace(/\/+$/, "");
const slug = positional[1] || "yantan-industrial-parks-2025";
const out = process.env.LIGHTHOUSE_OUT || "test-results/lighthouse";
const chromePath = process.env.PLAYWRIGHT_CHROMIUM_PATH || (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

/** The demo accounts (db/seed/demo-accounts.ts, README "Demo logins"). */
const LOGINS = {
  attendee: ["attendee@huiwu.demo", "huiwu-attendee-2025"],
  staff: ["staff@huiwu.demo", "huiwu-staff-2025"],
  organizer: ["organizer@huiwu.demo", "huiwu-organizer-2025"],
  admin: ["admin@huiwu.demo", "huiwu-admin-2025"],
};

/** Signs in through the form; returns the Cookie header and a function that finds the first link matching a prefix. */
async function session(browser, role) {
  const ctx = await browser.newContext({ baseURL: base, locale: "zh-CN" });
  const page = await ctx.newPage();
  if (role) {
    const [email, password] = LOGINS[role];
    await page.goto(`/sign-in?next=%2F`);
    const form = page.getByTestId("sign-in-form");
    await form.locator('input[name="email"]').fill(email);
    await form.locator('input[name="password"]').fill(password);
    await form.getByTestId("sign-in-submit").click();
    await page.getByTestId("header-user").waitFor();
  }
  const cookie = (await ctx.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  /** The href of the first link on `from` whose path starts with `prefix` and goes deeper than it. */
  const firstLink = async (from, prefix) => {
    await page.goto(from);
    const hrefs = await page.locator(`a[href^="${prefix}"]`).evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    const deeper = hrefs.filter((h) => h && h.split("?")[0].length > prefix.length && !/[#.]/.test(h.slice(prefix.length)));
    return deeper[0] ?? null;
  };
  /** Where `from` lands after its redirects (Lighthouse's extra headers are not sent again on a redirect). */
  const landing = async (from) => {
    await page.goto(from);
    return new URL(page.url()).pathname;
  };
  return { cookie, firstLink, landing, close: () => ctx.close() };
}

async function pagesToAudit(browser) {
  const ev = `/events/${slug}`;
  const admin = `/admin/events/${slug}`;
  const anon = await session(browser, null);
  const report = await anon.firstLink("/reports", "/reports/");
  const speaker = await anon.firstLink("/speakers", "/speakers/");
  await anon.close();
  const publicPages = [
    { name: "home", path: "/" },
    { name: "forum", path: ev },
    { name: "agenda", path: `${ev}/agenda` },
    ...(report ? [{ name: "report", path: report }] : []),
  ];
  if (!a11yOnly) return publicPages.map((p) => ({ ...p, role: null }));

  const org = await session(browser, "organizer");
  const editor = await org.firstLink(`${admin}/reports`, `${admin}/reports/`);
  await org.close();
  const att = await session(browser, "attendee");
  const ticket = await att.firstLink("/me/registrations", "/me/registrations/");
  const nextTicket = await att.landing("/me/ticket");
  await att.close();
  return [
    ...publicPages.map((p) => ({ ...p, role: null })),
    { name: "reports", path: "/reports", role: null },
    { name: "speakers", path: "/speakers", role: null },
    ...(speaker ? [{ name: "speaker", path: speaker, role: null }] : []),
    { name: "sign-in", path: "/sign-in", role: null },
    { name: "sign-up", path: "/sign-up", role: null },
    { name: "forum-en", path: ev, role: null, locale: "en" },
    { name: "agenda-en", path: `${ev}/agenda`, role: null, locale: "en" },
    { name: "me-en", path: "/me", role: "attendee", locale: "en" },
    { name: "console-en", path: admin, role: "organizer", locale: "en" },
    { name: "me", path: "/me", role: "attendee" },
    { name: "me-registrations", path: "/me/registrations", role: "attendee" },
    ...(ticket ? [{ name: "me-registration", path: ticket.split("?")[0], role: "attendee" }] : []),
    { name: "me-ticket", path: nextTicket, role: "attendee" },
    { name: "me-agenda", path: "/me/agenda", role: "attendee" },
    { name: "me-profile", path: "/me/profile", role: "attendee" },
    { name: "me-developer", path: "/me/developer", role: "attendee" },
    { name: "register", path: `/events/county-parks-demo-forum/register`, role: "staff" },
    { name: "console", path: admin, role: "organizer" },
    { name: "console-team", path: `${admin}/team`, role: "organizer" },
    { name: "console-settings", path: `${admin}/settings`, role: "organizer" },
    { name: "console-agenda", path: `${admin}/agenda`, role: "organizer" },
    { name: "console-hosts", path: `${admin}/hosts`, role: "organizer" },
    { name: "console-registrations", path: `${admin}/registrations`, role: "organizer" },
    { name: "console-reports", path: `${admin}/reports`, role: "organizer" },
    ...(editor ? [{ name: "console-report-editor", path: editor, role: "organizer" }] : []),
    { name: "console-seating", path: `${admin}/seating`, role: "organizer" },
    { name: "console-delegations", path: `${admin}/delegations`, role: "organizer" },
    { name: "console-checkin", path: `${admin}/checkin`, role: "staff" },
    { name: "admin", path: "/admin", role: "admin" },
    { name: "admin-audit", path: "/admin/audit", role: "admin" },
    { name: "admin-mail", path: "/admin/mail", role: "admin" },
    { name: "admin-users", path: "/admin/users", role: "admin" },
    { name: "admin-new-forum", path: "/admin/events/new", role: "organizer" },
  ];
}

/** For an English page the language switch's cookie (NEXT_LOCALE, lib/i18n/config.ts) goes first — the first one wins —
 * then the role's session cookies. */
function cookieHeader(p) {
  const parts = [p.locale ? `NEXT_LOCALE=${p.locale}` : "", p.role ? cookies[p.role] : ""].filter(Boolean);
  return parts.length ? { extraHeaders: { Cookie: parts.join("; ") } } : {};
}

/** @type {Record<string, string>} */
const cookies = {};

async function main() {
  fs.mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: chromePath, args: ["--no-sandbox"] });
  let pages;
  try {
    pages = await pagesToAudit(browser);
    for (const role of new Set(pages.map((p) => p.role).filter(Boolean))) {
      const s = await session(browser, role);
      cookies[role] = s.cookie;
      await s.close();
    }
  } finally {
    await browser.close();
  }

  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--lang=zh-CN"] });
  /** @type {Record<string, string | number>[]} */
  const rows = [];
  let below = 0;
  try {
    for (const p of pages) {
      const categories = a11yOnly ? ["accessibility"] : ["performance", "accessibility", "best-practices", "seo"];
      const flags = { port: chrome.port, output: "json", logLevel: "error", onlyCategories: categories, ...cookieHeader(p) };
      const r = await lighthouse(`${base}${p.path}`, flags);
      if (!r) throw new Error(`no result for ${p.path}`);
      fs.writeFileSync(path.join(out, `${p.name}.json`), typeof r.report === "string" ? r.report : JSON.stringify(r.lhr));
      const c = r.lhr.categories;
      const score = (/** @type {string} */ k) => Math.round((c[k]?.score ?? 0) * 100);
      const a = r.lhr.audits;
      const landed = new URL(r.lhr.finalDisplayedUrl).pathname;
      const row = { page: p.name, as: p.role ?? "anonymous", accessibility: score("accessibility") };
      if (!a11yOnly) {
        Object.assign(row, {
          performance: score("performance"),
          "best-practices": score("best-practices"),
          seo: score("seo"),
          FCP: a["first-contentful-paint"]?.displayValue ?? "",
          LCP: a["largest-contentful-paint"]?.displayValue ?? "",
          TBT: a["total-blocking-time"]?.displayValue ?? "",
          CLS: a["cumulative-layout-shift"]?.displayValue ?? "",
        });
      }
      if (landed !== p.path.split("?")[0]) row.landed = landed; // a redirect (e.g. to sign-in) is audited, but shown
      rows.push(row);
      if (score("accessibility") < 100) below++;
      const failing = Object.values(a).filter((x) => x.score !== null && x.score < 1 && c.accessibility.auditRefs.some((ref) => ref.id === x.id && ref.weight > 0));
      for (const f of failing) {
        console.log(`  [${p.name}] accessibility: ${f.id} — ${f.title}`);
        for (const item of (f.details?.items ?? []).slice(0, 5)) console.log(`      ${item.node?.selector ?? ""} ${item.node?.snippet?.slice(0, 160) ?? ""}`);
      }
    }
  } finally {
    chrome.kill();
  }
  console.table(rows);
  if (a11yOnly && below > 0) {
    console.error(`${below} page(s) score under 100 for accessibility`);
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
