import sharp from "sharp";
import { publicRoute } from "@/lib/actions/route";
import { slugParams } from "@/lib/http/params";
import { formatDate } from "@/lib/i18n/format";
import { publicReportDetail } from "@/lib/reports/queries";

export const dynamic = "force-dynamic";

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);

/** Split a title into lines of at most `n` characters (CJK has no spaces to break on). */
function lines(text: string, n: number, max: number): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length && out.length < max; i += n) out.push(chars.slice(i, i + n).join(""));
  if (chars.length > n * max) out[max - 1] = `${[...out[max - 1]].slice(0, n - 1).join("")}…`;
  return out;
}

/**
 * GET /reports/{slug}/og.png: the Open Graph image of a report without photos, 1200×630, drawn from SVG by sharp
 * (system CJK fonts; no network, no font download).
 */
export const GET = publicRoute("a published report's share image", { params: slugParams }, async ({ db, params }) => {
  const r = await publicReportDetail(db, params.slug);
  if (!r) return new Response("Not found", { status: 404 });
  const title = lines(r.title, 18, 3);
  const fig = r.figures[0];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#0f2f5f"/><stop offset="1" stop-color="#174c99"/></linearGradient></defs>
  <rect width="1200" height="630" fill="url(#g)"/>
  <text x="80" y="110" font-family="Noto Sans CJK SC, Noto Sans SC, sans-serif" font-size="30" fill="#d9eaff">会务 Huiwu · 会后报道</text>
  ${title.map((l, i) => `<text x="80" y="${220 + i * 78}" font-family="Noto Sans CJK SC, Noto Sans SC, sans-serif" font-weight="700" font-size="60" fill="#ffffff">${esc(l)}</text>`).join("")}
  ${fig ? `<text x="80" y="520" font-family="Noto Sans CJK SC, sans-serif" font-size="34" fill="#fcd34d">${esc(`${fig.label} ${fig.value}${fig.unit ?? ""} ${fig.change ?? ""}`)}</text>` : ""}
  <text x="80" y="580" font-family="Noto Sans CJK SC, sans-serif" font-size="26" fill="#d9eaff">${esc([r.byline, r.publishedAt ? formatDate(r.publishedAt, r.event.timezone, "zh-CN") : ""].filter(Boolean).join(" · "))}</text>
</svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  return new Response(new Uint8Array(png), {
    headers: { "Content-Type": "image/png", "Cache-Control": "public, max-age=3600", "X-Content-Type-Options": "nosniff" },
  });
});
