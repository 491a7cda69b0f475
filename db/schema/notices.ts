import { pgTable, text, uuid } from "drizzle-orm/pg-core";
import { tstz, updatedAt } from "./_common";
import { users } from "./auth";
import { events } from "./events";

/**
 * The organizer's edited text of a forum's notice (会议通知). Absent until the organizer saves one: the notice is
 * then generated from the forum. The body keeps the placeholders {{unit}}, {{quota}}, {{replyBy}}, {{replyLink}},
 * filled for each invited unit when its copy is rendered (lib/delegations/notice.ts).
 */
export const delegationNotices = pgTable("delegation_notices", {
  eventId: uuid()
    .primaryKey()
    .references(() => events.id, { onDelete: "cascade" }),
  /** 标题, e.g. 关于召开……座谈会的通知 */
  title: text().notNull(),
  /** 正文: paragraphs separated by line breaks; 一、 / （一） lines are headings. */
  body: text().notNull(),
  /** 落款: issuing bodies, one a line, right-aligned. */
  signature: text().notNull().default(""),
  /** 成文日期, as written (e.g. 2025年8月20日). */
  issuedOn: text().notNull().default(""),
  updatedAt: updatedAt(),
  updatedById: uuid().references(() => users.id, { onDelete: "set null" }),
  createdAt: tstz().notNull().defaultNow(),
});
