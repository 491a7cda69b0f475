/**
 * Seating prints, standalone HTML for the browser and for system-Chromium PDFs (lib/printables/pdf.ts):
 *   - seat maps (座次图) of the rostrum and the hall, A3 landscape or A4 landscape;
 *   - table cards (桌签): one A4 sheet per person folded into a tent, the name large on both faces, the upper face
 *     upside down so it reads right from the other side; an optional position line;
 *   - banquet table lists (宴会桌次表).
 * Names: a 2-character Chinese name is spaced with an ideographic space (王　敏) as 礼宾 cards are; English cards use
 * the person's English name when there is one and shrink the type for long names so they stay on one line.
 */
import { createHash } from "node:crypto";
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/config";
import { messagesFor } from "@/lib/i18n/messages";
import { pick } from "@/lib/i18n/format";
import type { DiningView, HallView, RostrumView, SeatedPerson } from "@/lib/seating/queries";
import { rostrumView } from "@/lib/seating/rostrum";
import { documentHtml, esc, FONT_STACK, SERIF_STACK } from "./html";

export const seatingT = (locale: Locale) => createTranslator({ locale, messages: messagesFor(locale), namespace: "seating" });

export type SeatingPrintKind = "rostrum_map" | "hall_map" | "table_cards" | "dining_lists";
export type Paper = "a3" | "a4";

/** What a printable shows, hashed: when it differs from the fingerprint stored at the last print, it changed. */
export function fingerprint(data: unknown): string {
  return createHash("sha256").update(JSON.stringify(data)).digest("base64url").slice(0, 22);
}

const HAN = /^[\u3400-\u9fff\u00b7·]+$/u;

/** The name as printed on a card or map: 2-character Chinese names get an ideographic space (王　敏). */
export function cardName(p: Pick<SeatedPerson, "name" | "nameEn">, locale: Locale): string {
  const name = locale === "en" ? (p.nameEn?.trim() || p.name) : p.name;
  const chars = [...name.trim()];
  return chars.length === 2 && HAN.test(name.trim()) ? chars.join("\u3000") : name.trim();
}

const positionLine = (p: Pick<SeatedPerson, "organization" | "organizationEn" | "title" | "titleEn">, locale: Locale) => {
  const org = pick(locale, p.organization ?? "", p.organizationEn);
  const title = pick(locale, p.title ?? "", p.titleEn);
  if (locale === "en") return [title, org].filter(Boolean).join(", ");
  return [org, title].filter(Boolean).join(" ");
};

