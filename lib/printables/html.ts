/** Helpers for the print documents (standalone HTML strings rendered to the browser and to PDF). */
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/config";
import { messagesFor } from "@/lib/i18n/messages";

export function consoleT(locale: Locale) {
  return createTranslator({ locale, messages: messagesFor(locale), namespace: "console" });
}
export type ConsoleT = ReturnType<typeof consoleT>;

/** Escape text for HTML element content and attribute values. */
export function esc(v: unknown): string {
  return String(v ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** The font stack: system CJK fonts only (no network, DESIGN §3.8). */
export const FONT_STACK = `"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", sans-serif`;
export const SERIF_STACK = `"Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, "Noto Sans CJK SC", serif`;

/** Category colours (badges' band, handbook headings): the same everywhere. */
export const CATEGORY_COLOURS: Record<string, string> = {
  government: "#b91c1c",
  park: "#1d5fbf",
  expert: "#7c3aed",
  enterprise: "#047857",
  media: "#c2410c",
  other: "#475569",
};

export function documentHtml(opts: { lang: string; title: string; css: string; body: string }): string {
  return `<!doctype html>
<html lang="${esc(opts.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(opts.title)}</title><style>${opts.css}</style></head>
<body>${opts.body}</body></html>`;
}
