import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { id, tstz } from "./_common";
import { forumId } from "./events";
import { people } from "./people";
import { SESSION_KINDS, SESSION_ROLES } from "../../lib/shared/enums";
import { rooms } from "./venues";

export const sessionKind = pgEnum("session_kind", SESSION_KINDS);

export const sessionRole = pgEnum("session_role", SESSION_ROLES);

/** An agenda session (环节). Named agenda_sessions to stay clear of Auth.js `sessions`. */
export const agendaSessions = pgTable(
  "agenda_sessions",
  {
    id: id(),
    eventId: forumId(),
    kind: sessionKind().notNull(),
    title: text().notNull(),
    titleEn: text(),
    description: text(),
    descriptionEn: text(),
    startsAt: tstz().notNull(),
    endsAt: tstz().notNull(),
    location: text(),
    locationEn: text(),
    /** The room (会议室/分会场) it takes; the free-text location stays for places outside the venue (site visits). */
    roomId: uuid().references(() => rooms.id, { onDelete: "set null" }),
    /**
     * Seats for a session attendees choose at registration (parallel sub-forums); null = the room's capacity, or no
     * limit without a room. Enforced under the forum lock (lib/registrations/session-choices.ts).
     */
    capacity: integer(),
    order: integer().notNull().default(0),
  },
  (t) => [
    index("agenda_sessions_event_idx").on(t.eventId, t.startsAt),
    index("agenda_sessions_room_idx").on(t.roomId),
    check("agenda_sessions_time_range", sql`${t.endsAt} >= ${t.startsAt}`),
    check("agenda_sessions_capacity_positive", sql`${t.capacity} IS NULL OR ${t.capacity} > 0`),
  ],
);

/** Who appears in a session, in which role, on what topic. */
export const sessionSpeakers = pgTable(
  "session_speakers",
  {
    id: id(),
    sessionId: uuid()
      .notNull()
      .references(() => agendaSessions.id, { onDelete: "cascade" }),
    personId: uuid()
      .notNull()
      .references(() => people.id, { onDelete: "restrict" }),
    role: sessionRole().notNull().default("speaker"),
    topic: text(),
    topicEn: text(),
    order: integer().notNull().default(0),
  },
  (t) => [unique("session_speakers_unique").on(t.sessionId, t.personId, t.role), index("session_speakers_person_idx").on(t.personId)],
);

export type StopFact = { label: string; value: string; labelEn?: string; valueEn?: string };

/** A stop (考察点) on a site-visit session, in route order. */
export const siteVisitStops = pgTable(
  "site_visit_stops",
  {
    id: id(),
    sessionId: uuid()
      .notNull()
      .references(() => agendaSessions.id, { onDelete: "cascade" }),
    order: integer().notNull(),
    name: text().notNull(),
    nameEn: text(),
    organization: text(),
    description: text(),
    descriptionEn: text(),
    facts: jsonb().$type<StopFact[]>().notNull().default([]),
    plannedArrival: tstz(),
  },
  (t) => [unique("site_visit_stops_order_unique").on(t.sessionId, t.order), check("site_visit_stops_name", sql`length(trim(${t.name})) > 0`)],
);

/** A bus or group (车辆/分组) for a site visit; registrants are assigned to it, never beyond its seats. */
export const buses = pgTable(
  "buses",
  {
    id: id(),
    eventId: forumId(),
    sessionId: uuid().references(() => agendaSessions.id, { onDelete: "set null" }),
    name: text().notNull(),
    nameEn: text(),
    seats: integer().notNull(),
    leaderName: text(),
    leaderNameEn: text(),
    leaderPhone: text(),
    order: integer().notNull().default(0),
  },
  (t) => [index("buses_event_idx").on(t.eventId), check("buses_seats_positive", sql`${t.seats} > 0`)],
);
