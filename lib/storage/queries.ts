/** Reads for serving stored files. */
import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { media, reportMedia, reports } from "@/db/schema";
import { getBlob } from "./blobs";

const KEY = /^([A-Za-z0-9_-]{22})(?:\.(w640|w1280))?$/;

/** A media file (or one of its variants) by URL key, with the forums it belongs to and whether it is public. */
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
  return {
    media: row,
    key: variant ? variant.key : row.storageKey,
    mime: variant ? variant.mime : row.mime,
    isPublic: owners.some((o) => o.public),
    eventIds: [...new Set(owners.map((o) => o.eventId))],
  };
}

export { getBlob };

/** Public URL of a stored file or variant. */
export function mediaUrl(key: string): string {
  return `/media/${key}`;
}

