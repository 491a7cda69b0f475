/**
 * The growth curve as a picture: an SVG chart (log x: 10k / 100k / 1M registrations; log y: ms; one line per measure)
 * over a table of the values and the 1M / 10k ratio, rendered to PNG by headless Chromium (playwright-core).
 *
 *   node --import tsx scripts/bench/growth-chart.ts [bench/growth.json] [docs/img/growth-curve.png]
 */
import fs from "node:fs";
import path from "node:path";
import type { GrowthResult } from "./growth";

export const CHART_PNG = "docs/img/growth-curve.png";
/** Target of the issue: every figure at 1M within this factor of its value at 10k. */
export const GROWTH_LIMIT = 1.5;

const COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#0b3d91", "#b8860b"];
const DASHES = ["", "6 3", "2 3"];

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const fmtMs = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const fmtRows = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);

export function growthChartSvg(r: GrowthResult): string {
  const W = 1200;
  const plot = { x: 90, y: 90, w: 760, h: 440 };
  const rowH = 26;
  const tableY = plot.y + plot.h + 80;
  const H = tableY + 34 + r.measures.length * rowH + 40;
  const sizes = r.stages.map((s) => s.rows);
  const values = r.stages.flatMap((s) => Object.values(s.figures)).filter((v) => v > 0);
  const lo = Math.floor(Math.log10(Math.min(...values)));
  const hi = Math.ceil(Math.log10(Math.max(...values)));
  const xOf = (n: number) => plot.x + 40 + ((Math.log10(n) - Math.log10(sizes[0])) / (Math.log10(sizes.at(-1)!) - Math.log10(sizes[0]) || 1)) * (plot.w - 80);
  const yOf = (v: number) => plot.y + plot.h - ((Math.log10(v) - lo) / (hi - lo || 1)) * plot.h;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="DejaVu Sans, Arial, sans-serif">`);
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  out.push(`<text x="${W / 2}" y="34" font-size="22" font-weight="bold" text-anchor="middle">Growth curve: one 10,000-registration forum as the database grows to 1,000,000 registrations</text>`);
  const load = r.stages.map((s) => s.loadavg[0].toFixed(1)).join(" / ");
  out.push(
    `<text x="${W / 2}" y="60" font-size="14" fill="#444" text-anchor="middle">${esc(`Postgres, production server over loopback, median ms per request · ${r.machine.cpus} cores · load average ${load} · ${r.machine.at.slice(0, 16).replace("T", " ")} UTC`)}</text>`,
  );
  // grid: y at 1, 2, 5 × 10^k
  for (let k = lo; k <= hi; k++)
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** k;
      if (Math.log10(v) > hi + 1e-9) continue;
      const y = yOf(v);
      out.push(`<line x1="${plot.x}" x2="${plot.x + plot.w}" y1="${y}" y2="${y}" stroke="${m === 1 ? "#ccc" : "#eee"}"/>`);
      out.push(`<text x="${plot.x - 8}" y="${y + 4}" font-size="13" text-anchor="end" fill="#333">${v >= 1 ? v : v.toFixed(-k)}</text>`);
    }
  for (const n of sizes) {
    const x = xOf(n);
    out.push(`<line x1="${x}" x2="${x}" y1="${plot.y}" y2="${plot.y + plot.h}" stroke="#ddd"/>`);
    out.push(`<text x="${x}" y="${plot.y + plot.h + 22}" font-size="15" text-anchor="middle">${fmtRows(n)}</text>`);
  }
  out.push(`<rect x="${plot.x}" y="${plot.y}" width="${plot.w}" height="${plot.h}" fill="none" stroke="#888"/>`);
  out.push(`<text x="${plot.x + plot.w / 2}" y="${plot.y + plot.h + 50}" font-size="15" text-anchor="middle">registrations in the database (log scale)</text>`);
  out.push(`<text transform="translate(28 ${plot.y + plot.h / 2}) rotate(-90)" font-size="15" text-anchor="middle">ms per request (log scale)</text>`);
  r.measures.forEach((m, i) => {
    const color = COLORS[i % COLORS.length];
    const dash = DASHES[Math.floor(i / 4) % DASHES.length];
    const pts = r.stages.map((s) => [xOf(s.rows), yOf(s.figures[m.key])] as const);
    out.push(`<polyline points="${pts.map((p) => p.join(",")).join(" ")}" fill="none" stroke="${color}" stroke-width="2.5" stroke-dasharray="${dash}"/>`);
    for (const [x, y] of pts) out.push(`<circle cx="${x}" cy="${y}" r="4" fill="${color}"/>`);
  });
  // legend, right of the plot: the measure's number, its colour and line
  const lx = plot.x + plot.w + 24;
  out.push(`<text x="${lx}" y="${plot.y + 4}" font-size="15" font-weight="bold">Measures</text>`);
  r.measures.forEach((m, i) => {
    const y = plot.y + 30 + i * 40;
    out.push(`<line x1="${lx}" x2="${lx + 34}" y1="${y}" y2="${y}" stroke="${COLORS[i % COLORS.length]}" stroke-width="3" stroke-dasharray="${DASHES[Math.floor(i / 4) % DASHES.length]}"/>`);
    const words = m.label.split(" ");
    const lines: string[] = [""];
    for (const w of words) {
      if (lines.at(-1)!.length + w.length > 30) lines.push(w);
      else lines[lines.length - 1] = `${lines.at(-1)} ${w}`.trim();
    }
    lines.forEach((l, j) => out.push(`<text x="${lx + 42}" y="${y + 5 + j * 15}" font-size="13">${esc(l)}</text>`));
  });
  // the table of values
  const cols = [60, 0, 560, 690, 820, 1140];
  out.push(`<text x="${cols[0]}" y="${tableY}" font-size="14" font-weight="bold">measure (median ms)</text>`);
  sizes.forEach((n, j) => out.push(`<text x="${cols[2 + j]}" y="${tableY}" font-size="14" font-weight="bold" text-anchor="end">${fmtRows(n)}</text>`));
  out.push(`<text x="${cols[5]}" y="${tableY}" font-size="14" font-weight="bold" text-anchor="end">1M ÷ 10k (target ≤ ${GROWTH_LIMIT}×)</text>`);
  out.push(`<line x1="${cols[0]}" x2="${W - 60}" y1="${tableY + 8}" y2="${tableY + 8}" stroke="#888"/>`);
  r.measures.forEach((m, i) => {
    const y = tableY + 30 + i * rowH;
    if (i % 2 === 0) out.push(`<rect x="${cols[0] - 6}" y="${y - 18}" width="${W - 108}" height="${rowH}" fill="#f5f7fa"/>`);
    out.push(`<line x1="${cols[0]}" x2="${cols[0] + 26}" y1="${y - 5}" y2="${y - 5}" stroke="${COLORS[i % COLORS.length]}" stroke-width="3" stroke-dasharray="${DASHES[Math.floor(i / 4) % DASHES.length]}"/>`);
    out.push(`<text x="${cols[0] + 36}" y="${y}" font-size="14">${esc(m.label)}</text>`);
    r.stages.forEach((s, j) => out.push(`<text x="${cols[2 + j]}" y="${y}" font-size="14" text-anchor="end">${fmtMs(s.figures[m.key])}</text>`));
    const ratio = r.stages.at(-1)!.figures[m.key] / r.stages[0].figures[m.key];
    const ok = ratio <= GROWTH_LIMIT;
    out.push(`<text x="${cols[5]}" y="${y}" font-size="14" font-weight="bold" text-anchor="end" fill="${ok ? "#1a7f37" : "#c62828"}">${ratio.toFixed(2)}× ${ok ? "✓" : "✗"}</text>`);
  });
  out.push("</svg>");
  return out.join("\n");
}

/** Renders the SVG to a PNG with the system Chromium (headless, --no-sandbox), at twice the pixel density. */
export async function renderPng(svg: string, outFile: string): Promise<void> {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", headless: true, args: ["--no-sandbox"] });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 2, viewport: { width: 1200, height: 800 } });
    await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    await page.locator("svg").screenshot({ path: outFile });
  } finally {
    await browser.close();
  }
}

if (require.main === module) {
  const [json = "bench/growth.json", png = CHART_PNG] = process.argv.slice(2);
  const r = JSON.parse(fs.readFileSync(json, "utf8")) as GrowthResult;
  renderPng(growthChartSvg(r), png).then(
    () => console.log(`Written ${png}`),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
