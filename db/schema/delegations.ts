import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { ACCOMMODATION_KINDS, DELEGATION_STATUSES, GENDERS, type TravelMode } from "../../lib/shared/enums";
import { RANKS } from "../../lib/shared/rank";
import { createdAt, id, tstz, updatedAt } from "./_common";
import { forumId } from "./events";
import { organizations } from "./organizations";
import { registrations } from "./registrations";

/** invited → replied (the liaison submitted a list) → closed (the organizer stopped changes). */
export const delegationStatus = pgEnum("delegation_status", DELEGATION_STATUSES);

/** 级别 (protocol rank), most senior first: the roster and the seating order sort by it. */
export const delegateRank = pgEnum("delegate_rank", RANKS);

export const delegateGender = pgEnum("delegate_gender", GENDERS);

export const accommodationKind = pgEnum("accommodation_kind", ACCOMMODATION_KINDS);

/** How a delegate arrives or leaves (接送站): the pickup team groups by date, time window and station. */
export type TravelLeg = { at: string; by: TravelMode; number?: string; station?: string };

/** A draft of the reply slip, saved by the liaison before submitting (no registrations yet). */
export type ReplyDraft = { delegates: Record<string, unknown>[]; savedAt: string };

/**
 * An invited unit (受邀单位) of one forum: its quota (名额) of reserved seats, its liaison (联络员) and the secret
 * reply link (回执). Quotas are reserved seats: the forum's capacity is shared by Σ quota (of units whose seats are not
 * released) and every other seat-holding registration, counted under the forum's row lock (lib/delegations/seats.ts).
 */
export const delegations = pgTable(
  "delegations",
  {
    id: id(),
    eventId: forumId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "restrict" }),
    quota: integer().notNull(),
    liaisonName: text().notNull(),
    liaisonPhone: text().notNull(),
    liaisonEmail: text(),
    replyBy: tstz().notNull(),
    note: text(),
    status: delegationStatus().notNull().default("invited"),
    /**
     * ≥ 128 random bits, base64url: the liaison's link ends with it. Kept (not hashed) so the organizer's notice can
     * print the link again; revoking = rotating it.
     */
    replyToken: text().notNull(),
    /** The organizer's order of units (roster, notice, protocol order). */
    sortOrder: integer().notNull().default(0),
    /** When the unused seats went back to the forum (by hand or at reply-by); null = the quota is still reserved. */
    releasedAt: tstz(),
    /** Last change the liaison made (draft or submit). */
    lastChangeAt: tstz(),
    draft: jsonb().$type<ReplyDraft>(),
    /** The one reminder before reply-by was queued (DELEGATION_REMINDER_HOURS). */
    remindedAt: tstz(),
    linkSentAt: tstz(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("delegations_reply_token_unique").on(t.replyToken),
    uniqueIndex("delegations_event_org_unique").on(t.eventId, t.organizationId),
    index("delegations_event_order_idx").on(t.eventId, t.sortOrder),
    index("delegations_reply_by_idx").on(t.replyBy),
    check("delegations_quota_positive", sql`${t.quota} >= 1`),
    check("delegations_reply_token_length", sql`length(${t.replyToken}) >= 22`),
  ],
);

/**
 * One delegate (与会代表) named on a unit's reply slip. Each delegate IS a registration (shares its ticket, check-in,
 * bus, capacity and reports); this row adds what the reply slip asks beyond it. A substitution (换人) cancels the old
 * registration and points the old delegate at the new one (`replacedById`).
 */
export const delegates = pgTable(
  "delegates",
  {
    id: id(),
    delegationId: uuid()
      .notNull()
      .references(() => delegations.id, { onDelete: "cascade" }),
    registrationId: uuid()
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    gender: delegateGender(),
    rank: delegateRank().notNull().default("other"),
    /** Optional order within the unit (1 = first); the roster sorts by rank, then this. */
    orderInUnit: integer(),
    diet: text(),
    ethnicity: text(),
    siteVisit: boolean().notNull().default(false),
    arrival: jsonb().$type<TravelLeg>(),
    departure: jsonb().$type<TravelLeg>(),
    accommodation: accommodationKind().notNull().default("none"),
    note: text(),
    replacedById: uuid().references((): AnyPgColumn => delegates.id, { onDelete: "set null" }),
    replacedAt: tstz(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("delegates_registration_unique").on(t.registrationId),
    index("delegates_delegation_idx").on(t.delegationId),
    check("delegates_order_positive", sql`${t.orderInUnit} IS NULL OR ${t.orderInUnit} >= 1`),
  ],
);
