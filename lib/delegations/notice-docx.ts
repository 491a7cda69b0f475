/**
 * The notice as a Word document (DOCX), because government offices edit notices in Word. Written with the `docx`
 * library, laid out after GB/T 9704 (党政机关公文格式) where practical:
 *   - A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (版心 156 × 225 mm);
 *   - body 仿宋 3号 (16 pt), first-line indent of two characters, exact line pitch 28.95 pt → 22 lines a page;
 *   - title 方正小标宋简体 2号 (22 pt), centred (Word substitutes 宋体 where that font is not installed);
 *   - 一、 headings 黑体, （一） headings 楷体, both 3号; page numbers "— n —" at the foot in 宋体 4号.
 * One section per copy: each unit's copy starts on a new page, names the unit, its quota and its own reply link, and
 * carries the link's QR code as the attachment.
 */
import { AlignmentType, Document, Footer, ImageRun, LineRuleType, Packer, PageNumber, Paragraph, TextRun, type ISectionOptions } from "docx";
import QRCode from "qrcode";
import type { FilledNotice } from "./notice-text";

const PT = 2; // docx sizes are half-points
const BODY = 16 * PT; // 3号
const TITLE = 22 * PT; // 2号
const LINE = 579; // twips: 225 mm / 22 lines ≈ 28.95 pt
const FANGSONG = "仿宋";
const HEITI = "黑体";
const KAITI = "楷体";
const TITLE_FONT = "方正小标宋简体";
const SONG = "宋体";

const font = (name: string) => ({ ascii: name === FANGSONG ? "Times New Roman" : name, hAnsi: name === FANGSONG ? "Times New Roman" : name, eastAsia: name });
const run = (text: string, name: string, size = BODY, bold = false) => new TextRun({ text, font: font(name), size, bold });
const mm = (x: number) => Math.round((x / 25.4) * 1440);
const spacing = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

export type DocxCopy = { notice: FilledNotice; replyLink: string | null; labels: { attachmentQr: string } };

async function section(copy: DocxCopy): Promise<ISectionOptions> {
  const { notice } = copy;
  const children: Paragraph[] = [
    new Paragraph({ children: [run("", FANGSONG)], spacing }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: LineRuleType.EXACT, after: LINE }, children: [run(notice.title, TITLE_FONT, TITLE)] }),
  ];
  for (const p of notice.paragraphs) {
    if (p.kind === "salutation") children.push(new Paragraph({ spacing, children: [run(p.text, FANGSONG)] }));
    else if (p.kind === "h1") children.push(new Paragraph({ spacing, indent: { firstLine: 2 * BODY * 10 }, children: [run(p.text, HEITI)] }));
    else if (p.kind === "h2") children.push(new Paragraph({ spacing, indent: { firstLine: 2 * BODY * 10 }, children: [run(p.text, KAITI)] }));
    else children.push(new Paragraph({ spacing, alignment: p.plain ? AlignmentType.LEFT : AlignmentType.JUSTIFIED, indent: { firstLine: 2 * BODY * 10 }, children: [run(p.text, FANGSONG)] }));
  }
  // 落款 and 成文日期: right-aligned, four characters from the right edge, after one empty line
  children.push(new Paragraph({ spacing, children: [run("", FANGSONG)] }));
  for (const s of notice.signature) children.push(new Paragraph({ spacing, alignment: AlignmentType.RIGHT, indent: { right: 4 * BODY * 10 }, children: [run(s, FANGSONG)] }));
  if (notice.issuedOn) children.push(new Paragraph({ spacing, alignment: AlignmentType.RIGHT, indent: { right: 4 * BODY * 10 }, children: [run(notice.issuedOn, FANGSONG)] }));
  if (copy.replyLink) {
    const png = await QRCode.toBuffer(copy.replyLink, { type: "png", margin: 1, width: 360, errorCorrectionLevel: "M" });
    children.push(new Paragraph({ spacing, pageBreakBefore: false, children: [run("", FANGSONG)] }));
    children.push(new Paragraph({ spacing, children: [run(copy.labels.attachmentQr, HEITI)] }));
    children.push(new Paragraph({ alignment: AlignmentType.LEFT, children: [new ImageRun({ type: "png", data: png, transformation: { width: 132, height: 132 }, altText: { name: "QR", description: copy.replyLink, title: copy.labels.attachmentQr } })] }));
    children.push(new Paragraph({ spacing, children: [run(copy.replyLink, FANGSONG, 12 * PT)] }));
  }
  return {
    properties: {
      page: {
        // twips, not "mm" strings: Word 2007 and WPS only read numbers here
        size: { width: 11906, height: 16838 },
        margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(25) },
      },
      grid: { linePitch: LINE, type: "lines" },
    },
    footers: {
      default: new Footer({
        children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run("— ", SONG, 14 * PT), new TextRun({ children: [PageNumber.CURRENT], font: font(SONG), size: 14 * PT }), run(" —", SONG, 14 * PT)] })],
      }),
    },
    children,
  };
}

/** One DOCX with a section (new page) per copy. */
export async function noticeDocx(copies: DocxCopy[], meta: { title: string; creator: string }): Promise<Buffer> {
  const doc = new Document({
    title: meta.title,
    creator: meta.creator,
    styles: { default: { document: { run: { font: font(FANGSONG), size: BODY }, paragraph: { spacing } } } },
    sections: await Promise.all(copies.map(section)),
  });
  return Packer.toBuffer(doc);
}
