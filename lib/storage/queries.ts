/** Reads for serving stored files. */
import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agendaSessions, events, media, people, reportMedia, reports, sessionSpeakers } from "@/db/schema";
import { PUBLIC_EVENT_STATUSES } from "@/lib/shared/enums";
import { getBlob } from "./blobs";

const KEY = /^([A-Za-z0-9_-]{22})(?:\.(w640|w1280))?$/;

/**
 * A media file (or one of its variants) by URL key, whether it is public, and who else may read it: a report's file
 * is public once the report is published (else report.write on its forum); a speaker's photo is public while the
 * person is on a public forum's agenda, as their speaker page is (else agenda.edit on a forum they speak at).
 */
export async function mediaByKey(db: Db, urlKey: string) {
  const m = KEY.exec(urlKey);
  if (!m) return null;
  const [row] = await db.select().from(media).where(eq(media.storageKey, m[1])).limit(1);
  if (!row) return null;
  const variant = m[2] ? row.variants.find((v) => v.key === urlKey) : undefined;
  if (m[2] && !variant) return null;
  const owners = await db
    .select({
      eventId: reports.eventId,
      public: sql<boolean>`(${reports.status} = 'published' AND ${reports.publishedAt} IS NOT NULL AND ${reports.publishedAt} <= now())`,
    })
    .from(reportMedia)
    .innerJoin(reports, eq(reports.id, reportMedia.reportId))
    .where(eq(reportMedia.mediaId, row.id));
  const stages = await db
    .selectDistinct({ eventId: events.id, public: sql<boolean>`${inArray(events.status, [...PUBLIC_EVENT_STATUSES])}` })
    .from(people)
    .innerJoin(sessionSpeakers, eq(sessionSpeakers.personId, people.id))
    .innerJoin(agendaSessions, eq(agendaSessions.id, sessionSpeakers.sessionId))
    .innerJoin(events, eq(events.id, agendaSessions.eventId))
    .where(eq(people.photoMediaId, row.id));
  return {
    media: row,
    key: variant ? variant.key : row.storageKey,
    mime: variant ? variant.mime : row.mime,
    isPublic: owners.some((o) => o.public) || stages.some((o) => o.public),
    readers: [
      ...owners.map((o) => ({ permission: "report.write" as const, eventId: o.eventId })),
      ...stages.map((o) => ({ permission: "agenda.edit" as const, eventId: o.eventId })),
    ],
  };
}

export { getBlob };

export { mediaUrl } from "@/lib/shared/photo";

