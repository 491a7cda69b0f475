import { index, integer, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./_common";
import { organizations } from "./organizations";
import { media } from "./storage";

/** Speakers, moderators and other named people on agendas (嘉宾). Not necessarily users. */
export const people = pgTable("people", {
  id: id(),
  name: text().notNull(),
  nameEn: text(),
  bio: text(),
  bioEn: text(),
  /** The speaker's portrait: an uploaded photo, re-encoded like report photos (lib/storage/upload.ts). */
  photoMediaId: uuid().references(() => media.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** A person holds one or more positions (organization + title), in the order they are cited. */
export const personPositions = pgTable(
  "person_positions",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    organizationId: uuid().references(() => organizations.id, { onDelete: "set null" }),
    /** Organization as cited (kept even when no organizations row is linked). */
    organization: text().notNull(),
    organizationEn: text(),
    title: text().notNull().default(""),
    titleEn: text(),
    order: integer().notNull().default(0),
  },
  (t) => [unique("person_positions_order_unique").on(t.personId, t.order), index("person_positions_person_idx").on(t.personId)],
);
