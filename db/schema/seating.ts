/**
 * Protocol seating (座次, issue 11): the one protocol order per forum (领导排序), rostrum plans (主席台), the hall plan
 * (会场座位) and dining tables (宴会桌次), plus a fingerprint of what was last printed ("changed since last print").
 * A seated person is EITHER a person (speaker, VIP guest: `people`) OR a registration (delegate, attendee).
 */
import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, tstz, updatedAt } from "./_common";
import { agendaSessions } from "./agenda";
import { delegateRank } from "./delegations";
import { events } from "./events";
import { people } from "./people";
import { registrations } from "./registrations";
import { rooms } from "./venues";
import { HALL_RESERVE_REASONS, SEATING_CONVENTIONS, SEATING_PRINT_KINDS } from "../../lib/shared/enums";

export const seatingConvention = pgEnum("seating_convention", SEATING_CONVENTIONS);
export const hallReserveReason = pgEnum("hall_reserve_reason", HALL_RESERVE_REASONS);
export const seatingPrintKind = pgEnum("seating_print_kind", SEATING_PRINT_KINDS);

const onePerson = (name: string, personId: unknown, registrationId: unknown) =>
  check(name, sql`(${personId} IS NULL) <> (${registrationId} IS NULL)`);

/** 领导排序: one ordered list per forum; `position` 1 = most senior. Feeds every plan, the roster and the handbook. */
export const protocolEntries = pgTable(
  "protocol_entries",
  {
    id: id(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    personId: uuid().references(() => people.id, { onDelete: "cascade" }),
    registrationId: uuid().references(() => registrations.id, { onDelete: "cascade" }),
    rank: delegateRank().notNull().default("other"),
    position: integer().notNull(),
    /** Position line for cards and lists when it should differ from the person's own (e.g. 省政府参事). */
    title: text(),
    titleEn: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("protocol_entries_event_person_unique").on(t.eventId, t.personId),
    uniqueIndex("protocol_entries_event_registration_unique").on(t.eventId, t.registrationId),
    index("protocol_entries_event_position_idx").on(t.eventId, t.position),
    index("protocol_entries_registration_idx").on(t.registrationId),
    onePerson("protocol_entries_one_person", t.personId, t.registrationId),
    check("protocol_entries_position_positive", sql`${t.position} >= 1`),
  ],
);

/** A rostrum (主席台) plan: for the whole forum, one room or one session. */
export const rostrumPlans = pgTable(
  "rostrum_plans",
  {
    id: id(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    roomId: uuid().references(() => rooms.id, { onDelete: "cascade" }),
    sessionId: uuid().references(() => agendaSessions.id, { onDelete: "cascade" }),
    convention: seatingConvention().notNull().default("government"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique("rostrum_plans_scope_unique").on(t.eventId, t.roomId, t.sessionId).nullsNotDistinct()],
);

/** One seat of a rostrum plan; seat 1 = leftmost as seen from the audience, row 1 = front. */
export const rostrumSeats = pgTable(
  "rostrum_seats",
  {
    planId: uuid()
      .notNull()
      .references(() => rostrumPlans.id, { onDelete: "cascade" }),
    row: integer().notNull(),
    seat: integer().notNull(),
    personId: uuid().references(() => people.id, { onDelete: "cascade" }),
    registrationId: uuid().references(() => registrations.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.row, t.seat] }),
    uniqueIndex("rostrum_seats_person_unique").on(t.planId, t.personId),
    uniqueIndex("rostrum_seats_registration_unique").on(t.planId, t.registrationId),
    onePerson("rostrum_seats_one_person", t.personId, t.registrationId),
    check("rostrum_seats_position", sql`${t.row} >= 1 AND ${t.seat} >= 1`),
  ],
);

/** The hall (会场): rows × seats; one per forum. */
export const hallPlans = pgTable(
  "hall_plans",
  {
    id: id(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    roomId: uuid().references(() => rooms.id, { onDelete: "set null" }),
    rows: integer().notNull(),
    seatsPerRow: integer().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("hall_plans_event_unique").on(t.eventId),
    check("hall_plans_size", sql`${t.rows} BETWEEN 1 AND 200 AND ${t.seatsPerRow} BETWEEN 1 AND 200`),
  ],
);

/** Rows kept free of auto-assignment (media, staff …). */
export const hallReservedRows = pgTable(
  "hall_reserved_rows",
  {
    planId: uuid()
      .notNull()
      .references(() => hallPlans.id, { onDelete: "cascade" }),
    row: integer().notNull(),
    reason: hallReserveReason().notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.row] }), check("hall_reserved_rows_row", sql`${t.row} >= 1`)],
);

/** A registration's hall seat (3排12号): one seat per registration, one registration per seat. */
export const hallSeats = pgTable(
  "hall_seats",
  {
    planId: uuid()
      .notNull()
      .references(() => hallPlans.id, { onDelete: "cascade" }),
    row: integer().notNull(),
    seat: integer().notNull(),
    registrationId: uuid()
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.row, t.seat] }),
    uniqueIndex("hall_seats_registration_unique").on(t.planId, t.registrationId),
    check("hall_seats_position", sql`${t.row} >= 1 AND ${t.seat} >= 1`),
  ],
);

/** Dining settings of a forum: table size and where the guest of honour sits. */
export const diningPlans = pgTable(
  "dining_plans",
  {
    eventId: uuid()
      .primaryKey()
      .references(() => events.id, { onDelete: "cascade" }),
    tableSize: integer().notNull().default(10),
    convention: seatingConvention().notNull().default("international"),
    updatedAt: updatedAt(),
  },
  (t) => [check("dining_plans_table_size", sql`${t.tableSize} BETWEEN 2 AND 30`)],
);

/** A round table (桌); number 1 is the main table (主桌). */
export const diningTables = pgTable(
  "dining_tables",
  {
    id: id(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    number: integer().notNull(),
    size: integer().notNull(),
  },
  (t) => [
    uniqueIndex("dining_tables_event_number_unique").on(t.eventId, t.number),
    check("dining_tables_number", sql`${t.number} >= 1`),
    check("dining_tables_size", sql`${t.size} BETWEEN 2 AND 30`),
  ],
);

/** A seat at a table; seat 1 = the host's seat of that table, then clockwise. One seat per person per forum. */
export const diningSeats = pgTable(
  "dining_seats",
  {
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    tableId: uuid()
      .notNull()
      .references(() => diningTables.id, { onDelete: "cascade" }),
    seat: integer().notNull(),
    personId: uuid().references(() => people.id, { onDelete: "cascade" }),
    registrationId: uuid().references(() => registrations.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.tableId, t.seat] }),
    uniqueIndex("dining_seats_person_unique").on(t.eventId, t.personId),
    uniqueIndex("dining_seats_registration_unique").on(t.eventId, t.registrationId),
    onePerson("dining_seats_one_person", t.personId, t.registrationId),
    check("dining_seats_seat", sql`${t.seat} >= 1`),
  ],
);

/** What each printable looked like when last printed: a fingerprint of its data; differing now = changed since. */
export const seatingPrints = pgTable(
  "seating_prints",
  {
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    kind: seatingPrintKind().notNull(),
    fingerprint: text().notNull(),
    printedAt: tstz().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.kind] })],
);
