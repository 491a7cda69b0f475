/** Reads of post-event reports: public pages, feed and API (published and due only), and the editor. */
import "server-only";
import { and, arrayContains, asc, desc, eq, isNotNull, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events, media, reportFigures, reportMedia, reportRevisions, reports, reportSections, users } from "@/db/schema";
import { mediaUrl } from "@/lib/storage/queries";
import { isUuid } from "@/lib/shared/uuid";

/** Published and due: a scheduled report appears when its publish date has come. */
export const isPublicReport = () => and(eq(reports.status, "published"), isNotNull(reports.publishedAt), lte(reports.publishedAt, sql`now()`));

export async function publicReportList(db: Db, opts: { tag?: string | null; limit?: number } = {}) {
  return db
    .select({
      slug: reports.slug,
      title: reports.title,
      titleEn: reports.titleEn,
      subtitle: reports.subtitle,
      lead: reports.lead,
      leadFormat: reports.leadFormat,
      byline: reports.byline,
      tags: reports.tags,
      publishedAt: reports.publishedAt,
      updatedAt: reports.updatedAt,
      eventSlug: events.slug,
      eventTitle: events.title,
      eventTitleEn: events.titleEn,
      timezone: events.timezone,
      cover: sql<string | null>`(select coalesce(m.variants->0->>'key', m.storage_key) from report_media rm join media m on m.id = rm.media_id
        where rm.report_id = ${reports.id} and rm.role = 'photo' order by rm.order limit 1)`,
    })
    .from(reports)
    .innerJoin(events, eq(events.id, reports.eventId))
    .where(and(isPublicReport(), opts.tag ? arrayContains(reports.tags, [opts.tag]) : undefined))
    .orderBy(desc(reports.publishedAt))
    .limit(opts.limit ?? 100);
}
export type PublicReportListItem = Awaited<ReturnType<typeof publicReportList>>[number];

/** All tags of public reports, most used first. */
export async function publicReportTags(db: Db): Promise<{ tag: string; count: number }[]> {
  const rows = await db.execute<{ tag: string; count: number }>(sql`
    select t.tag, count(*)::int as count from reports r, unnest(r.tags) as t(tag)
    where r.status = 'published' and r.published_at is not null and r.published_at <= now()
    group by t.tag order by count(*) desc, t.tag limit 60`);
  return (Array.isArray(rows) ? rows : (rows as unknown as { rows: { tag: string; count: number }[] }).rows).map((r) => ({ tag: r.tag, count: Number(r.count) }));
}

async function reportParts(db: Db, reportId: string) {
  const [sections, figures, files] = await Promise.all([
    db.select().from(reportSections).where(eq(reportSections.reportId, reportId)).orderBy(asc(reportSections.order)),
    db.select().from(reportFigures).where(eq(reportFigures.reportId, reportId)).orderBy(asc(reportFigures.order)),
    db
      .select({
        id: reportMedia.id,
        role: reportMedia.role,
        caption: reportMedia.caption,
        credit: reportMedia.credit,
        sectionOrder: reportMedia.sectionOrder,
        order: reportMedia.order,
        key: media.storageKey,
        mime: media.mime,
        bytes: media.bytes,
        filename: media.filename,
        width: media.width,
        height: media.height,
        variants: media.variants,
      })
      .from(reportMedia)
      .innerJoin(media, eq(media.id, reportMedia.mediaId))
      .where(eq(reportMedia.reportId, reportId))
      .orderBy(asc(reportMedia.order)),
  ]);
  const withUrls = files.map((f) => ({
    ...f,
    url: mediaUrl(f.key),
    srcSet: [...f.variants.map((v) => `${mediaUrl(v.key)} ${v.width}w`), ...(f.width ? [`${mediaUrl(f.key)} ${f.width}w`] : [])].join(", "),
  }));
  return {
    sections,
    figures,
    photos: withUrls.filter((f) => f.role === "photo"),
    attachments: withUrls.filter((f) => f.role === "attachment"),
  };
}

export async function publicReportDetail(db: Db, slug: string) {
  const [row] = await db
    .select({ report: reports, event: { slug: events.slug, title: events.title, titleEn: events.titleEn, timezone: events.timezone } })
    .from(reports)
    .innerJoin(events, eq(events.id, reports.eventId))
    .where(and(eq(reports.slug, slug), isPublicReport()));
  if (!row) return null;
  return { ...row.report, event: row.event, ...(await reportParts(db, row.report.id)) };
}
export type PublicReportDetail = NonNullable<Awaited<ReturnType<typeof publicReportDetail>>>;

/** The forum a report belongs to (for the guard's scope). */
export async function reportEventId(db: Db, reportId: string): Promise<string | null> {
  if (!isUuid(reportId)) return null;
  const [r] = await db.select({ eventId: reports.eventId }).from(reports).where(eq(reports.id, reportId));
  return r?.eventId ?? null;
}

export async function reportsOfEvent(db: Db, eventId: string) {
  return db
    .select({
      id: reports.id,
      slug: reports.slug,
      title: reports.title,
      status: reports.status,
      version: reports.version,
      publishedAt: reports.publishedAt,
      updatedAt: reports.updatedAt,
      updatedBy: users.name,
      scheduled: sql<boolean>`coalesce(${reports.publishedAt} > now(), false)`,
    })
    .from(reports)
    .leftJoin(users, eq(users.id, reports.updatedById))
    .where(eq(reports.eventId, eventId))
    .orderBy(desc(reports.updatedAt));
}

/** Everything the editor shows, scoped by forum. */
export async function reportForEditor(db: Db, eventId: string, reportId: string) {
  if (!isUuid(reportId)) return null;
  const [row] = await db
    .select({ report: reports, updatedBy: users.name })
    .from(reports)
    .leftJoin(users, eq(users.id, reports.updatedById))
    .where(and(eq(reports.id, reportId), eq(reports.eventId, eventId)));
  if (!row) return null;
  return { ...row.report, updatedBy: row.updatedBy, ...(await reportParts(db, reportId)) };
}
export type EditorReport = NonNullable<Awaited<ReturnType<typeof reportForEditor>>>;

export async function revisionsOf(db: Db, eventId: string, reportId: string) {
  return db
    .select({ version: reportRevisions.version, createdAt: reportRevisions.createdAt, author: users.name, snapshot: reportRevisions.snapshot })
    .from(reportRevisions)
    .innerJoin(reports, eq(reports.id, reportRevisions.reportId))
    .leftJoin(users, eq(users.id, reportRevisions.authorId))
    .where(and(eq(reportRevisions.reportId, reportId), eq(reports.eventId, eventId)))
    .orderBy(desc(reportRevisions.version));
}

/** A report by slug, any status (the upload route's target; the guard then checks report.write on its forum). */
export async function reportRefBySlug(db: Db, slug: string) {
  const [r] = await db.select({ id: reports.id, eventId: reports.eventId }).from(reports).where(eq(reports.slug, slug));
  return r ?? null;
}