/** Advance of one character in em, as the card fonts set it: CJK full width, Latin by letter shape. */
function charEm(ch: string): number {
  if (/[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]/u.test(ch)) return 1;
  if (ch === " ") return 0.28;
  if (/[iljtfrI.,'’·:;!|()\-]/.test(ch)) return 0.36;
  if (/[mwMW]/.test(ch)) return 0.9;
  if (/[A-Z]/.test(ch)) return 0.72;
  return 0.6;
}

const CARD_WIDTH_PT = 182 * 2.835; // the face is 210 mm less 2 × 10 mm padding; 8 mm kept free for the fold's shadow and the printer's margin
const lineEms = (line: string, spacing: number) => [...line].reduce((w, ch) => w + charEm(ch) + spacing, 0);

/**
 * How a name is set on a table card: the largest size (≤ 120 pt) that keeps it on one line across the card. A
 * Chinese name stays on one line (letter-spaced .12 em, as 礼宾 cards are). A long English name that would fall below
 * 56 pt on one line breaks at spaces or hyphens into two lines (three for the very longest, when two would still be under
 * 48 pt), split where the widest line is narrowest, so each line is as large as it can be.
 */
export function cardLayout(name: string): { lines: string[]; pt: number; spacing: number } {
  const latin = !/[\u3400-\u9fff]/u.test(name);
  const spacing = latin ? 0.02 : 0.12;
  const fit = (lines: string[]) => Math.min(120, Math.floor(CARD_WIDTH_PT / Math.max(1, ...lines.map((l) => lineEms(l, spacing)))));
  // Break opportunities: after a space (dropped) and after a hyphen (kept at the line's end, as in Hohenzollern-).
  const words = name.match(/[^ -]+(?:-+| +|$)|[ -]+/g) ?? [name];
  /** Every way to cut `ws` into `k` non-empty lines, keeping word order. */
  const splits = (ws: string[], k: number): string[][] => {
    if (k === 1) return [[ws.join("").trim()]];
    const out: string[][] = [];
    for (let i = 1; i <= ws.length - k + 1; i++) for (const rest of splits(ws.slice(i), k - 1)) out.push([ws.slice(0, i).join("").trim(), ...rest]);
    return out;
  };
  const best = (k: number) => splits(words, k).reduce<{ lines: string[]; pt: number } | null>((b, lines) => {
    const pt = fit(lines);
    return !b || pt > b.pt ? { lines, pt } : b;
  }, null);
  let pick = { lines: [name], pt: fit([name]) };
  if (latin && pick.pt < 56 && words.length > 1) {
    const two = best(2)!;
    if (two.pt > pick.pt) pick = two;
    const three = two.pt < 48 && words.length > 2 ? best(3) : null;
    if (three && three.pt > pick.pt) pick = three;
  }
  return { lines: pick.lines, pt: Math.max(14, pick.pt), spacing };
}

// ─── table cards (桌签) ─────────────────────────────────────────────────────────────────────────────────────

export function renderTableCardsHtml(people: SeatedPerson[], locale: Locale, opts: { position: boolean; title: string }): string {
  const t = seatingT(locale);
  const face = (p: SeatedPerson, upside: boolean) => {
    const { lines, pt, spacing } = cardLayout(cardName(p, locale));
    const pos = opts.position ? positionLine(p, locale) : "";
    return `<div class="face${upside ? " upside" : ""}"><div class="name" style="font-size:${pt}pt;letter-spacing:${spacing}em">${lines.map(esc).join("<br>")}</div>${pos ? `<div class="pos">${esc(pos)}</div>` : ""}</div>`;
  };
  const body = people.length
    ? people.map((p) => `<section class="card" data-person="${esc(p.id)}">${face(p, true)}<div class="fold"><span>${esc(t("doc.foldHere"))}</span></div>${face(p, false)}</section>`).join("")
    : `<p class="none">${esc(t("rostrum.empty"))}</p>`;
  const css = `
@page { size: A4 portrait; margin: 0; }
* { box-sizing: border-box; }
body { margin: 0; font-family: ${SERIF_STACK}; color: #000; background: #e2e8f0; }
.card { width: 210mm; height: 297mm; margin: 0 auto 6mm; background: #fff; display: flex; flex-direction: column; break-after: page; overflow: hidden; }
.card:last-child { break-after: auto; }
.face { height: 148.5mm; display: flex; flex-direction: column; align-items: center; justify-content: center; padding: 10mm; text-align: center; }
.face.upside { transform: rotate(180deg); }
.name { font-weight: 700; white-space: nowrap; line-height: 1.1; font-family: ${locale === "en" ? FONT_STACK : SERIF_STACK}; }
.pos { margin-top: 8mm; font-size: 18pt; font-family: ${FONT_STACK}; color: #1e293b; max-width: 185mm; }
.fold { height: 0; border-top: 0.3mm dashed #94a3b8; position: relative; }
.fold span { position: absolute; right: 6mm; top: -3.2mm; font: 7pt ${FONT_STACK}; color: #94a3b8; background: #fff; padding: 0 2mm; }
.none { padding: 20mm; font-family: ${FONT_STACK}; }
@media print { body { background: #fff; } .card { margin: 0; } }`;
  return documentHtml({ lang: locale, title: opts.title, css, body });
}

// ─── seat maps (座次图) ─────────────────────────────────────────────────────────────────────────────────────

const pageCss = (paper: Paper) => `
@page { size: ${paper === "a3" ? "A3" : "A4"} landscape; margin: 10mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${FONT_STACK}; color: #0f172a; }
h1 { text-align: center; font-family: ${SERIF_STACK}; font-size: ${paper === "a3" ? 24 : 18}pt; margin: 0 0 2mm; letter-spacing: .1em; }
.sub { text-align: center; color: #475569; font-size: 10pt; margin-bottom: 6mm; }
.band { text-align: center; font-size: 10pt; color: #fff; background: #7f1d1d; padding: 1.5mm; letter-spacing: .3em; margin: 3mm auto; max-width: 60%; border-radius: 1mm; }
.band.audience { background: #334155; }
`;

export function renderRostrumMapHtml(eventTitle: string, plans: (RostrumView & { label: string })[], locale: Locale, paper: Paper, view: "audience" | "rostrum" = "audience"): string {
  const t = seatingT(locale);
  const big = paper === "a3";
  const css = `${pageCss(paper)}
.plan { break-inside: avoid; margin-bottom: 10mm; }
.plan h2 { font-size: 12pt; text-align: center; margin: 0 0 2mm; color: #334155; }
.row { display: flex; justify-content: center; gap: ${big ? 3 : 2}mm; margin: ${big ? 4 : 3}mm 0; }
.rowno { width: 16mm; align-self: center; font-size: 9pt; color: #64748b; text-align: right; padding-right: 2mm; }
.seat { width: ${big ? 34 : 24}mm; min-height: ${big ? 24 : 18}mm; border: 0.4mm solid #7f1d1d; border-radius: 1.5mm; display: flex; flex-direction: column; align-items: center; justify-content: center; padding: 1mm; text-align: center; }
.seat .no { font-size: 7pt; color: #64748b; }
.seat .nm { font-family: ${SERIF_STACK}; font-weight: 700; font-size: ${big ? 16 : 12}pt; white-space: nowrap; }
.seat .ps { font-size: ${big ? 7 : 6}pt; color: #475569; line-height: 1.2; }
.note { text-align: center; font-size: 8pt; color: #64748b; }`;
  const order = (xs: RostrumView["rows"][number]["seats"]) => (view === "audience" ? xs : rostrumView(xs));
  const body = `<h1>${esc(t("doc.rostrumTitle"))}</h1><div class="sub">${esc(eventTitle)}</div>${plans
    .map((p) => {
      const rows = [...p.rows].sort((a, b) => (view === "audience" ? b.row - a.row : a.row - b.row)); // the front row nearest the audience
      const rowHtml = rows
        .map(
          (r) =>
            `<div class="row" data-row="${r.row}"><div class="rowno">${esc(t("rostrum.row", { row: r.row }))}</div>${order(r.seats)
              .map((s) => `<div class="seat" data-seat="${s.seat}"><div class="no">${s.seat}</div><div class="nm">${esc(cardName(s, locale))}</div><div class="ps">${esc(positionLine(s, locale))}</div></div>`)
              .join("")}<div class="rowno"></div></div>`,
        )
        .join("");
      const top = view === "audience" ? `<div class="band">${esc(t("doc.stage"))} · ${esc(t("rostrum.back"))}</div>` : `<div class="band audience">${esc(t("doc.audienceSide"))}</div>`;
      const bottom = view === "audience" ? `<div class="band audience">${esc(t("doc.audienceSide"))}</div>` : `<div class="band">${esc(t("rostrum.back"))}</div>`;
      return `<section class="plan" data-plan="${esc(p.planId)}"><h2>${esc(p.label)} · ${esc(t(`convention.${p.convention}`))}</h2>${top}${rowHtml}${bottom}<p class="note">${esc(view === "audience" ? t("rostrum.audienceView") : t("rostrum.rostrumView"))}</p></section>`;
    })
    .join("") || `<p class="note">${esc(t("rostrum.empty"))}</p>`}`;
  return documentHtml({ lang: locale, title: t("doc.rostrumTitle"), css, body });
}

const UNIT_COLOURS = ["#fee2e2", "#dbeafe", "#dcfce7", "#fef9c3", "#f3e8ff", "#ffedd5", "#cffafe", "#fce7f3", "#e0e7ff", "#ecfccb"];

export function renderHallMapHtml(eventTitle: string, hall: HallView | null, locale: Locale, paper: Paper): string {
  const t = seatingT(locale);
  if (!hall) return documentHtml({ lang: locale, title: t("doc.hallTitle"), css: pageCss(paper), body: `<h1>${esc(t("doc.hallTitle"))}</h1><p class="sub">${esc(t("hall.empty"))}</p>` });
  const pageW = (paper === "a3" ? 420 : 297) - 20 - 20; // mm, minus margins and row numbers
  const cell = Math.min(14, pageW / hall.seatsPerRow);
  const font = Math.max(3.2, Math.min(7, cell * 0.8));
  const units = [...new Set(hall.seats.map((s) => s.organization ?? ""))];
  const colour = new Map(units.map((u, i) => [u, UNIT_COLOURS[i % UNIT_COLOURS.length]!]));
  const at = new Map(hall.seats.map((s) => [`${s.row}-${s.seat}`, s]));
  const reserved = new Map(hall.reserved.map((r) => [r.row, r.reason]));
  let rows = "";
  for (let r = 1; r <= hall.rows; r++) {
    let cells = "";
    for (let s = 1; s <= hall.seatsPerRow; s++) {
      const p = at.get(`${r}-${s}`);
      cells += p
        ? `<td style="background:${colour.get(p.organization ?? "")}" title="${esc(t("doc.seatLabel", { row: r, seat: s }))}">${esc(p.name)}</td>`
        : `<td class="${reserved.has(r) ? "res" : "free"}"></td>`;
    }
    const label = reserved.has(r) ? `<td class="rl">${esc(t(`hall.reason.${reserved.get(r)!}`))}</td>` : `<td class="rl"></td>`;
    rows += `<tr data-row="${r}"><th>${r}</th>${cells}${label}</tr>`;
  }
  const head = `<tr><th></th>${Array.from({ length: hall.seatsPerRow }, (_, i) => `<th>${i + 1}</th>`).join("")}<th></th></tr>`;
  const legend = units
    .filter(Boolean)
    .map((u) => `<span class="lg"><i style="background:${colour.get(u)}"></i>${esc(u)}</span>`)
    .join("");
  const css = `${pageCss(paper)}
table { border-collapse: collapse; margin: 0 auto; table-layout: fixed; }
td, th { width: ${cell.toFixed(2)}mm; height: ${(cell * 0.75).toFixed(2)}mm; font-size: ${font.toFixed(1)}pt; text-align: center; overflow: hidden; white-space: nowrap; padding: 0; line-height: 1; }
td { border: 0.15mm solid #cbd5e1; }
th { color: #64748b; font-weight: 400; font-size: ${Math.max(3, font - 1).toFixed(1)}pt; }
td.res { background: repeating-linear-gradient(45deg, #f1f5f9, #f1f5f9 1mm, #e2e8f0 1mm, #e2e8f0 2mm); }
td.rl { border: none; width: 14mm; text-align: left; padding-left: 1mm; color: #475569; }
.legend { margin-top: 5mm; font-size: 8pt; display: flex; flex-wrap: wrap; gap: 2mm 5mm; justify-content: center; }
.lg i { display: inline-block; width: 3mm; height: 3mm; margin-right: 1mm; vertical-align: middle; border: 0.1mm solid #94a3b8; }`;
  const body = `<h1>${esc(t("doc.hallTitle"))}</h1><div class="sub">${esc(eventTitle)} · ${esc(t("hall.seats", { count: hall.seats.length }))}</div><div class="band">${esc(t("hall.stage"))}</div><table>${head}${rows}</table><div class="band audience" style="margin-top:4mm">${esc(t("doc.seen"))}</div><div class="legend">${legend}</div>`;
  return documentHtml({ lang: locale, title: t("doc.hallTitle"), css, body });
}

// ─── banquet table lists (宴会桌次表) ───────────────────────────────────────────────────────────────────────

export function renderDiningListsHtml(eventTitle: string, dining: DiningView, locale: Locale): string {
  const t = seatingT(locale);
  const tables = dining.tables
    .map(
      (tb) =>
        `<section class="table" data-table="${tb.number}"><h2>${esc(t("dining.table", { number: tb.number }))}${tb.number === 1 ? ` · ${esc(t("dining.mainTable"))}` : ""}</h2><ol>${tb.seats
          .map((s) => {
            const role = tb.number === 1 && s.seat === 1 ? t("dining.host") : "";
            return `<li><span class="no">${s.seat}</span><span class="nm">${esc(cardName(s, locale))}</span><span class="ps">${esc(role || positionLine(s, locale))}</span></li>`;
          })
          .join("")}</ol></section>`,
    )
    .join("");
  const css = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: ${FONT_STACK}; color: #0f172a; }
h1 { text-align: center; font-family: ${SERIF_STACK}; font-size: 18pt; margin: 0 0 2mm; letter-spacing: .1em; }
.sub { text-align: center; color: #475569; font-size: 10pt; margin-bottom: 6mm; }
.grid { columns: 2; column-gap: 8mm; }
.table { break-inside: avoid; margin-bottom: 5mm; border: 0.3mm solid #cbd5e1; border-radius: 1.5mm; padding: 2mm 3mm; }
.table h2 { font-size: 11pt; margin: 0 0 1.5mm; color: #7f1d1d; }
ol { list-style: none; margin: 0; padding: 0; }
li { display: flex; gap: 2mm; font-size: 9pt; padding: .6mm 0; border-top: 0.1mm solid #f1f5f9; }
.no { width: 5mm; color: #64748b; text-align: right; }
.nm { width: 22mm; font-weight: 700; white-space: nowrap; }
.ps { color: #475569; flex: 1; }`;
  const body = `<h1>${esc(t("doc.diningTitle"))}</h1><div class="sub">${esc(eventTitle)}</div><div class="grid">${tables || `<p>${esc(t("dining.empty"))}</p>`}</div>`;
  return documentHtml({ lang: locale, title: t("doc.diningTitle"), css, body });
}
