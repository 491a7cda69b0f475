"use client";
/**
 * The report's rich-text field (TipTap 3 on ProseMirror). Loaded only in the console, lazily (report-editor.tsx
 * imports it with next/dynamic, ssr: false), never on a public page.
 *
 * Writes HTML the server sanitizes on save (lib/shared/report-html.ts). Key figures and photos are references, not
 * copies: a figure chip is `<span data-figure="N">` (the N-th key figure), a photo `<figure data-photo="id">`, both
 * drawn here from the figures panel and the uploaded photos — so editing a figure updates every place. Pasted HTML
 * (Word, WeChat) goes through cleanPastedHtml first (lib/reports/paste.ts).
 */
import { Node, mergeAttributes, type Editor } from "@tiptap/core";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { TableKit } from "@tiptap/extension-table";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { cleanPastedHtml } from "@/lib/reports/paste";
import "./rich-text.css";
import "./report-prose.css";
import type { EditorFigure, EditorMedia } from "@/lib/reports/editor-state";

type Refs = { figures: EditorFigure[]; photos: EditorMedia[]; missingFigure: (n: number) => string; missingPhoto: string };
type Lookup = { lookup: () => Refs };
/** What the node views draw from; kept current by the field (an effect), read when a chip or photo is drawn. */
class RefsHolder {
  constructor(public current: Refs) {}
  set(r: Refs) {
    this.current = r;
  }
}

function paintFigure(dom: HTMLElement, refs: Refs) {
  const n = Number(dom.dataset.figure);
  const f = refs.figures[n - 1];
  const ok = !!f && !!f.value;
  dom.textContent = ok ? `${f.value}${f.unit ? ` ${f.unit}` : ""}` : refs.missingFigure(n);
  dom.title = ok ? `${n} · ${f.label}` : "";
  dom.dataset.missing = ok ? "" : "1";
}

function paintPhoto(dom: HTMLElement, refs: Refs) {
  const p = refs.photos.find((x) => x.id === dom.dataset.photo);
  dom.replaceChildren();
  if (!p) {
    dom.textContent = refs.missingPhoto;
    dom.dataset.missing = "1";
    return;
  }
  dom.dataset.missing = "";
  const img = document.createElement("img");
  img.src = p.thumb || p.url;
  img.alt = p.caption;
  dom.append(img);
  const caption = [p.caption, p.credit].filter(Boolean).join(" · ");
  if (caption) {
    const fc = document.createElement("figcaption");
    fc.textContent = caption;
    dom.append(fc);
  }
}

/** The editor's view of a reference node: a non-editable element carrying the reference, painted from the report's rows. */
function refView(tag: "span" | "figure", className: string, testId: string, data: Record<string, string>, paint: (dom: HTMLElement) => void) {
  const dom = document.createElement(tag);
  dom.className = className;
  dom.contentEditable = "false";
  Object.assign(dom.dataset, data, { testid: testId });
  paint(dom);
  return dom;
}

/** A key figure inside the text: an inline chip showing the figure's value and unit, stored as its position. */
const FigureRef = Node.create<Lookup>({
  name: "figureRef",
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  addOptions: () => ({ lookup: () => ({ figures: [], photos: [], missingFigure: (n: number) => `#${n}`, missingPhoto: "" }) }),
  addAttributes: () => ({ n: { default: 1, parseHTML: (el) => Number(el.getAttribute("data-figure")) || 1, renderHTML: (a) => ({ "data-figure": String(a.n) }) } }),
  parseHTML: () => [{ tag: "span[data-figure]" }],
  renderHTML({ HTMLAttributes }) {
    return ["span", mergeAttributes(HTMLAttributes, { class: "inline-figure" })];
  },
  renderText: ({ node }) => `{{fig:${node.attrs.n}}}`,
  addNodeView() {
    return ({ node }) => ({ dom: refView("span", "rt-figure", "figure-chip", { figure: String(node.attrs.n) }, (dom) => paintFigure(dom, this.options.lookup())) });
  },
});

