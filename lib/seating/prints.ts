/** Data for the seating prints and the "changed since last print" markers (seating_prints). */
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agendaSessions, rooms, seatingPrints } from "@/db/schema";
import type { Locale } from "@/lib/i18n/config";
import { pick } from "@/lib/i18n/format";
import {
  fingerprint,
  renderDiningListsHtml,
  renderHallMapHtml,
  renderRostrumMapHtml,
  renderTableCardsHtml,
  seatingT,
  type Paper,
  type SeatingPrintKind,
} from "@/lib/printables/seating";
import { seatingOf, type RostrumView, type SeatedPerson } from "./queries";

export const PRINT_KINDS = ["rostrum_map", "hall_map", "table_cards", "dining_lists"] as const satisfies readonly SeatingPrintKind[];

type Seating = Awaited<ReturnType<typeof seatingOf>>;

/** Everyone on any rostrum, most senior first (by protocol order, then row and seat): one table card each. */
export function tableCardPeople(s: Seating): SeatedPerson[] {
  const seen = new Map<string, SeatedPerson & { key: number }>();
  for (const plan of s.rostrums)
    for (const r of plan.rows)
      for (const seat of r.seats) {
        if (seen.has(seat.id)) continue;
        const pos = s.directory.get(seat.id)?.protocolPosition;
        seen.set(seat.id, { ...seat, key: pos ?? 10_000 + r.row * 100 + seat.seat });
      }
  return [...seen.values()].sort((a, b) => a.key - b.key).map(({ key: _key, ...p }) => p);
}

/** What each printable shows, reduced to what matters for "changed since last print". */
function printedData(s: Seating, kind: SeatingPrintKind): unknown {
  const who = (p: SeatedPerson) => [p.id, p.name, p.nameEn, p.title, p.organization];
  switch (kind) {
    case "rostrum_map":
      return s.rostrums.map((p) => [p.planId, p.convention, p.rows.map((r) => r.seats.map((x) => [x.seat, ...who(x)]))]);
    case "table_cards":
      return tableCardPeople(s).map(who);
    case "hall_map":
      return s.hall ? [s.hall.rows, s.hall.seatsPerRow, s.hall.reserved, s.hall.seats.map((x) => [x.row, x.seat, x.id, x.name, x.organization])] : null;
    case "dining_lists":
      return s.dining.tables.map((t) => [t.number, t.seats.map((x) => [x.seat, ...who(x)])]);
  }
}

export type PrintStatus = Record<SeatingPrintKind, { printedAt: Date | null; changed: boolean }>;

export async function printStatusOf(db: Db, eventId: string, s?: Seating): Promise<PrintStatus> {
  const seating = s ?? (await seatingOf(db, eventId));
  const marks = await db.select().from(seatingPrints).where(eq(seatingPrints.eventId, eventId));
  const out = {} as PrintStatus;
  for (const kind of PRINT_KINDS) {
    const m = marks.find((x) => x.kind === kind);
    out[kind] = { printedAt: m?.printedAt ?? null, changed: !m || m.fingerprint !== fingerprint(printedData(seating, kind)) };
  }
  return out;
}

async function markPrinted(db: Db, eventId: string, kind: SeatingPrintKind, s: Seating) {
  const fp = fingerprint(printedData(s, kind));
  await db
    .insert(seatingPrints)
    .values({ eventId, kind, fingerprint: fp })
    .onConflictDoUpdate({ target: [seatingPrints.eventId, seatingPrints.kind], set: { fingerprint: fp, printedAt: new Date() } });
}

/** A label for each rostrum plan: the whole forum, a room or a session. */
async function planLabels(db: Db, eventId: string, plans: RostrumView[], locale: Locale) {
  const t = seatingT(locale);
  const [roomRows, sessionRows] = await Promise.all([
    db.select({ id: rooms.id, name: rooms.name, nameEn: rooms.nameEn }).from(rooms).where(eq(rooms.eventId, eventId)),
    db.select({ id: agendaSessions.id, title: agendaSessions.title, titleEn: agendaSessions.titleEn }).from(agendaSessions).where(eq(agendaSessions.eventId, eventId)),
  ]);
  return plans.map((p) => {
    const room = roomRows.find((r) => r.id === p.roomId);
    const session = sessionRows.find((x) => x.id === p.sessionId);
    const parts = [session ? pick(locale, session.title, session.titleEn) : null, room ? pick(locale, room.name, room.nameEn) : null].filter(Boolean);
    return { ...p, label: parts.length ? parts.join(" · ") : t("rostrum.wholeForum") };
  });
}

export type PrintOptions = { kind: SeatingPrintKind; paper: Paper; locale: Locale; position: boolean; view?: "audience" | "rostrum"; mark: boolean };

/** The print HTML of one printable; `mark` records it as printed (the PDF and print routes do, previews do not). */
export async function seatingPrintHtml(db: Db, event: { id: string; title: string; titleEn: string | null }, o: PrintOptions): Promise<string> {
  const s = await seatingOf(db, event.id);
  const title = pick(o.locale, event.title, event.titleEn);
  let html: string;
  switch (o.kind) {
    case "rostrum_map":
      html = renderRostrumMapHtml(title, await planLabels(db, event.id, s.rostrums, o.locale), o.locale, o.paper, o.view);
      break;
    case "hall_map":
      html = renderHallMapHtml(title, s.hall, o.locale, o.paper);
      break;
    case "table_cards":
      html = renderTableCardsHtml(tableCardPeople(s), o.locale, { position: o.position, title: `${title} · ${seatingT(o.locale)("doc.tableCardsTitle")}` });
      break;
    case "dining_lists":
      html = renderDiningListsHtml(title, s.dining, o.locale);
      break;
  }
  if (o.mark) await markPrinted(db, event.id, o.kind, s);
  return html;
}

