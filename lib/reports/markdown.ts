/**
 * Markdown → safe HTML, on output: the stored source is kept exactly as typed; every render goes through
 * marked (GFM) and then sanitize-html with a strict allow-list. No script/style/iframe/object/embed/svg/math/form,
 * no on* handlers, no style attributes, links only http(s)/mailto/relative, images only from this site's /media/.
 * Used by the public pages, the API, the feed and the editor's preview (a server action), so one path decides.
 */
import { Marked, type TokenizerAndRendererExtension } from "marked";
import sanitizeHtml from "sanitize-html";

const marked = new Marked({ gfm: true, breaks: false, async: false });

const ALLOWED_TAGS = [
  "p", "br", "hr", "h2", "h3", "h4", "strong", "b", "em", "i", "del", "s", "u", "sup", "sub", "mark", "small",
  "blockquote", "ul", "ol", "li", "a", "img", "code", "pre", "table", "thead", "tbody", "tr", "th", "td",
  "figure", "figcaption", "span",
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
    span: ["class"],
  },
  allowedClasses: { span: ["inline-figure"] },
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
 * `{{fig:N}}` as a Markdown inline token: only where text is (never inside a link's URL or title, an image's alt, a
 * code span), rendered as the figure's value and unit, escaped; an unknown N stays as typed.
 */
function figureExtension(figures: InlineFigure[]): TokenizerAndRendererExtension {
  return {
    name: "inlineFigure",
    level: "inline",
    start: (src) => src.match(/\{\{\s*fig:/)?.index,
    tokenizer(src) {
      const m = /^\{\{\s*fig:(\d{1,3})\s*\}\}/.exec(src);
      return m ? { type: "inlineFigure", raw: m[0], n: Number(m[1]) } : undefined;
    },
    renderer(token) {
      const f = figures[(token as unknown as { n: number }).n - 1];
      return f ? `<span class="inline-figure">${escapeHtml(`${f.value}${f.unit ? ` ${f.unit}` : ""}`)}</span>` : escapeHtml(token.raw);
    },
  };
}

/**
 * Render a section body. `{{fig:N}}` (N = the figure's position, from 1) becomes that key figure's value and unit —
 * substituted while parsing, BEFORE sanitizing, so the sanitizer sees the final markup: a figure is usable inline and
 * can never inject markup or break an attribute's quoting (it used to be replaced in the sanitized HTML, even inside
 * a link's title).
 */
export function renderMarkdown(source: string, figures: InlineFigure[] = []): string {
  const withFigures = new Marked(
    { gfm: true, breaks: false, async: false },
    {
      extensions: [figureExtension(figures)],
      // an image's alt is an attribute: its text stays as typed
      walkTokens: (t) => {
        if (t.type === "image") t.tokens = [{ type: "text", raw: t.text, text: t.text, escaped: false }];
      },
    },
  );
  return sanitize(withFigures.parse(source ?? "") as string);
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
