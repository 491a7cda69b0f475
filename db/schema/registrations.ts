import { sql } from "drizzle-orm";
import { bigserial, boolean, check, foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, tstz, updatedAt } from "./_common";
import { agendaSessions, buses } from "./agenda";
import { users } from "./auth";
import { events, forumId } from "./events";
import { DELEGATE_CATEGORIES, OUTBOX_CHANNELS, OUTBOX_STATUSES, REGISTRATION_SOURCES, REGISTRATION_STATUSES } from "../../lib/shared/enums";

export const registrationStatus = pgEnum("registration_status", REGISTRATION_STATUSES);

/** 与会代表类别: government department, industrial park, expert/scholar, enterprise, media, other. */
export const delegateCategory = pgEnum("delegate_category", DELEGATE_CATEGORIES);

/** `delegation`: named on an invited unit's reply slip (db/schema/delegations.ts). */
export const registrationSource = pgEnum("registration_source", REGISTRATION_SOURCES);

/** One person's registration (报名) for one forum. Guests added by an organizer may have no user account. */
export const registrations = pgTable(
  "registrations",
  {
    id: id(),
    eventId: forumId(),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    status: registrationStatus().notNull(),
    fullName: text().notNull(),
    /** Lower-cased; unique per forum when present. */
    email: text(),
    phone: text(),
    category: delegateCategory().notNull().default("other"),
    organization: text(),
    position: text(),
    needs: text(),
    siteVisit: boolean().notNull().default(false),
    busId: uuid().references(() => buses.id, { onDelete: "set null" }),
    /** Unguessable (≥ 128 bits, base64url) code printed as the ticket QR. */
    ticketCode: text().notNull(),
    answers: jsonb().$type<Record<string, string | string[]>>().notNull().default({}),
    source: registrationSource().notNull().default("self"),
    notes: text(),
    /** Orders the waitlist: first come, first served. */
    waitlistedAt: tstz(),
    confirmedAt: tstz(),
    cancelledAt: tstz(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("registrations_ticket_code_unique").on(t.ticketCode),
    uniqueIndex("registrations_event_user_unique").on(t.eventId, t.userId),
    uniqueIndex("registrations_event_email_unique").on(t.eventId, t.email),
    index("registrations_event_status_idx").on(t.eventId, t.status, t.createdAt),
    // the console table's default order and the export's keyset pages
    index("registrations_event_created_idx").on(t.eventId, t.createdAt, t.id),
    index("registrations_bus_idx").on(t.busId),
    // target of checkins' (registration_id, event_id) foreign key: a check-in carries its registration's forum
    unique("registrations_id_event_unique").on(t.id, t.eventId),
    check("registrations_ticket_code_length", sql`length(${t.ticketCode}) >= 22`),
    check("registrations_email_lower", sql`${t.email} IS NULL OR ${t.email} = lower(${t.email})`),
  ],
);

/** A check-in (签到) of a registration for one segment of the forum (e.g. morning site visit, afternoon symposium). */
export const checkins = pgTable(
  "checkins",
  {
    id: id(),
    registrationId: uuid().notNull(),
    /**
     * The registration's forum, copied so per-forum reads filter check-ins by their own index instead of joining
     * every check-in through registrations; the (registration_id, event_id) foreign key keeps it equal.
     */
    eventId: uuid().notNull(),
    /** "event" for the whole forum, or a segment name / session id. */
    segment: text().notNull().default("event"),
    sessionId: uuid().references(() => agendaSessions.id, { onDelete: "set null" }),
    checkedInAt: tstz().notNull().defaultNow(),
    checkedInById: uuid().references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    unique("checkins_registration_segment_unique").on(t.registrationId, t.segment),
    foreignKey({
      name: "checkins_registration_event_fk",
      columns: [t.registrationId, t.eventId],
      foreignColumns: [registrations.id, registrations.eventId],
    }).onDelete("cascade"),
    index("checkins_event_segment_registration_idx").on(t.eventId, t.segment, t.registrationId),
  ],
);

/**
 * The session a registration chose among parallel ones (分论坛), made at registration: it holds a seat in that
 * session while the registration holds a seat in the forum. One choice per parallel group is checked by the command.
 */
export const registrationSessions = pgTable(
  "registration_sessions",
  {
    registrationId: uuid()
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    sessionId: uuid()
      .notNull()
      .references(() => agendaSessions.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.registrationId, t.sessionId] }), index("registration_sessions_session_idx").on(t.sessionId)],
);

/** Sessions an attendee marked for their personal agenda. */
export const agendaSelections = pgTable(
  "agenda_selections",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    sessionId: uuid()
      .notNull()
      .references(() => agendaSessions.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.sessionId] })],
);

/** Secret token of a user's personal calendar (.ics) feed. */
export const calendarFeeds = pgTable("calendar_feeds", {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  token: text().notNull().unique(),
  createdAt: createdAt(),
});

export const outboxStatus = pgEnum("outbox_status", OUTBOX_STATUSES);

/** E-mail through SMTP, or a text message through the SMS sender (lib/notifications/sms.ts). */
export const outboxChannel = pgEnum("outbox_channel", OUTBOX_CHANNELS);

/** Notifications go through an outbox: written in the same transaction as the change, delivered by a worker. */
export const outbox = pgTable(
  "outbox",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    kind: text().notNull(),
    channel: outboxChannel().notNull().default("email"),
    /** Set when channel = email. */
    toEmail: text(),
    /** Set when channel = sms. */
    toPhone: text(),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    eventId: uuid().references(() => events.id, { onDelete: "set null" }),
    registrationId: uuid().references(() => registrations.id, { onDelete: "set null" }),
    subject: text().notNull(),
    body: text().notNull(),
    status: outboxStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: tstz().notNull().defaultNow(),
    lastError: text(),
    createdAt: createdAt(),
    sentAt: tstz(),
    /**
     * How a sent message left: "smtp", "sms-http" — or "log" / "sms-log" when no mail server or SMS provider is set
     * up, so the mail log says 已记录（未配置发信）, never 已投递 (delivered).
     */
    deliveredVia: text(),
  },
  (t) => [
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
    check("outbox_recipient", sql`(${t.channel} = 'email' AND ${t.toEmail} IS NOT NULL) OR (${t.channel} = 'sms' AND ${t.toPhone} IS NOT NULL)`),
  ],
);
