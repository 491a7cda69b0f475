/**
 * One print layout for the delegation lists (参会名单, 接送站, 住宿): an A4 document of tables grouped under headings
 * (unit, date · window · station, hotel), with a count per group, repeated table headers on every printed page and
 * rows that never split. The same groups feed the XLSX (one row per person, the group in the first columns).
 */
import { documentHtml, esc, FONT_STACK, SERIF_STACK } from "./html";

export type Column = { label: string; width?: string; nowrap?: boolean };
export type Group = { heading: string; note?: string; rows: string[][] };
export type GroupedTable = { title: string; subtitle?: string; columns: Column[]; groups: Group[]; empty: string; footer?: string; landscape?: boolean };

const css = (landscape: boolean) => `
@page { size: A4${landscape ? " landscape" : ""}; margin: 15mm 14mm 16mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${FONT_STACK}; color: #0f172a; font-size: 10pt; line-height: 1.45; background: #e2e8f0; }
.sheet { background: #fff; width: ${landscape ? "297mm" : "210mm"}; min-height: ${landscape ? "210mm" : "297mm"}; margin: 8mm auto; padding: 15mm 14mm 16mm; box-shadow: 0 2px 12px rgba(15,23,42,.15); }
h1 { font-family: ${SERIF_STACK}; font-size: 18pt; text-align: center; margin: 0 0 2mm; letter-spacing: .1em; }
.subtitle { text-align: center; color: #334155; margin-bottom: 5mm; }
h2 { font-size: 11.5pt; margin: 5mm 0 1.5mm; padding-left: 2mm; border-left: 1.2mm solid #174c99; break-after: avoid; }
h2 .note { font-weight: 400; color: #475569; font-size: 9.5pt; margin-left: 2mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
thead { display: table-header-group; }
th, td { border: 0.3mm solid #94a3b8; padding: 1.2mm 1.6mm; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eef2f7; font-weight: 700; font-size: 9.5pt; }
td.nowrap, th.nowrap { white-space: nowrap; overflow-wrap: normal; }
tr { break-inside: avoid; }
td.n { text-align: center; color: #475569; font-variant-numeric: tabular-nums; }
.empty { color: #64748b; text-align: center; margin-top: 20mm; }
.foot { margin-top: 5mm; font-size: 8pt; color: #64748b; text-align: right; }
@media print {
  body { background: #fff; }
  .sheet { width: auto; min-height: auto; margin: 0; padding: 0; box-shadow: none; }
}
@media screen and (max-width: 800px) {
  .sheet { width: auto; min-height: 0; margin: 2mm; padding: 4mm; }
  /* on a phone a wide table scrolls sideways in its group instead of squeezing a column to one character */
  .group { overflow-x: auto; }
  table { table-layout: auto; font-size: 9pt; }
  th:not(:first-child), td:not(.n) { min-width: 4.5em; }
}
`;

export function renderGroupedTable(doc: GroupedTable, lang: string): string {
  const head = `<thead><tr><th style="width:9mm" class="nowrap">#</th>${doc.columns
    .map((c) => `<th${c.width ? ` style="width:${c.width}"` : ""}${c.nowrap ? ' class="nowrap"' : ""}>${esc(c.label)}</th>`)
    .join("")}</tr></thead>`;
  const groups = doc.groups
    .map(
      (g) => `<section class="group"><h2>${esc(g.heading)}${g.note ? `<span class="note">${esc(g.note)}</span>` : ""}</h2><table>${head}<tbody>${g.rows
        .map((r, i) => `<tr><td class="n">${i + 1}</td>${r.map((v, j) => `<td${doc.columns[j]?.nowrap ? ' class="nowrap"' : ""}>${esc(v)}</td>`).join("")}</tr>`)
        .join("")}</tbody></table></section>`,
    )
    .join("");
  const body = `<main class="sheet"><h1>${esc(doc.title)}</h1>${doc.subtitle ? `<div class="subtitle">${esc(doc.subtitle)}</div>` : ""}${
    doc.groups.length ? groups : `<p class="empty">${esc(doc.empty)}</p>`
  }${doc.footer ? `<div class="foot">${esc(doc.footer)}</div>` : ""}</main>`;
  return documentHtml({ lang, title: doc.title, css: css(!!doc.landscape), body });
}

/** The XLSX rows of the same document: the group's heading first, then the columns. */
export async function* groupedRows(doc: GroupedTable): AsyncIterable<string[]> {
  for (const g of doc.groups) for (const r of g.rows) yield [g.heading, ...r];
}