/** An uploaded photo in the text, with its caption and credit; stored as the report photo's id. */
const PhotoRef = Node.create<Lookup>({
  name: "photoRef",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,
  addOptions: () => ({ lookup: () => ({ figures: [], photos: [], missingFigure: (n: number) => `#${n}`, missingPhoto: "" }) }),
  addAttributes: () => ({ id: { default: "", parseHTML: (el) => el.getAttribute("data-photo") ?? "", renderHTML: (a) => ({ "data-photo": a.id }) } }),
  parseHTML: () => [{ tag: "figure[data-photo]" }],
  renderHTML({ HTMLAttributes }) {
    return ["figure", HTMLAttributes];
  },
  addNodeView() {
    return ({ node }) => ({ dom: refView("figure", "rt-photo", "photo-block", { photo: String(node.attrs.id) }, (dom) => paintPhoto(dom, this.options.lookup())) });
  },
});

export type RichTextProps = {
  label: string;
  hint?: string;
  value: string;
  onChange: (html: string) => void;
  figures: EditorFigure[];
  photos: EditorMedia[];
  testId: string;
  minRows?: number;
};

export default function RichText({ label, hint, value, onChange, figures, photos, testId, minRows = 6 }: RichTextProps) {
  const t = useTranslations("reports.admin.rich");
  const id = useId();
  // what the chips and photos are drawn from: a holder the node views read when they draw (kept current by the effect below)
  const [refs] = useState(() => new RefsHolder({ figures, photos, missingFigure: (n) => t("missingFigure", { n }), missingPhoto: t("missingPhoto") }));
  const emitted = useRef(value);
  const lookup = () => refs.current;

  const editor = useEditor({
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        code: false,
        codeBlock: false,
        link: { openOnClick: false, autolink: true, protocols: ["mailto"], isAllowedUri: (url) => /^(https?:\/\/|mailto:)/i.test(url) },
      }),
      TableKit.configure({ table: { resizable: false } }),
      FigureRef.configure({ lookup }),
      PhotoRef.configure({ lookup }),
    ],
    content: value,
    editorProps: {
      transformPastedHTML: cleanPastedHtml,
      attributes: {
        id: `${id}-area`,
        "aria-labelledby": `${id}-label`,
        ...(hint ? { "aria-describedby": `${id}-hint` } : {}),
        "aria-multiline": "true",
        role: "textbox",
        class: "report-prose rt-area",
        style: `min-height: ${minRows * 1.75}rem`,
        "data-testid": testId,
      },
    },
    onUpdate: ({ editor: e }) => {
      const html = e.isEmpty ? "" : e.getHTML();
      emitted.current = html;
      onChange(html);
    },
  });

  // A new value from outside (refresh from the forum, "discard mine", a restored revision): load it.
  useEffect(() => {
    if (!editor || value === emitted.current) return;
    emitted.current = value;
    editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);

  // Figures or photos edited elsewhere: repaint every chip and photo in the text.
  useEffect(() => {
    refs.set({ figures, photos, missingFigure: (n) => t("missingFigure", { n }), missingPhoto: t("missingPhoto") });
    if (!editor) return;
    const root = editor.view.dom as HTMLElement;
    root.querySelectorAll<HTMLElement>(".rt-figure").forEach((d) => paintFigure(d, refs.current));
    root.querySelectorAll<HTMLElement>(".rt-photo").forEach((d) => paintPhoto(d, refs.current));
  }, [editor, figures, photos, refs, t]);

  return (
    <div className="min-w-0" data-testid={`${testId}-field`}>
      <p id={`${id}-label`} className="text-sm font-medium text-slate-700">
        {label}
      </p>
      <div className="mt-1 rounded-md border border-slate-300 bg-white focus-within:border-brand-600 focus-within:ring-2 focus-within:ring-brand-100">
        {editor ? <Toolbar editor={editor} figures={figures} photos={photos} testId={testId} /> : <div className="h-10 border-b border-slate-200 bg-slate-50" />}
        <EditorContent editor={editor} />
      </div>
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
    </div>
  );
}

type ToolProps = { label: string; short: string; on: () => void; pressed?: boolean; disabled?: boolean; id: string };
/** A toolbar button: a short visible mark, the full name as its accessible label and tooltip. */
function B({ label, short, on, pressed, disabled, id }: ToolProps) {
  return (
    <button type="button" className={tb} aria-label={label} title={label} aria-pressed={pressed} disabled={disabled} onMouseDown={(e) => e.preventDefault()} onClick={on} data-testid={`rt-${id}`}>
      {short}
    </button>
  );
}

const tb = "inline-flex h-8 min-w-8 items-center justify-center rounded px-2 text-sm text-slate-700 hover:bg-slate-200 disabled:opacity-40 aria-pressed:bg-brand-100 aria-pressed:text-brand-900";

