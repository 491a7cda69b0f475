/**
 * The three lists a 会务组 prints — the roster (参会名单), the pickup schedule (接送站) and the room list (住宿) —
 * as grouped tables (lib/printables/grouped-table.ts renders them to HTML/PDF and XLSX). Pure: the data comes in.
 */
import type { Locale } from "@/lib/i18n/config";
import { dateFormat } from "@/lib/i18n/format";
import { TRAVEL_MODES } from "@/lib/shared/enums";
import type { GroupedTable } from "@/lib/printables/grouped-table";
import type { DocsT } from "./docs-i18n";
import { travelSchedule, type Traveller } from "./travel";


export type RosterPerson = {
  name: string;
  gender: string | null;
  position: string | null;
  rank: string | null;
  phone: string | null;
  siteVisit: boolean;
  accommodation: string | null;
  diet: string | null;
  note: string | null;
};
export type RosterUnit = { organization: string; delegates: RosterPerson[] };

const dash = (v: string | null | undefined) => (v && v.trim() ? v : "");

export function rosterTable(units: RosterUnit[], t: DocsT, eventTitle: string, generated: string): GroupedTable {
  const total = units.reduce((n, u) => n + u.delegates.length, 0);
  // units that named nobody (yet) are not listed, nor counted
  const listed = units.filter((u) => u.delegates.length).length;
  return {
    title: t("roster.title"),
    subtitle: `${eventTitle}　${t("roster.total", { units: listed, n: total })}`,
    columns: [
      { label: t("col.name"), width: "20mm", nowrap: true },
      { label: t("col.gender"), width: "10mm", nowrap: true },
      { label: t("col.position") },
      { label: t("col.rank"), width: "16mm", nowrap: true },
      { label: t("col.phone"), width: "27mm", nowrap: true },
      { label: t("col.siteVisit"), width: "14mm", nowrap: true },
      { label: t("col.accommodation"), width: "14mm", nowrap: true },
      { label: t("col.note"), width: "26mm" },
    ],
    groups: units
      .filter((u) => u.delegates.length)
      .map((u) => ({
        heading: u.organization,
        note: t("count", { n: u.delegates.length }),
        rows: u.delegates.map((d) => [
          d.name,
          d.gender ? t(`gender.${d.gender}`) : "",
          dash(d.position),
          d.rank ? t(`rank.${d.rank}`) : "",
          dash(d.phone),
          d.siteVisit ? t("yes") : t("no"),
          d.accommodation ? t(`accommodation.${d.accommodation}`) : "",
          [d.diet, d.note].filter(Boolean).join("；"),
        ]),
      })),
    empty: t("roster.empty"),
    footer: generated,
  };
}

export type TravelPerson = Omit<Traveller, "leg"> & { arrival: Traveller["leg"] | null; departure: Traveller["leg"] | null };

/** Date as the team reads it: 9月4日 周四 / Thu 4 Sep. */
function dayLabel(date: string, locale: Locale): string {
  if (!date) return "";
  const d = new Date(`${date}T12:00:00Z`);
  return dateFormat(locale === "en" ? "en-GB" : "zh-CN", { timeZone: "UTC", month: "short", day: "numeric", weekday: "short" }).format(d);
}

export function travelTable(people: TravelPerson[], t: DocsT, locale: Locale, timeZone: string, eventTitle: string, generated: string, windowMinutes = 120): GroupedTable {
  const legs = (dir: "arrival" | "departure") =>
    travelSchedule(
      people.filter((p) => p[dir]).map((p) => ({ ...p, leg: p[dir]! })),
      timeZone,
      windowMinutes,
      t("travel.noStation"),
    ).map((g) => ({
      heading: `${t(`travel.${dir}`)} · ${g.date ? `${dayLabel(g.date, locale)} ${g.window}` : t("travel.noTime")} · ${g.station}`,
      note: t("count", { n: g.count }),
      rows: g.rows.map((r) => [r.time, r.name, r.unit, dash(r.position), `${t(`travel.by.${(TRAVEL_MODES as readonly string[]).includes(r.by) ? r.by : "other"}`)} ${r.number}`.trim(), dash(r.phone)]),
    }));
  const arrivals = legs("arrival");
  const departures = legs("departure");
  const count = (gs: typeof arrivals) => gs.reduce((n, g) => n + g.rows.length, 0);
  return {
    title: t("travel.title"),
    subtitle: `${eventTitle}　${t("travel.total", { arrivals: count(arrivals), departures: count(departures) })}`,
    columns: [
      { label: t("col.time"), width: "14mm", nowrap: true },
      { label: t("col.name"), width: "20mm", nowrap: true },
      { label: t("col.unit") },
      { label: t("col.position"), width: "30mm" },
      { label: t("col.number"), width: "24mm", nowrap: true },
      { label: t("col.phone"), width: "27mm", nowrap: true },
    ],
    groups: [...arrivals, ...departures],
    empty: t("travel.empty"),
    footer: generated,
  };
}

export type RoomOccupant = { name: string; gender: string | null; unit: string; phone: string | null };
export type HotelRooms = {
  name: string;
  address: string | null;
  phone: string | null;
  rooms: { label: string; type: "single" | "shared"; nights: number; occupants: RoomOccupant[] }[];
};

export function roomsTable(hotels: HotelRooms[], t: DocsT, eventTitle: string, generated: string): GroupedTable {
  const people = hotels.reduce((n, h) => n + h.rooms.reduce((m, r) => m + r.occupants.length, 0), 0);
  return {
    title: t("rooms.title"),
    subtitle: `${eventTitle}　${t("rooms.total", { hotels: hotels.length, n: people })}`,
    columns: [
      { label: t("col.room"), width: "18mm", nowrap: true },
      { label: t("col.roomType"), width: "16mm", nowrap: true },
      { label: t("col.nights"), width: "12mm", nowrap: true },
      { label: t("col.name"), width: "20mm", nowrap: true },
      { label: t("col.gender"), width: "10mm", nowrap: true },
      { label: t("col.unit") },
      { label: t("col.phone"), width: "27mm", nowrap: true },
    ],
    groups: hotels.map((h) => {
      const used = h.rooms.filter((r) => r.occupants.length);
      return {
        heading: h.name,
        note: [t("rooms.count", { rooms: used.length, n: used.reduce((m, r) => m + r.occupants.length, 0) }), h.address, h.phone].filter(Boolean).join(" · "),
        rows: used.flatMap((r) =>
          r.occupants.map((o) => [r.label, t(`accommodation.${r.type}`), String(r.nights), o.name, o.gender ? t(`gender.${o.gender}`) : "", o.unit, dash(o.phone)]),
        ),
      };
    }),
    empty: t("rooms.empty"),
    footer: generated,
  };
}
