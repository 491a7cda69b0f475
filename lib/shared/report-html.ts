/**
 * The one report sanitizer, and the bodies it guards. A body is stored as sanitized HTML (the rich-text editor's
 * output, format "html", sanitized on save) or, in rows written before the editor, as Markdown (format "markdown",
 * converted once by lib/reports/legacy.ts). Every render goes through sanitize-html with a strict allow-list again:
 * no script/style/iframe/object/embed/svg/math/form, no on* handlers, no style attributes, links only
 * http(s)/mailto/relative, images only from this site's /media/. Used by the public pages, the API, the feed and the
 * editor's preview (a server action), so one path decides.
 *
 * Stored HTML carries two references, filled on render from the report's rows so that editing a figure or a photo's
 * caption updates every place: `<span data-figure="N" class="inline-figure"></span>` (the N-th key figure: value +
 * unit) and `<figure data-photo="<report media id>"></figure>` (an uploaded photo with its caption and credit).
 */
import { Marked, type TokenizerAndRendererExtension } from "marked";
import sanitizeHtml from "sanitize-html";

const marked = new Marked({ gfm: true, breaks: false, async: false });

const ALLOWED_TAGS = [
  "p", "br", "hr", "h2", "h3", "h4", "strong", "b", "em", "i", "del", "s", "u", "sup", "sub", "mark", "small",
  "blockquote", "ul", "ol", "li", "a", "img", "code", "pre", "table", "thead", "tbody", "tr", "th", "td",
  "figure", "figcaption", "span",
];

const FIGURE_REF = /^[1-9]\d{0,2}$/;
const PHOTO_REF = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Only images this site serves (uploaded through lib/storage) may be embedded. */
const SAFE_IMG_SRC = /^\/media\/[A-Za-z0-9_-]{22}(?:\.w(?:640|1280))?$/;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ["href", "title"],
    img: ["src", "alt", "title", "width", "height"],
    th: ["align", "colspan", "rowspan"],
    td: ["align", "colspan", "rowspan"],
    ol: ["start"],
    span: ["class", "data-figure"],
    figure: ["data-photo", "class"],
  },
  allowedClasses: { span: ["inline-figure"], figure: ["report-photo"] },
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
    // references keep only a well-formed value (a position, a UUID)
    span: (tagName, attribs) => {
      const { "data-figure": n, ...rest } = attribs;
      return { tagName, attribs: n !== undefined && FIGURE_REF.test(n) ? { "data-figure": n, class: "inline-figure" } : rest };
    },
    figure: (tagName, attribs) => {
      const { "data-photo": id, ...rest } = attribs;
      return { tagName, attribs: id !== undefined && PHOTO_REF.test(id) ? { ...rest, "data-photo": id.toLowerCase() } : rest };
    },
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

// ---------------------------------------------------------------------------------------------------------------
// Stored HTML (the rich-text editor's format)
// ---------------------------------------------------------------------------------------------------------------

export type ReportFormat = "html" | "markdown";
/** A report photo as a body reference renders it. `url` is under /media/ (anything else is dropped by the sanitizer). */
export type PhotoRef = { id: string; url: string; caption: string | null; credit: string | null; width?: number | null; height?: number | null };
export type RenderRefs = { figures: InlineFigure[]; photos?: PhotoRef[] };

/** Empty paragraphs (what Word, WeChat and a stray Enter leave) carry nothing: dropped. */
const EMPTY_P = /<p>(?:\s|&nbsp;|\u00a0|<br \/>)*<\/p>/g;

/**
 * The form a body is stored in: sanitized with the report allow-list, references emptied (their content is filled on
 * render, never stored), empty paragraphs dropped. Idempotent: sanitizeStored(sanitizeStored(x)) === sanitizeStored(x).
 */
export function sanitizeStored(html: string): string {
  return sanitize(html ?? "")
    .replace(/(<span\b[^>]*\bdata-figure="\d+"[^>]*>)[\s\S]*?(<\/span>)/g, "$1$2")
    .replace(/(<figure\b[^>]*\bdata-photo="[0-9a-f-]+"[^>]*>)[\s\S]*?(<\/figure>)/g, "$1$2")
    .replace(EMPTY_P, "")
    .trim();
}

function figureText(figures: InlineFigure[], n: number): string {
  const f = figures[n - 1];
  return f ? escapeHtml(`${f.value}${f.unit ? ` ${f.unit}` : ""}`) : `{{fig:${n}}}`;
}