function Toolbar({ editor, figures, photos, testId }: { editor: Editor; figures: EditorFigure[]; photos: EditorMedia[]; testId: string }) {
  const t = useTranslations("reports.admin.rich");
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      ul: e.isActive("bulletList"),
      ol: e.isActive("orderedList"),
      quote: e.isActive("blockquote"),
      link: e.isActive("link"),
      table: e.isActive("table"),
      undo: e.can().undo(),
      redo: e.can().redo(),
    }),
  });
  const c = () => editor.chain().focus();
  const link = () => {
    if (s.link) return c().unsetLink().run();
    const url = window.prompt(t("linkPrompt"), "https://");
    if (url && /^(https?:\/\/|mailto:)/i.test(url.trim())) c().extendMarkRange("link").setLink({ href: url.trim() }).run();
  };
  const usable = figures.map((f, i) => ({ n: i + 1, f })).filter((x) => x.f.value);
  const pics = photos.filter((p) => p.role === "photo");
  return (
    <div role="toolbar" aria-label={t("toolbar")} className="flex flex-wrap items-center gap-0.5 border-b border-slate-200 bg-slate-50 p-1" data-testid={`${testId}-toolbar`}>
      <B id="bold" label={t("bold")} short="B" pressed={s.bold} on={() => c().toggleBold().run()} />
      <B id="italic" label={t("italic")} short="I" pressed={s.italic} on={() => c().toggleItalic().run()} />
      <B id="h2" label={t("h2")} short="H2" pressed={s.h2} on={() => c().toggleHeading({ level: 2 }).run()} />
      <B id="h3" label={t("h3")} short="H3" pressed={s.h3} on={() => c().toggleHeading({ level: 3 }).run()} />
      <B id="ul" label={t("bulletList")} short="•" pressed={s.ul} on={() => c().toggleBulletList().run()} />
      <B id="ol" label={t("orderedList")} short="1." pressed={s.ol} on={() => c().toggleOrderedList().run()} />
      <B id="quote" label={t("blockquote")} short="“”" pressed={s.quote} on={() => c().toggleBlockquote().run()} />
      <B id="link" label={s.link ? t("unlink") : t("link")} short={t("linkShort")} pressed={s.link} on={link} />
      <B id="table" label={t("table")} short={t("tableShort")} on={() => c().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()} disabled={s.table} />
      {s.table && (
        <>
          <B id="row" label={t("addRow")} short={t("addRowShort")} on={() => c().addRowAfter().run()} />
          <B id="col" label={t("addColumn")} short={t("addColumnShort")} on={() => c().addColumnAfter().run()} />
          <B id="delrow" label={t("deleteRow")} short={t("deleteRowShort")} on={() => c().deleteRow().run()} />
          <B id="deltable" label={t("deleteTable")} short={t("deleteTableShort")} on={() => c().deleteTable().run()} />
        </>
      )}
      <select
        className="h-8 max-w-48 rounded border border-slate-300 bg-white px-1 text-sm text-slate-700"
        aria-label={t("insertFigure")}
        value=""
        onChange={(e) => {
          const n = Number(e.target.value);
          if (n) c().insertContent({ type: "figureRef", attrs: { n } }).run();
        }}
        data-testid="insert-figure"
      >
        <option value="">{usable.length ? t("insertFigure") : t("noFigures")}</option>
        {usable.map(({ n, f }) => (
          <option key={n} value={n}>
            {`${n} · ${f.label || "—"} ${f.value}${f.unit ? ` ${f.unit}` : ""}`}
          </option>
        ))}
      </select>
      <select
        className="h-8 max-w-48 rounded border border-slate-300 bg-white px-1 text-sm text-slate-700"
        aria-label={t("insertPhoto")}
        value=""
        onChange={(e) => {
          if (e.target.value) c().insertContent({ type: "photoRef", attrs: { id: e.target.value } }).run();
        }}
        data-testid="insert-photo"
      >
        <option value="">{pics.length ? t("insertPhoto") : t("noPhotos")}</option>
        {pics.map((p) => (
          <option key={p.id} value={p.id}>
            {p.caption || p.filename}
          </option>
        ))}
      </select>
      <span className="ml-auto flex">
        <B id="undo" label={t("undo")} short="↶" disabled={!s.undo} on={() => c().undo().run()} />
        <B id="redo" label={t("redo")} short="↷" disabled={!s.redo} on={() => c().redo().run()} />
      </span>
    </div>
  );
}
