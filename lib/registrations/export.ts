/**
 * Export of a forum's registrations as CSV or XLSX, streamed: rows are read in keyset pages of 2,000 and written as
 * they come, so memory stays flat at any size. All columns: the registration, the answers to every question of the
 * forum, and the check-in time per segment (in the forum's zone).
 */
import "server-only";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { buses, checkins, events, registrationQuestions, registrations } from "@/db/schema";
import { checkinSegments } from "@/lib/checkin/queries";
import { xlsxStream, type XlsxDateTime } from "@/lib/xlsx/writer";
import { registrationColumns } from "./admin-queries";
import { csvLine } from "./csv";
import { dateFormat } from "@/lib/i18n/format";

export type ExportLabels = {
  columns: Record<(typeof BASE_COLUMNS)[number], string>;
  status: Record<string, string>;
  category: Record<string, string>;
  source: Record<string, string>;
  yes: string;
  no: string;
  /** Header of the check-in column of a segment. */
  checkin: (segment: string) => string;
};

export const BASE_COLUMNS = [
  "fullName",
  "email",
  "phone",
  "organization",
  "position",
  "category",
  "status",
  "siteVisit",
  "bus",
  "needs",
  "notes",
  "source",
  "ticketCode",
  "registeredAt",
  "confirmedAt",
  "waitlistedAt",
  "cancelledAt",
] as const;

const PAGE = 5000;

/**
 * A time in the forum's zone as a wall clock (XlsxDateTime: ms whose UTC fields are the local date and time). The
 * XLSX gets a real date cell of it, the CSV "2025-09-05 09:12:00" (sortable, what a spreadsheet user expects).
 */
function zoned(timeZone: string) {
  const f = dateFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
  // The zone's offset, memoised per UTC hour (offsets change on the hour or half hour at most): one Intl call per
  // hour of timestamps instead of one per cell.
  const offsets = new Map<number, number>();
  const offsetAt = (t: number) => {
    const hour = Math.floor(t / 3_600_000);
    let off = offsets.get(hour);
    if (off === undefined) {
      const p = Object.fromEntries(f.formatToParts(new Date(hour * 3_600_000)).map((x) => [x.type, x.value]));
      off = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute, +p.second) - hour * 3_600_000;
      offsets.set(hour, off);
    }
    return off;
  };
  return (d: Date | null | undefined): XlsxDateTime | null => (d ? { wallClock: d.getTime() + offsetAt(d.getTime()) } : null);
}

const two = (n: number) => (n < 10 ? "0" : "") + n;
/** A cell as CSV text: a wall-clock time as "2025-09-05 09:12:00". */
function csvText(v: ExportCell): string {
  if (v === null) return "";
  if (typeof v === "string") return v;
  const l = new Date(v.wallClock);
  return `${l.getUTCFullYear()}-${two(l.getUTCMonth() + 1)}-${two(l.getUTCDate())} ${two(l.getUTCHours())}:${two(l.getUTCMinutes())}:${two(l.getUTCSeconds())}`;
}

/** Text, or a time in the forum's zone (a date cell in XLSX, text in CSV), or nothing. */
export type ExportCell = string | XlsxDateTime | null;

