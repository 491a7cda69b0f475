/** 座次 console: protocol order, rostrum, hall, banquet and rooms, with the prints and their "changed" flags. */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { asc, eq } from "drizzle-orm";
import { SeatingEditor, type SeatingEditorProps } from "@/components/seating/seating-editor";
import { agendaSessions } from "@/db/schema";
import { can } from "@/lib/auth/guard";
import { pageActor } from "@/lib/auth/page-guard";
import { getDb } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatTime, pick } from "@/lib/i18n/format";
import { consoleEvent } from "@/lib/events/admin-queries";
import { printStatusOf, PRINT_KINDS } from "@/lib/seating/prints";
import { protocolOrderOf } from "@/lib/seating/protocol";
import { seatingOf } from "@/lib/seating/queries";
import { roomsOf } from "@/lib/venues/queries";

export const dynamic = "force-dynamic";

const TABS = ["protocol", "rostrum", "hall", "dining", "rooms"] as const;
/** The hall's not-seated list is searched (?find=), not scrolled: at most this many rows in the page. */
const UNSEATED_SHOWN = 100;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("seating"))("title") };
}

/**
 * The hall's not-seated list as the page sends it: at most UNSEATED_SHOWN people, searched here (`?find=`) — a
 * 10,000-registration forum before auto-assign would otherwise send 8,000 names with the page and with every refresh.
 */
function unseatedPage(all: SeatingEditorProps["unseated"], find: string) {
  const q = find.toLowerCase();
  const hits = q ? all.filter((u) => u.name.toLowerCase().includes(q) || (u.organization ?? "").toLowerCase().includes(q)) : all;
  return { unseated: hits.slice(0, UNSEATED_SHOWN), unseatedCount: all.length };
}

export default async function SeatingPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { slug } = await params;
  const sp = await searchParams;
  const db = await getDb();
  const ev = await consoleEvent(db, slug);
  if (!ev) notFound();
  const actor = await pageActor("seating.read", { eventId: ev.id }, `/admin/events/${slug}/seating`);
  const [t, locale, canManage] = await Promise.all([getTranslations("seating"), getLocale() as Promise<Locale>, can(actor, "seating.manage", { eventId: ev.id }, db)]);
  const find = (sp.find ?? "").trim().slice(0, 100);
  const tab = (TABS as readonly string[]).includes(sp.tab ?? "") ? (sp.tab as (typeof TABS)[number]) : "protocol";

  const seating = await seatingOf(db, ev.id);
  const [order, rooms, sessions, prints] = await Promise.all([
    protocolOrderOf(db, ev.id, seating.directory), // the directory read once: 10,000 registrations are not read twice
    roomsOf(db, ev.id),
    db.select().from(agendaSessions).where(eq(agendaSessions.eventId, ev.id)).orderBy(asc(agendaSessions.startsAt), asc(agendaSessions.order)),
    printStatusOf(db, ev.id, seating),
  ]);
  const person = (s: { id: string; kind: "person" | "registration"; name: string; nameEn: string | null; organization: string | null; organizationEn: string | null; title: string | null; titleEn: string | null; rank: SeatingEditorProps["order"][number]["rank"] | null }) => ({
    id: s.id,
    kind: s.kind,
    name: pick(locale, s.name, s.nameEn),
    organization: s.organization ? pick(locale, s.organization, s.organizationEn) : null,
    title: s.title ? pick(locale, s.title, s.titleEn) : null,
    rank: s.rank,
  });
  const dir = [...seating.directory.values()];
  const seatedInHall = new Set(seating.hall?.seats.map((s) => s.id) ?? []);
  const onRostrum = new Set(seating.rostrums.flatMap((p) => p.rows.flatMap((r) => r.seats.map((s) => s.id))));
  const roomName = new Map(rooms.map((r) => [r.id, pick(locale, r.name, r.nameEn)]));
  const sessionTitle = new Map(sessions.map((s) => [s.id, pick(locale, s.title, s.titleEn)]));

  const props: SeatingEditorProps = {
    eventId: ev.id,
    slug,
    tab,
    canManage,
    order: order.map((e) => ({ ...person(e), entryId: e.entryId, position: e.position, rank: e.rank })),
    // each tab gets only its own lists: a 10,000-registration forum's directory is not sent to every tab
    candidates: tab === "protocol" ? dir.filter((s) => s.protocolPosition === null).map(person) : [],
    rostrums: seating.rostrums.map((p) => ({
      planId: p.planId,
      roomId: p.roomId,
      sessionId: p.sessionId,
      convention: p.convention,
      label: [p.sessionId ? sessionTitle.get(p.sessionId) : null, p.roomId ? roomName.get(p.roomId) : null].filter(Boolean).join(" · ") || t("rostrum.wholeForum"),
      rows: p.rows.map((r) => ({ row: r.row, seats: r.seats.map((s) => ({ ...person(s), seat: s.seat })) })),
    })),
    // the hall's 2,000 seats and the banquet's tables go to their own tab only
    hall:
      tab === "hall" && seating.hall
        ? {
            rows: seating.hall.rows,
            seatsPerRow: seating.hall.seatsPerRow,
            reserved: seating.hall.reserved,
            seats: seating.hall.seats.map((s) => ({ row: s.row, seat: s.seat, id: s.id, name: s.name, organization: s.organization })),
          }
        : null,
    ...unseatedPage(tab === "hall" ? dir.filter((s) => s.kind === "registration" && !seatedInHall.has(s.id) && !onRostrum.has(s.id)).map((s) => ({ ...person(s), title: null, rank: null })) : [], find),
    find,
    dining: { tableSize: seating.dining.tableSize, convention: seating.dining.convention, tables: tab !== "dining" ? [] : seating.dining.tables.map((tb) => ({ number: tb.number, size: tb.size, seats: tb.seats.map((s) => ({ ...person(s), seat: s.seat })) })) },
    rooms: rooms.map((r) => ({ id: r.id, name: r.name, nameEn: r.nameEn, capacity: r.capacity, floor: r.floor, layout: r.layout })),
    sessions: sessions.map((s) => ({ id: s.id, title: pick(locale, s.title, s.titleEn), time: `${formatDate(s.startsAt, ev.timezone, locale)} ${formatTime(s.startsAt, ev.timezone, locale)}`, roomId: s.roomId })),
    prints: PRINT_KINDS.map((kind) => ({ kind, changed: prints[kind].changed, printedAt: prints[kind].printedAt?.toISOString() ?? null })),
  };

  return (
    <>
      <div className="mb-3">
        <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-500">{t("intro")}</p>
      </div>
      <nav className="mb-4 flex flex-wrap gap-1 border-b border-slate-200" aria-label={t("title")}>
        {TABS.map((x) => (
          <Link
            key={x}
            href={`/admin/events/${slug}/seating?tab=${x}`}
            aria-current={tab === x ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm ${tab === x ? "border-brand-700 font-semibold text-brand-800" : "border-transparent text-slate-600 hover:text-slate-900"}`}
            data-testid={`seating-tab-${x}`}
          >
            {t(`tabs.${x}`)}
          </Link>
        ))}
      </nav>
      <SeatingEditor {...props} />
    </>
  );
}
