/**
 * What a public page weighs on the wire, as a browser gets it (issue 15, "public pages"): the page's HTML and every
 * script it loads (`<script src>` and `<link rel="preload"|"modulepreload" as="script">`, each counted once, `nomodule`
 * left out), gzipped.
 *
 *   node --import tsx scripts/bench/page-weight.ts <base-url> [path …] [--lang en] [--json]
 *
 * Without paths it measures the home page and, found from its links, the first forum page, that forum's agenda and the
 * first report (the pages the issue's targets name). Each response is read raw, with `accept-encoding: gzip` (or what the caller asks: `br, gzip` gives the brotli figure); a
 * response the server did not compress is gzipped here (level 6, what browsers would get from a compressing proxy)
 * and marked with `*`. Only loopback-or-given hosts are fetched; every loop is bounded by the page's own tags.
 */
import http from "node:http";
import https from "node:https";
import { brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";

export type Weight = { bytes: number; raw: number; compressed: boolean };
export type PageWeight = { path: string; status: number; html: Weight; scripts: { src: string; weight: Weight }[]; js: number; jsRaw: number };

/** One GET, read without decoding: the bytes on the wire and their decoded size. */
function get(url: string, headers: Record<string, string>): Promise<{ status: number; body: Buffer; encoding: string }> {
  const lib = url.startsWith("https:") ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.get(url, { headers: { "accept-encoding": "gzip", ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), encoding: String(res.headers["content-encoding"] ?? "") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${url}`)));
  });
}

async function weigh(url: string, headers: Record<string, string>): Promise<{ status: number; text: string; weight: Weight }> {
  const r = await get(url, headers);
  if (r.encoding === "gzip" || r.encoding === "br") {
    const plain = r.encoding === "br" ? brotliDecompressSync(r.body) : gunzipSync(r.body);
    return { status: r.status, text: plain.toString("utf8"), weight: { bytes: r.body.length, raw: plain.length, compressed: true } };
  }
  if (r.encoding) throw new Error(`${url}: unexpected content-encoding ${r.encoding}`);
  return { status: r.status, text: r.body.toString("utf8"), weight: { bytes: gzipSync(r.body, { level: 6 }).length, raw: r.body.length, compressed: false } };
}

/**
 * The scripts a page loads: `<script src>` plus script preloads, in document order, each once. A `nomodule` script
 * (Next's legacy polyfills) is skipped: browsers that run modules — all that Next supports — never fetch it.
 */
export function scriptSources(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*>/g)) {
    const src = /\bsrc="([^"]+)"/.exec(m[0])?.[1];
    if (src && !/\bnomodule\b/i.test(m[0])) out.add(src.replace(/&amp;/g, "&"));
  }
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0];
    if (!/\brel="(?:preload|modulepreload)"/.test(tag) || (/\brel="preload"/.test(tag) && !/\bas="script"/.test(tag))) continue;
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (href) out.add(href.replace(/&amp;/g, "&"));
  }
  return [...out];
}

export async function pageWeight(base: string, path: string, headers: Record<string, string> = {}): Promise<PageWeight> {
  const page = await weigh(new URL(path, base).toString(), headers);
  const scripts = [];
  for (const src of scriptSources(page.text)) scripts.push({ src, weight: (await weigh(new URL(src, base).toString(), headers)).weight });
  return {
    path,
    status: page.status,
    html: page.weight,
    scripts,
    js: scripts.reduce((n, s) => n + s.weight.bytes, 0),
    jsRaw: scripts.reduce((n, s) => n + s.weight.raw, 0),
  };
}

/** The home page, and from its links the first forum, its agenda and the first report (from /reports). */
export async function defaultPaths(base: string, headers: Record<string, string> = {}): Promise<string[]> {
  const home = (await weigh(new URL("/", base).toString(), headers)).text;
  const forum = /href="(\/events\/[^"/?#]+)"/.exec(home)?.[1];
  const reports = (await weigh(new URL("/reports", base).toString(), headers)).text;
  const report = /href="(\/reports\/(?!feed\.xml)[^"/?#]+)"/.exec(reports)?.[1];
  return ["/", ...(forum ? [forum, `${forum}/agenda`] : []), ...(report ? [report] : [])];
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function table(rows: PageWeight[]): string {
  const lines = [
    "| page | HTML gzip (raw) | JS gzip (raw) | scripts |",
    "| --- | --- | --- | --- |",
    ...rows.map(
      (r) =>
        `| ${r.path}${r.status === 200 ? "" : ` (HTTP ${r.status})`} | ${kb(r.html.bytes)}${r.html.compressed ? "" : "*"} (${kb(r.html.raw)}) | ${kb(r.js)}${r.scripts.some((s) => !s.weight.compressed) ? "*" : ""} (${kb(r.jsRaw)}) | ${r.scripts.length} |`,
    ),
  ];
  return lines.join("\n");
}

async function main() {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const langAt = args.indexOf("--lang");
  const lang = langAt >= 0 ? args[langAt + 1] : undefined;
  const rest = args.filter((a, i) => !a.startsWith("--") && (langAt < 0 || i !== langAt + 1));
  const [base, ...given] = rest;
  if (!base) {
    console.error("usage: page-weight.ts <base-url> [path …] [--lang en|zh-CN] [--json]");
    process.exit(2);
  }
  const headers: Record<string, string> = lang ? { "accept-language": lang } : {};
  const paths = given.length ? given : await defaultPaths(base, headers);
  const rows: PageWeight[] = [];
  for (const p of paths) rows.push(await pageWeight(base, p, headers));
  if (json) console.log(JSON.stringify(rows, null, 2));
  else {
    console.log(table(rows));
    if (rows.some((r) => !r.html.compressed || r.scripts.some((s) => !s.weight.compressed))) console.log("* not compressed by the server: gzipped here (level 6)");
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main().catch((e) => {
  console.error(e);
  process.exit(1);
});
