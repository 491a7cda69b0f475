import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, tstz, updatedAt } from "./_common";
import { users } from "./auth";
import { organizations } from "./organizations";
import { EVENT_STAFF_ROLES, EVENT_STATUSES, HOST_ROLES, QUESTION_KINDS } from "../../lib/shared/enums";

export const eventStatus = pgEnum("event_status", EVENT_STATUSES);

/** The role an organization plays for a forum: 主办 / 联合主办 / 承办 / 协办 / 支持单位 / 媒体. */
export const hostRole = pgEnum("host_role", HOST_ROLES);

export const eventStaffRole = pgEnum("event_staff_role", EVENT_STAFF_ROLES);

export const questionKind = pgEnum("question_kind", QUESTION_KINDS);

/** A forum (座谈会/论坛). */
export const events = pgTable(
  "events",
  {
    id: id(),
    slug: text().notNull(),
    title: text().notNull(),
    titleEn: text(),
    summary: text().notNull().default(""),
    summaryEn: text(),
    /** Who the forum is for (与会对象). */
    audience: text(),
    audienceEn: text(),
    startsAt: tstz().notNull(),
    endsAt: tstz().notNull(),
    /** IANA zone; every time of this forum is rendered in it. */
    timezone: text().notNull().default("Asia/Shanghai"),
    venueName: text(),
    venueNameEn: text(),
    venueAddress: text(),
    venueAddressEn: text(),
    city: text(),
    cityEn: text(),
    /** Seats for registrants; null = unlimited. */
    capacity: integer(),
    status: eventStatus().notNull().default("draft"),
    registrationOpensAt: tstz(),
    registrationClosesAt: tstz(),
    requiresApproval: boolean().notNull().default(false),
    waitlistEnabled: boolean().notNull().default(true),
    /** Default reply-by (回执截止) for new invited units; null = 7 days before the forum starts. */
    delegationReplyBy: tstz(),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("events_slug_unique").on(t.slug),
    index("events_status_starts_idx").on(t.status, t.startsAt),
    check("events_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check("events_time_range", sql`${t.endsAt} >= ${t.startsAt}`),
    check("events_capacity_nonneg", sql`${t.capacity} IS NULL OR ${t.capacity} >= 0`),
    check(
      "events_registration_window",
      sql`${t.registrationOpensAt} IS NULL OR ${t.registrationClosesAt} IS NULL OR ${t.registrationClosesAt} >= ${t.registrationOpensAt}`,
    ),
  ],
);

/** The column of a row that belongs to one forum and is deleted with it. */
export const forumId = () =>
  uuid()
    .notNull()
    .references(() => events.id, { onDelete: "cascade" });

/** Organizations linked to a forum with a role, in display order. */
export const eventOrganizations = pgTable(
  "event_organizations",
  {
    id: id(),
    eventId: forumId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "restrict" }),
    role: hostRole().notNull(),
    order: integer().notNull().default(0),
  },
  (t) => [unique("event_organizations_unique").on(t.eventId, t.organizationId, t.role), index("event_organizations_event_idx").on(t.eventId)],
);

/** Per-event organizers and staff (DESIGN §5). */
export const eventStaff = pgTable(
  "event_staff",
  {
    eventId: forumId(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: eventStaffRole().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.userId] }), index("event_staff_user_idx").on(t.userId)],
);

/** Organizer-defined extra questions on the registration form. */
export const registrationQuestions = pgTable(
  "registration_questions",
  {
    id: id(),
    eventId: forumId(),
    label: text().notNull(),
    labelEn: text(),
    kind: questionKind().notNull().default("text"),
    /** Choices for choice / multi_choice questions. */
    options: jsonb().$type<string[]>().notNull().default([]),
    required: boolean().notNull().default(false),
    order: integer().notNull().default(0),
  },
  (t) => [index("registration_questions_event_idx").on(t.eventId)],
);

/**
 * An invitation to a forum's team (团队) for an email that has no account yet: the link carries a 256-bit token of
 * which only the SHA-256 is stored; accepting it creates the account and grants the role. Revocable, expires.
 */
export const eventInvitations = pgTable(
  "event_invitations",
  {
    id: id(),
    eventId: forumId(),
    /** Lower-cased, NFC. */
    email: text().notNull(),
    role: eventStaffRole().notNull(),
    tokenHash: text().notNull(),
    invitedById: uuid().references(() => users.id, { onDelete: "set null" }),
    expiresAt: tstz().notNull(),
    acceptedAt: tstz(),
    acceptedById: uuid().references(() => users.id, { onDelete: "set null" }),
    revokedAt: tstz(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("event_invitations_token_unique").on(t.tokenHash),
    // at most one open invitation per forum and email
    uniqueIndex("event_invitations_open_unique").on(t.eventId, t.email).where(sql`${t.acceptedAt} IS NULL AND ${t.revokedAt} IS NULL`),
    check("event_invitations_email_lower", sql`${t.email} = lower(${t.email})`),
  ],
);
