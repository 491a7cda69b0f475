/**
 * Lighthouse (mobile, the default form factor) on the public forum and agenda pages of a running server, with the
 * system Chromium. Prints performance / accessibility / best-practices / SEO scores and writes the JSON reports.
 *
 *   npm run serve &                                   # or any running instance
 *   node scripts/lighthouse.mjs [baseURL] [slug]
 *
 * Plain JavaScript on purpose: tsx would add esbuild's __name helper to functions Lighthouse runs inside the page.
 *
 * Defaults: http://127.0.0.1:3000 and the Yantan forum. LIGHTHOUSE_OUT (default test-results/lighthouse) holds the reports.
 */
import fs from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const base = (process.argv[2] || "http://127.0.0.1:3000").replace(/\/+$/, "");
const slug = process.argv[3] || "yantan-industrial-parks-2025";
const out = process.env.LIGHTHOUSE_OUT || "test-results/lighthouse";
const chromePath = process.env.PLAYWRIGHT_CHROMIUM_PATH || (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

const pages = [
  { name: "forum", url: `${base}/events/${slug}` },
  { name: "agenda", url: `${base}/events/${slug}/agenda` },
];

async function main() {
  fs.mkdirSync(out, { recursive: true });
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--lang=zh-CN"] });
  /** @type {Record<string, string | number>[]} */
  const rows = [];
  try {
    for (const p of pages) {
      const r = await lighthouse(p.url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility", "best-practices", "seo"] });
      if (!r) throw new Error(`no result for ${p.url}`);
      fs.writeFileSync(path.join(out, `${p.name}.json`), typeof r.report === "string" ? r.report : JSON.stringify(r.lhr));
      const c = r.lhr.categories;
      const score = (/** @type {string} */ k) => Math.round((c[k]?.score ?? 0) * 100);
      const a = r.lhr.audits;
      rows.push({
        page: p.name,
        performance: score("performance"),
        accessibility: score("accessibility"),
        "best-practices": score("best-practices"),
        seo: score("seo"),
        FCP: a["first-contentful-paint"]?.displayValue ?? "",
        LCP: a["largest-contentful-paint"]?.displayValue ?? "",
        TBT: a["total-blocking-time"]?.displayValue ?? "",
        CLS: a["cumulative-layout-shift"]?.displayValue ?? "",
      });
      const failing = Object.values(a).filter((x) => x.score !== null && x.score < 1 && r.lhr.categories.accessibility.auditRefs.some((ref) => ref.id === x.id));
      for (const f of failing) console.log(`  [${p.name}] accessibility: ${f.id} — ${f.title}`);
    }
  } finally {
    chrome.kill();
  }
  console.table(rows);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