function photoHtml(p: PhotoRef): string {
  const caption = [p.caption, p.credit].filter(Boolean).join(" · ");
  const size = p.width && p.height ? ` width="${p.width}" height="${p.height}"` : "";
  return `<figure class="report-photo"><img src="${escapeHtml(p.url)}" alt="${escapeHtml(p.caption ?? "")}"${size} />${caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : ""}</figure>`;
}

/**
 * Stored HTML → the HTML a reader gets: sanitized, each figure reference filled with that figure's value and unit
 * (an unknown one shows its token, as Markdown did), each photo reference with the photo, its caption and credit (a
 * removed photo disappears); then sanitized again, so what the references bring in obeys the same allow-list.
 */
export function renderStoredHtml(html: string, refs: RenderRefs = { figures: [] }): string {
  const photos = new Map((refs.photos ?? []).map((p) => [p.id.toLowerCase(), p]));
  const filled = sanitizeStored(html)
    .replace(/<span\b[^>]*\bdata-figure="(\d+)"[^>]*><\/span>/g, (_m, n) => `<span class="inline-figure">${figureText(refs.figures, Number(n))}</span>`)
    .replace(/<figure\b[^>]*\bdata-photo="([0-9a-f-]+)"[^>]*><\/figure>/g, (_m, id) => {
      const p = photos.get(id);
      return p ? photoHtml(p) : "";
    });
  return sanitize(filled);
}

/** Render a stored body of either format (the public page, the API, the feed, the preview). */
export function renderBody(source: string, format: ReportFormat, refs: RenderRefs = { figures: [] }): string {
  return format === "markdown" ? renderMarkdown(source, refs.figures) : renderStoredHtml(source, refs);
}

/** Plain text of rendered (or stored) HTML: block ends become line breaks, runs of spaces one space. */
export function htmlToText(html: string, opts: { lines?: boolean } = {}): string {
  const text = sanitizeHtml(html.replace(/<\/(p|h[1-6]|li|blockquote|tr|figcaption|figure|pre)>|<br\s*\/?>/gi, "$&\n").replace(/<\/(td|th)>/gi, "$& "), {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: OPTIONS.nonTextTags,
  })
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, " ");
  if (!opts.lines) return text.replace(/\s+/g, " ").trim();
  return text
    .split("\n")
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}

/** Plain text of a body of either format, figures filled (feeds, meta descriptions, revision diffs). */
export function bodyToText(source: string, format: ReportFormat, refs: RenderRefs = { figures: [] }, opts: { lines?: boolean } = {}): string {
  return htmlToText(renderBody(source, format, refs), opts);
}

/**
 * Markdown (a legacy body) → the stored HTML the editor writes: `{{fig:N}}` becomes a figure reference, an image of one
 * of the report's photos (by its URL) a photo reference; everything else is marked's HTML, sanitized for storage.
 */
export function markdownToStoredHtml(source: string, photoIdByUrl: Map<string, string> = new Map()): string {
  const m = new Marked(
    { gfm: true, breaks: false, async: false },
    {
      extensions: [
        {
          name: "inlineFigure",
          level: "inline",
          start: (src: string) => src.match(/\{\{\s*fig:/)?.index,
          tokenizer(src: string) {
            const x = /^\{\{\s*fig:([1-9]\d{0,2})\s*\}\}/.exec(src);
            return x ? { type: "inlineFigure", raw: x[0], n: Number(x[1]) } : undefined;
          },
          renderer: (token) => `<span data-figure="${(token as unknown as { n: number }).n}" class="inline-figure"></span>`,
        },
      ],
      renderer: {
        image({ href, text }) {
          const id = photoIdByUrl.get(href);
          return id ? `<figure data-photo="${id}"></figure>` : `<img src="${escapeHtml(href)}" alt="${escapeHtml(text)}" />`;
        },
      },
      walkTokens: (t) => {
        if (t.type === "image") t.tokens = [{ type: "text", raw: t.text, text: t.text, escaped: false }];
      },
    },
  );
  // a photo figure is a block: lift it out of the paragraph marked put it in
  const html = (m.parse(source ?? "") as string).replace(/<p>((?:\s*<figure data-photo="[^"]+"><\/figure>\s*)+)<\/p>/g, "$1");
  return sanitizeStored(html);
}
