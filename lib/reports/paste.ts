/**
 * Pasted HTML (Word, WeChat articles, web pages) → the structure the report editor keeps. Pure and client-safe: the
 * editor runs it on paste (TipTap's transformPastedHTML), and the server sanitizer (lib/shared/report-html.ts) runs on
 * save regardless.
 *
 * Kept: headings (h1 → h2, h4–h6 → h3), paragraphs, lists (Word's "mso-list" paragraphs become real nested lists),
 * tables (cell merges kept), bold/italic/underline/strike (also when WeChat or a web page says it with a style),
 * links (http/https/mailto), block quotes, and images of this site only (/media/…).
 * Dropped: Office namespaces (<o:p>, <v:…>, <w:…>), comments and conditional blocks, style/class/id/lang/data-*
 * attributes, <span>/<font>/<section>/<div> wrappers (a wrapper holding only text becomes a paragraph), list bullets
 * Word writes as text, other images (WeChat's mmbiz.qpic.cn …), empty paragraphs.
 */
import { parseDocument } from "htmlparser2";
import type { ChildNode, Element } from "domhandler";

type Out = { tag: string; attrs?: Record<string, string>; children: OutNode[] } | { text: string };
type OutNode = Out;

const SAFE_MEDIA = /^\/media\/[A-Za-z0-9_-]{22}(?:\.w(?:640|1280))?$/;
const SAFE_HREF = /^(?:https?:|mailto:)/i;
const RENAME: Record<string, string> = { b: "strong", i: "em", strike: "s", del: "s", h1: "h2", h4: "h3", h5: "h3", h6: "h3" };
const KEEP = new Set(["p", "br", "hr", "h2", "h3", "strong", "em", "u", "s", "sup", "sub", "blockquote", "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td"]);
const DROP = new Set(["script", "style", "meta", "link", "title", "head", "xml", "template", "noscript", "iframe", "object", "embed", "svg", "math", "button", "input", "select", "textarea", "form", "video", "audio", "canvas"]);
const BLOCK = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "blockquote", "div", "section", "article", "header", "footer", "figure", "hr", "pre"]);
const WRAPPER = new Set(["div", "section", "article", "header", "footer", "main", "figure", "center"]);

const isEl = (n: ChildNode): n is Element => n.type === "tag" || n.type === "script" || n.type === "style";
const style = (el: Element) => (el.attribs.style ?? "").toLowerCase().replace(/\s+/g, "");
const textOf = (n: ChildNode): string => ("data" in n && n.type === "text" ? n.data : isEl(n) ? n.children.map(textOf).join("") : "");

/** A Word list paragraph: `mso-list:l0 level2 lfo1` in its style (the bullet itself sits in an `mso-list:Ignore` span). */
function wordList(el: Element): { level: number; ordered: boolean } | null {
  if (el.name !== "p" && !/^h\d$/.test(el.name)) return null;
  const m = /mso-list:l\d+level(\d+)/.exec(style(el));
  if (!m) return null;
  const bullet = findIgnore(el)
    .map(textOf)
    .join("")
    .replace(/[\s\u00a0]+/g, "");
  const ordered = /^(?:\(?[0-9一二三四五六七八九十]+[.、)）]|[a-z][.)]|[ivxlc]+[.)])/i.test(bullet);
  return { level: Number(m[1]), ordered };
}
function findIgnore(el: Element): Element[] {
  const out: Element[] = [];
  for (const c of el.children) {
    if (!isEl(c)) continue;
    if (/mso-list:ignore/.test(style(c))) out.push(c);
    else out.push(...findIgnore(c));
  }
  return out;
}

function convertChildren(nodes: ChildNode[]): OutNode[] {
  const out: OutNode[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    if (isEl(n) && wordList(n)) {
      // a run of Word list paragraphs (blank text between them allowed) → nested lists
      const run: { el: Element; level: number; ordered: boolean }[] = [];
      let j = i;
      for (; j < nodes.length; j++) {
        const x = nodes[j];
        if (x.type === "text" && !x.data.trim()) continue;
        const info = isEl(x) ? wordList(x) : null;
        if (!info) break;
        run.push({ el: x as Element, ...info });
      }
      out.push(...nestList(run));
      i = j - 1;
      continue;
    }
    out.push(...convert(n));
  }
  return out;
}

function nestList(items: { el: Element; level: number; ordered: boolean }[]): OutNode[] {
  const root: OutNode[] = [];
  const stack: { level: number; list: Extract<Out, { tag: string }> }[] = [];
  for (const it of items) {
    while (stack.length && stack[stack.length - 1].level > it.level) stack.pop();
    let top = stack[stack.length - 1];
    if (!top || top.level < it.level) {
      const list: Extract<Out, { tag: string }> = { tag: it.ordered ? "ol" : "ul", children: [] };
      if (top) {
        const lastLi = top.list.children[top.list.children.length - 1] as Extract<Out, { tag: string }> | undefined;
        (lastLi ?? top.list).children.push(list);
      } else root.push(list);
      stack.push({ level: it.level, list });
      top = stack[stack.length - 1];
    }
    const content = convertChildren(it.el.children.filter((c) => !(isEl(c) && /mso-list:ignore/.test(style(c)))));
    top.list.children.push({ tag: "li", children: [{ tag: "p", children: trimInline(content) }] });
  }
  return root;
}

