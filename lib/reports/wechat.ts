/**
 * A report for the WeChat official-account editor (公众号编辑器). That editor keeps only inline styles on paste (no
 * classes, ids, <style> or external CSS) and fetches a pasted <img> from its absolute http(s) URL. So: the report's
 * own rendered HTML (lib/reports/serialize.ts → the one sanitizer in lib/shared/report-html.ts; photos placed under a
 * section go through the same photo reference), then one pass that puts an inline style on each element, drops every
 * class/id/data-* attribute and makes image URLs absolute. The title is left out: WeChat has its own title field.
 */
import "server-only";
import sanitizeHtml from "sanitize-html";
import type { Db } from "@/db/client";
import { appBaseUrl } from "@/lib/env";
import { htmlToText, renderStoredHtml } from "@/lib/shared/report-html";
import { reportForEditor, type EditorReport } from "./queries";
import { renderedReport, reportRefs } from "./serialize";

const ACCENT = "#1d4ed8";
const TEXT = "#1f2937";
const GREY = "#666666";

/** The inline style of each element WeChat gets (Chinese typography: 16px, line-height 1.75, justified paragraphs). */
const STYLES: Record<string, string> = {
  section: "margin:0 0 24px 0;",
  p: `margin:0 0 16px 0;font-size:16px;line-height:1.75;color:${TEXT};text-align:justify;letter-spacing:0.5px;`,
  h2: `margin:28px 0 14px 0;padding:0 0 0 10px;border-left:4px solid ${ACCENT};font-size:18px;line-height:1.5;font-weight:bold;color:#111827;`,
  h3: `margin:22px 0 12px 0;padding:0 0 0 8px;border-left:3px solid ${ACCENT};font-size:17px;line-height:1.5;font-weight:bold;color:#111827;`,
  h4: `margin:18px 0 10px 0;font-size:16px;line-height:1.5;font-weight:bold;color:#111827;`,
  ul: `margin:0 0 16px 0;padding:0 0 0 1.5em;font-size:16px;line-height:1.75;color:${TEXT};`,
  ol: `margin:0 0 16px 0;padding:0 0 0 1.5em;font-size:16px;line-height:1.75;color:${TEXT};`,
  li: "margin:0 0 6px 0;text-align:justify;",
  blockquote: `margin:0 0 16px 0;padding:8px 12px;border-left:3px solid #d1d5db;background:#f9fafb;color:#4b5563;font-size:15px;line-height:1.75;`,
  figure: "margin:20px 0;padding:0;text-align:center;",
  img: "display:block;max-width:100%;height:auto;margin:0 auto;",
  figcaption: `margin:8px 0 0 0;font-size:13px;line-height:1.6;color:${GREY};text-align:center;`,
  table: "width:100%;margin:0 0 16px 0;border-collapse:collapse;font-size:14px;line-height:1.6;",
  th: `padding:6px 8px;border:1px solid #d1d5db;background:#f3f4f6;font-weight:bold;color:#111827;text-align:left;`,
  td: `padding:6px 8px;border:1px solid #d1d5db;color:${TEXT};text-align:left;`,
  a: `color:${ACCENT};text-decoration:none;`,
  strong: "font-weight:bold;",
  b: "font-weight:bold;",
  mark: "background:#fef08a;",
  span: "",
  hr: "margin:24px 0;border:0;border-top:1px solid #e5e7eb;",
  code: "font-family:Menlo,Consolas,monospace;font-size:14px;background:#f3f4f6;padding:0 4px;",
  pre: "margin:0 0 16px 0;padding:12px;background:#f3f4f6;font-size:14px;line-height:1.6;white-space:pre-wrap;",
  small: `font-size:13px;color:${GREY};`,
};

/** Inline figures inside the text stand out as in the page (report-prose.css's .inline-figure). */
const INLINE_FIGURE = `font-weight:bold;color:${ACCENT};`;

const TAGS = [...Object.keys(STYLES), "br", "em", "i", "del", "s", "u", "sup", "sub", "thead", "tbody", "tr"];