/** Header plus an async generator of value rows, shared by both formats. */
export async function exportRows(db: Db, eventId: string, labels: ExportLabels) {
  const [ev] = await db.select({ timezone: events.timezone }).from(events).where(eq(events.id, eventId));
  const when = zoned(ev?.timezone ?? "Asia/Shanghai");
  const questions = await db.select().from(registrationQuestions).where(eq(registrationQuestions.eventId, eventId)).orderBy(asc(registrationQuestions.order));
  const segments = await checkinSegments(db, eventId);
  const busNames = new Map((await db.select({ id: buses.id, name: buses.name }).from(buses).where(eq(buses.eventId, eventId))).map((b) => [b.id, b.name]));
  const header = [...BASE_COLUMNS.map((c) => labels.columns[c]), ...questions.map((q) => q.label), ...segments.map(labels.checkin)];

  async function* rows(): AsyncGenerator<ExportCell[]> {
    // The cursor keeps created_at as Postgres's own text: timestamptz has microseconds, a JS Date only milliseconds,
    // and a truncated cursor would re-read the same rows forever.
    let after: { createdAt: string; id: string } | null = null;
    for (;;) {
      const cond: SQL[] = [eq(registrations.eventId, eventId)];
      if (after) cond.push(sql`(${registrations.createdAt}, ${registrations.id}) > (${after.createdAt}::timestamptz, ${after.id}::uuid)`);
      const page = await db
        .select({
          ...registrationColumns,
          confirmedAt: registrations.confirmedAt,
          waitlistedAt: registrations.waitlistedAt,
          cancelledAt: registrations.cancelledAt,
          cursor: sql<string>`${registrations.createdAt}::text`,
        })
        .from(registrations)
        .where(and(...cond))
        .orderBy(asc(registrations.createdAt), asc(registrations.id))
        .limit(PAGE);
      if (page.length === 0) return;
      const cs = await db
        .select({ registrationId: checkins.registrationId, segment: checkins.segment, at: checkins.checkedInAt })
        .from(checkins)
        // the forum's own check-ins (its index), not a probe per id of the page across every forum's check-ins
        .where(and(eq(checkins.eventId, eventId), inArray(checkins.registrationId, page.map((r) => r.id))));
      const byReg = new Map<string, Map<string, Date>>();
      for (const c of cs) {
        const m = byReg.get(c.registrationId) ?? new Map<string, Date>();
        m.set(c.segment, c.at);
        byReg.set(c.registrationId, m);
      }
      for (const r of page) {
        const ci = byReg.get(r.id);
        yield [
          r.fullName,
          r.email ?? "",
          r.phone ?? "",
          r.organization ?? "",
          r.position ?? "",
          labels.category[r.category] ?? r.category,
          labels.status[r.status] ?? r.status,
          r.siteVisit ? labels.yes : labels.no,
          r.busId ? (busNames.get(r.busId) ?? "") : "",
          r.needs ?? "",
          r.notes ?? "",
          labels.source[r.source] ?? r.source,
          r.ticketCode,
          when(r.createdAt),
          when(r.confirmedAt),
          when(r.waitlistedAt),
          when(r.cancelledAt),
          ...questions.map((q) => {
            const a = r.answers[q.id];
            return Array.isArray(a) ? a.join("; ") : (a ?? "");
          }),
          ...segments.map((s) => when(ci?.get(s))),
        ];
      }
      const last = page[page.length - 1];
      after = { createdAt: last.cursor, id: last.id };
      if (page.length < PAGE) return;
    }
  }
  /** The time columns (registered … cancelled, then one check-in column per segment): wide enough for a date-time. */
  const timeColumns = new Set([...["registeredAt", "confirmedAt", "waitlistedAt", "cancelledAt"].map((c) => BASE_COLUMNS.indexOf(c as (typeof BASE_COLUMNS)[number])), ...segments.map((_, i) => BASE_COLUMNS.length + questions.length + i)]);
  return { header, rows, timeColumns };
}

/** CSV (UTF-8 with BOM, so Excel opens Chinese correctly) as a web ReadableStream. */
export async function exportCsvStream(db: Db, eventId: string, labels: ExportLabels): Promise<ReadableStream<Uint8Array>> {
  const { header, rows } = await exportRows(db, eventId, labels);
  const enc = new TextEncoder();
  const it = rows();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(enc.encode("\ufeff" + csvLine(header)));
        return;
      }
      let chunk = "";
      for (let i = 0; i < 500; i++) {
        const n = await it.next();
        if (n.done) {
          if (chunk) controller.enqueue(enc.encode(chunk));
          controller.close();
          return;
        }
        chunk += csvLine(n.value.map(csvText));
      }
      controller.enqueue(enc.encode(chunk));
    },
    async cancel() {
      await it.return(undefined);
    },
  });
}

/** XLSX through our streaming writer (lib/xlsx: inline strings, times as date cells, deflated as rows arrive). */
export async function exportXlsxStream(db: Db, eventId: string, labels: ExportLabels, sheetName = "Registrations"): Promise<ReadableStream<Uint8Array>> {
  const { header, rows, timeColumns } = await exportRows(db, eventId, labels);
  return xlsxStream({ sheetName, header, rows: rows(), widths: header.map((_, i) => (timeColumns.has(i) ? 20 : undefined)) });
}
