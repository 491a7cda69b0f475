/**
 * The notice (会议通知) as a print document: the same paragraphs as the DOCX (lib/delegations/notice-docx.ts), on an
 * A4 sheet with the GB/T 9704 margins (37/35/28/26 mm), 仿宋-style body at 16 pt with a 28.95 pt line pitch (22 lines),
 * 黑体 / 楷体 headings. One sheet sequence per unit copy; the reply link's QR code as inline SVG.
 * Linux has no 仿宋: the stack falls back to Noto Serif CJK, which prints the same characters in a 宋体 cut.
 */
import QRCode from "qrcode";
import type { FilledNotice } from "@/lib/delegations/notice-text";
import { documentHtml, esc, FONT_STACK, SERIF_STACK } from "./html";

const FANG = `FangSong, "仿宋", "仿宋_GB2312", STFangsong, ${SERIF_STACK}`;
const HEI = `SimHei, "黑体", ${FONT_STACK}`;
const KAI = `KaiTi, "楷体", STKaiti, ${SERIF_STACK}`;

const CSS = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
* { box-sizing: border-box; }
body { margin: 0; background: #e2e8f0; color: #000; font-family: ${FANG}; font-size: 16pt; line-height: 28.95pt; }
.copy { background: #fff; width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 37mm 26mm 35mm 28mm; box-shadow: 0 2px 12px rgba(15,23,42,.15); }
h1 { font-family: ${SERIF_STACK}; font-weight: 700; font-size: 22pt; line-height: 35pt; text-align: center; margin: 28.95pt 0 28.95pt; }
p { margin: 0; text-indent: 2em; text-align: justify; overflow-wrap: anywhere; }
p.salutation { text-indent: 0; }
p.plain { text-align: left; word-break: break-all; }
p.h1 { font-family: ${HEI}; }
p.h2 { font-family: ${KAI}; }
.sign { margin-top: 28.95pt; text-align: right; padding-right: 4em; }
.sign p { text-indent: 0; text-align: right; }
.qr { margin-top: 28.95pt; break-inside: avoid; }
.qr .label { font-family: ${HEI}; }
.qr svg { width: 35mm; height: 35mm; display: block; margin: 3mm 0; }
.qr .link { font-size: 11pt; line-height: 1.4; word-break: break-all; font-family: ${FONT_STACK}; }
@media print {
  body { background: #fff; }
  .copy { width: auto; min-height: auto; margin: 0; padding: 0; box-shadow: none; break-after: page; }
  .copy:last-child { break-after: auto; }
}
@media screen and (max-width: 800px) {
  .copy { width: auto; min-height: 0; margin: 3mm; padding: 8mm 6mm; }
}
`;

export type PrintCopy = { notice: FilledNotice; replyLink: string | null; unitKey?: string };

export async function renderNoticeHtml(copies: PrintCopy[], opts: { lang: string; title: string; attachmentQr: string }): Promise<string> {
  const sheets = await Promise.all(
    copies.map(async (c) => {
      const qr = c.replyLink ? await QRCode.toString(c.replyLink, { type: "svg", margin: 0, errorCorrectionLevel: "M" }) : "";
      const body = c.notice.paragraphs.map((p) => `<p class="${p.kind}${p.plain ? " plain" : ""}">${esc(p.text)}</p>`).join("");
      const sign = [...c.notice.signature, c.notice.issuedOn].filter(Boolean).map((s) => `<p>${esc(s)}</p>`).join("");
      return `<section class="copy"${c.unitKey ? ` data-unit="${esc(c.unitKey)}"` : ""}><h1>${esc(c.notice.title)}</h1>${body}<div class="sign">${sign}</div>${
        qr ? `<div class="qr"><div class="label">${esc(opts.attachmentQr)}</div>${qr}<div class="link">${esc(c.replyLink)}</div></div>` : ""
      }</section>`;
    }),
  );
  return documentHtml({ lang: opts.lang, title: opts.title, css: CSS, body: sheets.join("") });
}
