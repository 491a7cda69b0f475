/**
 * Badges (胸卡): name, organization, position, a band in the category's colour and the ticket QR. Two layouts:
 * "a4" = 8 cards of 100 × 70 mm on an A4 sheet (cut along the guides), "single" = one 90 × 120 mm card per page
 * (badge printers, lanyard holders). Standalone print HTML; the QR codes are inline SVG.
 */
import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import QRCode from "qrcode";
import type { Db } from "@/db/client";
import { diningSeats, diningTables, events, hallPlans, hallSeats, registrations } from "@/db/schema";
import type { Locale } from "@/lib/i18n/config";
import { pick } from "@/lib/i18n/format";
import { CATEGORY_COLOURS, consoleT, documentHtml, esc, FONT_STACK } from "./html";
import { sharedT } from "@/lib/i18n/shared";
import { hallSeatLabel } from "@/lib/seating/hall";
import type { DelegateCategory } from "@/lib/shared/enums";

export type BadgeSize = "a4" | "single";
export type BadgeFilter = { size: BadgeSize; category?: string; include: "confirmed" | "active" };

export async function badgeData(db: Db, eventId: string, f: BadgeFilter) {
  const [event] = await db.select({ title: events.title, titleEn: events.titleEn }).from(events).where(eq(events.id, eventId));
  const statuses = f.include === "active" ? (["confirmed", "pending"] as const) : (["confirmed"] as const);
  const conds = [eq(registrations.eventId, eventId), inArray(registrations.status, [...statuses])];
  if (f.category) conds.push(eq(registrations.category, f.category as (typeof registrations.$inferSelect)["category"]));
  const people = await db
    .select({ id: registrations.id, name: registrations.fullName, organization: registrations.organization, position: registrations.position, category: registrations.category, ticketCode: registrations.ticketCode })
    .from(registrations)
    .where(and(...conds))
    .orderBy(asc(registrations.category), asc(registrations.organization), asc(registrations.fullName));
  // The seat each badge carries (hall 3排12号, dining table): two reads for the whole forum, not one per badge.
  const [hall, tables] = await Promise.all([
    db.select({ registrationId: hallSeats.registrationId, row: hallSeats.row, seat: hallSeats.seat }).from(hallSeats).innerJoin(hallPlans, eq(hallPlans.id, hallSeats.planId)).where(eq(hallPlans.eventId, eventId)),
    db.select({ registrationId: diningSeats.registrationId, number: diningTables.number }).from(diningSeats).innerJoin(diningTables, eq(diningTables.id, diningSeats.tableId)).where(eq(diningSeats.eventId, eventId)),
  ]);
  const hallOf = new Map(hall.map((h) => [h.registrationId, { row: h.row, seat: h.seat }]));
  const tableOf = new Map(tables.flatMap((t) => (t.registrationId ? [[t.registrationId, t.number] as const] : [])));
  return { event, people: people.map((p) => ({ ...p, hall: hallOf.get(p.id) ?? null, table: tableOf.get(p.id) ?? null })) };
}

const css = (size: BadgeSize) => `
@page { size: ${size === "a4" ? "A4" : "90mm 120mm"}; margin: ${size === "a4" ? "8.5mm 5mm" : "0"}; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${FONT_STACK}; color: #0f172a; background: #e2e8f0; }
.page { display: grid; gap: 0; margin: 6mm auto; background: #fff; box-shadow: 0 2px 12px rgba(15,23,42,.15); }
.a4 .page { width: 200mm; grid-template-columns: repeat(2, 100mm); grid-auto-rows: 70mm; padding: 0; }
.single .page { width: 90mm; grid-template-columns: 90mm; grid-auto-rows: 120mm; }
.badge { position: relative; overflow: hidden; border: 0.2mm dashed #cbd5e1; display: flex; flex-direction: column; }
.band { color: #fff; padding: 2mm 4mm; font-size: 8pt; display: flex; justify-content: space-between; gap: 2mm; align-items: center; }
.band .event { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; opacity: .95; }
.band .cat { font-weight: 700; white-space: nowrap; font-size: 9pt; }
.body { flex: 1; display: flex; gap: 3mm; padding: 3mm 4mm 3mm; align-items: center; }
.who { flex: 1; min-width: 0; }
.name { font-size: 22pt; font-weight: 700; letter-spacing: .08em; line-height: 1.2; }
.org { font-size: 10pt; margin-top: 1.5mm; line-height: 1.35; }
.pos { font-size: 9pt; color: #475569; margin-top: .8mm; }
.seat { display: inline-block; margin-top: 1.5mm; padding: .4mm 2mm; border: 0.3mm solid #0f172a; border-radius: 1mm; font-size: 10pt; font-weight: 700; white-space: nowrap; }
.qr svg { width: 24mm; height: 24mm; display: block; }
.single .body { flex-direction: column; justify-content: center; text-align: center; padding: 6mm 5mm; }
.single .name { font-size: 28pt; }
.single .org { font-size: 11pt; }
.single .qr svg { width: 32mm; height: 32mm; margin: 4mm auto 0; }
.single .band { padding: 3mm 5mm; font-size: 9pt; }
.foot { height: 4mm; }
@media print {
  body { background: #fff; }
  .page { margin: 0; box-shadow: none; }
  .a4 .page { break-after: page; }
  .a4 .page:last-child { break-after: auto; }
  .single .badge { break-after: page; border: none; }
}
`;

/** One badge: what `badgeData` reads, or what a unit's reply slip knows (no seat there). */
export type BadgePerson = {
  name: string;
  organization: string | null;
  position: string | null;
  category: DelegateCategory;
  ticketCode: string;
  hall?: { row: number; seat: number } | null;
  table?: number | null;
};

export async function renderBadgesHtml(data: { event: { title: string; titleEn: string | null } | undefined; people: BadgePerson[] }, size: BadgeSize, locale: Locale): Promise<string> {
  const t = consoleT(locale);
  const ts = sharedT(locale);
  const title = data.event ? pick(locale, data.event.title, data.event.titleEn) : "";
  const cards = await Promise.all(
    data.people.map(async (p) => {
      const qr = await QRCode.toString(p.ticketCode, { type: "svg", margin: 0, errorCorrectionLevel: "M" });
      const colour = CATEGORY_COLOURS[p.category] ?? CATEGORY_COLOURS.other;
      const seat = [p.hall ? hallSeatLabel(p.hall.row, p.hall.seat, locale) : null, p.table ? t("badges.table", { number: p.table }) : null].filter(Boolean).join(" · ");
      return `<article class="badge" data-category="${esc(p.category)}"><div class="band" style="background:${colour}"><span class="event">${esc(title)}</span><span class="cat">${esc(ts(`category.${p.category}`))}</span></div>
<div class="body"><div class="who"><div class="name">${esc(p.name)}</div>${p.organization ? `<div class="org">${esc(p.organization)}</div>` : ""}${p.position ? `<div class="pos">${esc(p.position)}</div>` : ""}${seat ? `<div class="seat" data-seat>${esc(seat)}</div>` : ""}</div><div class="qr">${qr}</div></div><div class="foot" style="background:${colour}"></div></article>`;
    }),
  );
  const perPage = size === "a4" ? 8 : cards.length || 1;
  const pages: string[] = [];
  for (let i = 0; i < cards.length; i += perPage) pages.push(`<div class="page">${cards.slice(i, i + perPage).join("")}</div>`);
  return documentHtml({ lang: locale, title: `${title} · ${t("badges.title")}`, css: css(size), body: `<main class="${size}">${pages.join("")}</main>` });
}
