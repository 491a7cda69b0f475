import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, tstz, updatedAt } from "./_common";
import { users } from "./auth";
import { events } from "./events";
import { media } from "./storage";
import { REPORT_MEDIA_ROLES, REPORT_STATUSES } from "../../lib/shared/enums";

export const reportStatus = pgEnum("report_status", REPORT_STATUSES);

/** A post-event report (会后报道). `version` is bumped on every save: optimistic locking. */
export const reports = pgTable(
  "reports",
  {
    id: id(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    slug: text().notNull(),
    title: text().notNull(),
    titleEn: text(),
    subtitle: text(),
    /** e.g. 川网传媒记者 邓柯 */
    byline: text(),
    /** e.g. 图片由沿滩区委宣传部提供 */
    photoCredit: text(),
    tags: text().array().notNull().default(sql`ARRAY[]::text[]`),
    /** Lead paragraph(s) before the first headed section: sanitized HTML, or Markdown in a legacy row (lead_format). */
    lead: text().notNull().default(""),
    /** "html" (the rich-text editor's sanitized HTML) or "markdown" (reports written before it; converted once on
     * start by lib/reports/legacy.ts). */
    leadFormat: text().notNull().default("html"),
    status: reportStatus().notNull().default("draft"),
    publishedAt: tstz(),
    scheduledAt: tstz(),
    reviewComment: text(),
    version: integer().notNull().default(1),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    updatedById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("reports_slug_unique").on(t.slug),
    index("reports_event_idx").on(t.eventId),
    index("reports_status_published_idx").on(t.status, t.publishedAt),
    check("reports_version_positive", sql`${t.version} > 0`),
    check("reports_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check("reports_lead_format", sql`${t.leadFormat} IN ('html', 'markdown')`),
  ],
);

/** A headed section of a report body; body is sanitized HTML (format "html"), or Markdown in a legacy row. Sanitized
 * again on output either way. */
export const reportSections = pgTable(
  "report_sections",
  {
    id: id(),
    reportId: uuid()
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    order: integer().notNull(),
    heading: text().notNull().default(""),
    body: text().notNull().default(""),
    format: text().notNull().default("html"),
    /** Set on blocks drafted from the forum's data ("attendance" statistics, "program" = co-hosts and who spoke on
     * what); such a block can be refreshed from the forum. Null = written by a person. */
    generated: text(),
  },
  (t) => [
    unique("report_sections_order_unique").on(t.reportId, t.order),
    check("report_sections_format", sql`${t.format} IN ('html', 'markdown')`),
    check("report_sections_generated_kind", sql`${t.generated} IS NULL OR ${t.generated} IN ('attendance', 'program')`),
  ],
);

/** Key figures (关键数据): 2024 营业收入 246.23 亿元 +20.56% … */
export const reportFigures = pgTable(
  "report_figures",
  {
    id: id(),
    reportId: uuid()
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    order: integer().notNull(),
    label: text().notNull(),
    value: text().notNull(),
    unit: text(),
    change: text(),
    period: text(),
  },
  (t) => [unique("report_figures_order_unique").on(t.reportId, t.order)],
);

export const reportMediaRole = pgEnum("report_media_role", REPORT_MEDIA_ROLES);

/** Photos and attachments of a report, each with caption and credit. */
export const reportMedia = pgTable(
  "report_media",
  {
    id: id(),
    reportId: uuid()
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    mediaId: uuid()
      .notNull()
      .references(() => media.id, { onDelete: "restrict" }),
    role: reportMediaRole().notNull(),
    caption: text(),
    credit: text(),
    /** Section order the photo belongs to; null = gallery. */
    sectionOrder: integer(),
    order: integer().notNull().default(0),
  },
  (t) => [index("report_media_report_idx").on(t.reportId)],
);

/** Revision history: a full snapshot per saved version. */
export const reportRevisions = pgTable(
  "report_revisions",
  {
    id: id(),
    reportId: uuid()
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    version: integer().notNull(),
    snapshot: jsonb().notNull(),
    authorId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [unique("report_revisions_version_unique").on(t.reportId, t.version)],
);
