/**
 * Markdown → safe HTML, on output: the stored source is kept exactly as typed; every render goes through
 * marked (GFM) and then sanitize-html with a strict allow-list. No script/style/iframe/object/embed/svg/math/form,
 * no on* handlers, no style attributes, links only http(s)/mailto/relative, images only from this site's /media/.
 * Used by the public pages, the API, the feed and the editor's preview (a server action), so one path decides.
 */
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

const marked = new Marked({ gfm: true, breaks: false, async: false });

const ALLOWED_TAGS = [
  "p", "br", "hr", "h2", "h3", "h4", "strong", "b", "em", "i", "del", "s", "u", "sup", "sub", "mark", "small",
  "blockquote", "ul", "ol", "li", "a", "img", "code", "pre", "table", "thead", "tbody", "tr", "th", "td",
  "figure", "figcaption",
];

/** Only images this site serves (uploaded through lib/storage) may be embedded. */
const SAFE_IMG_SRC = /^\/media\/[A-Za-z0-9_-]{22}(?:\.w(?:640|1280))?$/;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ["href", "title"],
    img: ["src", "alt", "title", "width", "height"],
    th: ["align"],
    td: ["align"],
    ol: ["start"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: [] },
  allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
  allowProtocolRelative: false,
  allowedIframeHostnames: [],
  // Tags that are dropped together with everything inside them (not just unwrapped).
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "svg", "math", "iframe", "object", "embed", "template", "title", "xmp", "noembed", "noframes", "plaintext"],
  disallowedTagsMode: "discard",
  parser: { lowerCaseTags: true, lowerCaseAttributeNames: true },
  transformTags: {
    h1: "h2", // the page owns the one h1 (the report's title)
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: "nofollow noopener noreferrer" } }),
  },
  exclusiveFilter: (frame) => frame.tag === "img" && !SAFE_IMG_SRC.test(frame.attribs.src ?? ""),
};
// rel is set by transformTags, so it must be allowed on <a>.
(OPTIONS.allowedAttributes as Record<string, string[]>).a.push("rel");

/** Sanitize any HTML string with the report allow-list. */
export function sanitize(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

export type InlineFigure = { value: string; unit: string | null };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * Render a section body. `{{fig:N}}` (N = the figure's position, from 1) is replaced by that key figure's value and
 * unit, escaped, after sanitizing — so a figure is usable inline and can never inject markup.
 */
export function renderMarkdown(source: string, figures: InlineFigure[] = []): string {
  const raw = marked.parse(source ?? "") as string;
  const safe = sanitize(raw);
  return safe.replace(/\{\{\s*fig:(\d{1,3})\s*\}\}/g, (whole, n: string) => {
    const f = figures[Number(n) - 1];
    return f ? `<span class="inline-figure">${escapeHtml(`${f.value}${f.unit ? ` ${f.unit}` : ""}`)}</span>` : escapeHtml(whole);
  });
}

/** Plain text of a Markdown source (feeds, meta descriptions). */
export function markdownToText(source: string): string {
  const html = marked.parse(source ?? "") as string;
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {}, nonTextTags: OPTIONS.nonTextTags })
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}
