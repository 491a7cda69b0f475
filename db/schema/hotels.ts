import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./_common";
import { delegates } from "./delegations";
import { forumId } from "./events";

/** single = one bed (单间), shared = two beds (标准间, 合住). */
export const roomType = pgEnum("room_type", ["single", "shared"]);

/** A hotel the 会务组 books for a forum (住宿). */
export const hotels = pgTable(
  "hotels",
  {
    id: id(),
    eventId: forumId(),
    name: text().notNull(),
    address: text(),
    phone: text(),
    sortOrder: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique("hotels_event_name_unique").on(t.eventId, t.name), index("hotels_event_idx").on(t.eventId, t.sortOrder)],
);

/**
 * A block of rooms booked in one hotel: `count` rooms of one type for `nights` nights. Rooms are numbered 1..count
 * within the block; `roomNumbers` optionally gives the hotel's own numbers in that order (e.g. ["801", "802"]).
 */
export const roomBlocks = pgTable(
  "room_blocks",
  {
    id: id(),
    hotelId: uuid()
      .notNull()
      .references(() => hotels.id, { onDelete: "cascade" }),
    type: roomType().notNull(),
    count: integer().notNull(),
    nights: integer().notNull().default(1),
    roomNumbers: jsonb().$type<string[]>().notNull().default([]),
    sortOrder: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index("room_blocks_hotel_idx").on(t.hotelId),
    check("room_blocks_count_positive", sql`${t.count} >= 1`),
    check("room_blocks_nights_positive", sql`${t.nights} >= 1`),
  ],
);

/**
 * Who sleeps where: one bed of one room of a block per delegate. A bed is never given twice (unique); the room
 * number stays within the block's count and the bed within the room type's beds — checked by the commands under the
 * block's row lock (lib/delegations/hotels.ts), since a check constraint cannot read the block.
 */
export const roomAssignments = pgTable(
  "room_assignments",
  {
    delegateId: uuid()
      .primaryKey()
      .references(() => delegates.id, { onDelete: "cascade" }),
    blockId: uuid()
      .notNull()
      .references(() => roomBlocks.id, { onDelete: "cascade" }),
    room: integer().notNull(),
    bed: integer().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("room_assignments_bed_unique").on(t.blockId, t.room, t.bed),
    check("room_assignments_room_positive", sql`${t.room} >= 1`),
    check("room_assignments_bed_range", sql`${t.bed} BETWEEN 1 AND 2`),
  ],
);