/** Our markup → WeChat's: inline styles only, no class/id/data-*, absolute image URLs (only our own /media/). */
export function inlineForWechat(html: string, origin: string): string {
  return sanitizeHtml(html, {
    allowedTags: TAGS,
    allowedAttributes: {
      "*": ["style"],
      a: ["href", "style"],
      img: ["src", "alt", "style"],
      th: ["colspan", "rowspan", "style"],
      td: ["colspan", "rowspan", "style"],
      ol: ["start", "style"],
    },
    allowedSchemes: ["http", "https", "mailto"],
    allowProtocolRelative: false,
    transformTags: {
      "*": (tagName, attribs) => {
        const figure = tagName === "span" && /\binline-figure\b/.test(attribs.class ?? "");
        const style = (figure ? INLINE_FIGURE : (STYLES[tagName] ?? "")) + (attribs.style ?? "");
        const kept: Record<string, string> = {};
        for (const k of ["href", "alt", "colspan", "rowspan", "start"]) if (attribs[k] !== undefined) kept[k] = attribs[k];
        if (tagName === "img" && attribs.src) kept.src = attribs.src.startsWith("/") ? `${origin}${attribs.src}` : attribs.src;
        if (style) kept.style = style;
        return { tagName, attribs: kept };
      },
    },
    exclusiveFilter: (frame) => frame.tag === "img" && !/^https?:\/\//.test(frame.attribs.src ?? ""),
  });
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export type WechatLabels = { figures: string; gallery: string };
type Source = Pick<EditorReport, "byline" | "lead" | "leadFormat" | "sections" | "figures" | "photos" | "photoCredit">;

/** The key figures as a block of plain markup (a two-column table: WeChat keeps tables, drops grid/flex often). */
function figuresBlock(title: string, figures: Source["figures"]): string {
  const cells = figures.map(
    (f) =>
      `<td style="width:50%;padding:10px 12px;border:4px solid #eff6ff;background:#ffffff;vertical-align:top;text-align:center;">` +
      `<p style="margin:0;font-size:24px;line-height:1.3;font-weight:bold;color:${ACCENT};text-align:center;">${esc(f.value)}${f.unit ? `<span style="margin-left:2px;font-size:14px;font-weight:normal;color:${GREY};">${esc(f.unit)}</span>` : ""}</p>` +
      `<p style="margin:4px 0 0 0;font-size:14px;line-height:1.5;color:${TEXT};text-align:center;">${esc(f.label)}</p>` +
      (f.change || f.period
        ? `<p style="margin:2px 0 0 0;font-size:12px;line-height:1.5;color:${GREY};text-align:center;">${[f.change, f.period].filter(Boolean).map((x) => esc(x!)).join(" ")}</p>`
        : "") +
      `</td>`,
  );
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += 2) rows.push(`<tr>${cells[i]}${cells[i + 1] ?? `<td style="width:50%;border:4px solid #eff6ff;background:#eff6ff;"></td>`}</tr>`);
  return (
    `<section style="margin:24px 0;padding:12px;background:#eff6ff;border-radius:8px;">` +
    `<p style="margin:0 0 8px 0;font-size:15px;line-height:1.5;font-weight:bold;color:#1e3a8a;text-align:center;">${esc(title)}</p>` +
    `<table style="width:100%;border-collapse:collapse;"><tbody>${rows.join("")}</tbody></table></section>`
  );
}

/**
 * The report as WeChat-ready HTML (inline styles only) and as plain text. Same content and order as the public page:
 * byline, lead, key figures, sections (heading, text, the photos placed under it), the remaining photos.
 */
export function wechatReport(r: Source, labels: WechatLabels, origin: string = appBaseUrl()): { html: string; text: string } {
  const body = renderedReport(r);
  const refs = reportRefs(r);
  const photo = (id: string) => renderStoredHtml(`<figure data-photo="${id}"></figure>`, refs);
  const placed = r.photos.filter((p) => !body.inlinePhotoIds.has(p.id));
  const gallery = placed.filter((p) => p.sectionOrder == null || p.sectionOrder > r.sections.length);

  const parts: string[] = [];
  if (r.byline) parts.push(`<p style="margin:0 0 20px 0;font-size:14px;line-height:1.6;color:${GREY};">${esc(r.byline)}</p>`);
  if (r.lead) parts.push(`<section>${body.lead}</section>`);
  if (r.figures.length) parts.push(figuresBlock(labels.figures, r.figures));
  for (const s of body.sections) {
    const under = placed.filter((p) => p.sectionOrder === s.order).map((p) => photo(p.id));
    parts.push(`<section>${s.heading ? `<h2>${esc(s.heading)}</h2>` : ""}${s.html}${under.join("")}</section>`);
  }
  if (gallery.length) parts.push(`<section><h2>${esc(labels.gallery)}</h2>${gallery.map((p) => photo(p.id)).join("")}</section>`);

  // the figures block is already styled: only the report's own markup goes through the inline pass
  const html = parts.map((p) => (p.startsWith("<section style=") || p.startsWith("<p style=") ? p : inlineForWechat(p, origin))).join("");
  const wrapped = `<section style="font-size:16px;line-height:1.75;color:${TEXT};">${html}</section>`;
  return { html: wrapped, text: htmlToText(wrapped, { lines: true }) };
}

/** The report of this forum (any status: an editor copies drafts too), or null. */
export async function wechatReportOf(db: Db, eventId: string, reportId: string, labels: WechatLabels) {
  const r = await reportForEditor(db, eventId, reportId);
  return r ? wechatReport(r, labels) : null;
}