function convert(n: ChildNode): OutNode[] {
  if (n.type === "text") return [{ text: n.data.replace(/\u00a0/g, " ") }];
  if (!isEl(n)) return []; // comments, directives (<![if !supportLists]>), CDATA
  const name = n.name.toLowerCase();
  if (DROP.has(name) || name.includes(":")) return []; // o:p, v:shape, w:sdt …
  if (/mso-list:ignore/.test(style(n)) || /display:none/.test(style(n))) return [];
  const children = () => convertChildren(n.children);
  if (WRAPPER.has(name)) {
    // WeChat wraps everything in <section>s: a wrapper of blocks goes away, a wrapper of text is a paragraph
    const hasBlock = n.children.some((c) => isEl(c) && (BLOCK.has(c.name) || hasBlockInside(c)));
    return hasBlock ? children() : [{ tag: "p", children: children() }];
  }
  if (name === "span" || name === "font") {
    const s = style(n);
    let kids = children();
    if (/font-weight:(bold|[6-9]00)/.test(s)) kids = [{ tag: "strong", children: kids }];
    if (/font-style:italic/.test(s)) kids = [{ tag: "em", children: kids }];
    return kids;
  }
  const tag = RENAME[name] ?? name;
  if (tag === "img") {
    const src = n.attribs.src ?? "";
    return SAFE_MEDIA.test(src) ? [{ tag: "img", attrs: { src, alt: n.attribs.alt ?? "" }, children: [] }] : [];
  }
  if (tag === "a") {
    const href = (n.attribs.href ?? "").trim();
    return SAFE_HREF.test(href) ? [{ tag: "a", attrs: { href }, children: children() }] : children();
  }
  if (!KEEP.has(tag)) return children();
  const attrs: Record<string, string> = {};
  if (tag === "td" || tag === "th") for (const k of ["colspan", "rowspan"]) if (/^[1-9]\d?$/.test(n.attribs[k] ?? "")) attrs[k] = n.attribs[k];
  if (tag === "ol" && /^\d{1,4}$/.test(n.attribs.start ?? "")) attrs.start = n.attribs.start;
  return [{ tag, attrs, children: children() }];
}
function hasBlockInside(el: Element): boolean {
  return el.children.some((c) => isEl(c) && (BLOCK.has(c.name) || hasBlockInside(c)));
}

/** Leading/trailing blanks of a paragraph (Word indents with runs of &nbsp;). */
function trimInline(nodes: OutNode[]): OutNode[] {
  const out = [...nodes];
  while (out.length && "text" in out[0] && !out[0].text.trim()) out.shift();
  while (out.length && "text" in out[out.length - 1] && !(out[out.length - 1] as { text: string }).text.trim()) out.pop();
  if (out.length && "text" in out[0]) out[0] = { text: out[0].text.replace(/^\s+/, "") };
  const last = out.length - 1;
  if (last >= 0 && "text" in out[last]) out[last] = { text: (out[last] as { text: string }).text.replace(/\s+$/, "") };
  return out;
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
const VOID = new Set(["br", "hr", "img"]);
const EMPTY_OK = new Set(["br", "hr", "img", "td", "th", "tr"]);

/** Nothing to read: blanks, or (in a paragraph) only line breaks — what Word's <o:p>&nbsp;</o:p> and WeChat's spacers are. */
function isEmpty(n: OutNode): boolean {
  if ("text" in n) return !n.text.trim();
  if (EMPTY_OK.has(n.tag)) return false;
  return n.children.every((c) => isEmpty(c) || (!("text" in c) && c.tag === "br"));
}
const STRUCTURAL = new Set(["table", "thead", "tbody", "tr", "ul", "ol"]);

function serialize(nodes: OutNode[], parentBlock = true, parent = ""): string {
  let s = "";
  for (const n of nodes) {
    if ("text" in n) {
      if (STRUCTURAL.has(parent) && !n.text.trim()) continue; // blanks between rows, cells, items
      s += esc(parentBlock ? n.text.replace(/\s+/g, " ") : n.text.replace(/[ \t\r\n]+/g, " "));
      continue;
    }
    if (isEmpty(n) && (BLOCK.has(n.tag) || ["strong", "em", "u", "s", "a", "sup", "sub"].includes(n.tag))) continue; // empty paragraphs, empty bold runs
    const attrs = Object.entries(n.attrs ?? {})
      .map(([k, v]) => ` ${k}="${esc(v)}"`)
      .join("");
    if (VOID.has(n.tag)) {
      s += `<${n.tag}${attrs}>`;
      continue;
    }
    const kids = ["p", "h2", "h3", "li", "td", "th"].includes(n.tag) ? trimInline(n.children) : n.children;
    s += `<${n.tag}${attrs}>${serialize(kids, false, n.tag)}</${n.tag}>`;
  }
  return s;
}

/** Pasted HTML → clean HTML with the editor's structure only. */
export function cleanPastedHtml(html: string): string {
  // Word's conditional comments hold its XML settings and VML fallbacks (the bullets sit in <![if !supportLists]>, kept)
  const src = html.replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, "");
  const doc = parseDocument(src, { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true });
  const body = findBody(doc.children) ?? doc.children;
  return serialize(mergeAdjacentText(convertChildren(body)))
    .replace(/(<\/(?:p|h2|h3|li|ul|ol|table|tr|blockquote)>)\s+/g, "$1")
    .trim();
}
function findBody(nodes: ChildNode[]): ChildNode[] | null {
  for (const n of nodes) {
    if (!isEl(n)) continue;
    if (n.name === "body") return n.children;
    const inner = findBody(n.children);
    if (inner) return inner;
  }
  return null;
}
function mergeAdjacentText(nodes: OutNode[]): OutNode[] {
  const out: OutNode[] = [];
  for (const n of nodes) {
    const last = out[out.length - 1];
    if ("text" in n && last && "text" in last) out[out.length - 1] = { text: last.text + n.text };
    else out.push("text" in n ? n : { ...n, children: mergeAdjacentText(n.children) });
  }
  return out;
}
