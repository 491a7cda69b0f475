import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./_common";
import { forumId } from "./events";
import { ROOM_LAYOUTS } from "../../lib/shared/enums";

/** How a room is set up: 剧院式 / 课桌式 / 圆桌式 / 主席台+会场. */
export const roomLayout = pgEnum("room_layout", ROOM_LAYOUTS);

/** A room (会议室/分会场) of a forum's venue; sessions take a room, parallel sub-forums run in several. */
export const rooms = pgTable(
  "rooms",
  {
    id: id(),
    eventId: forumId(),
    name: text().notNull(),
    nameEn: text(),
    /** Seats; null = not known. */
    capacity: integer(),
    floor: text(),
    layout: roomLayout().notNull().default("theatre"),
    order: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("rooms_event_name_unique").on(t.eventId, sql`lower(${t.name})`),
    index("rooms_event_idx").on(t.eventId, t.order),
    check("rooms_name", sql`length(trim(${t.name})) > 0`),
    check("rooms_capacity_positive", sql`${t.capacity} IS NULL OR ${t.capacity} > 0`),
  ],
);
