/** Reads of forums for public pages and the read API. */
import { and, asc, desc, eq, inArray, isNotNull, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agendaSessions, eventOrganizations, events, reports } from "@/db/schema";

/** Statuses the public (anonymous) may see. */
export const PUBLIC_EVENT_STATUSES = ["published", "completed", "cancelled"] as const;

export type EventListItem = Pick<
  typeof events.$inferSelect,
  "id" | "slug" | "title" | "titleEn" | "startsAt" | "endsAt" | "timezone" | "city" | "cityEn" | "venueName" | "venueNameEn" | "status" | "summary" | "summaryEn"
>;

export async function publicEventList(db: Db): Promise<EventListItem[]> {
  return db
    .select({
      id: events.id,
      slug: events.slug,
      title: events.title,
      titleEn: events.titleEn,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      timezone: events.timezone,
      city: events.city,
      cityEn: events.cityEn,
      venueName: events.venueName,
      venueNameEn: events.venueNameEn,
      status: events.status,
      summary: events.summary,
      summaryEn: events.summaryEn,
    })
    .from(events)
    .where(inArray(events.status, [...PUBLIC_EVENT_STATUSES]))
    .orderBy(desc(events.startsAt));
}

/** Everything a forum page, agenda page and the read API show. Null when unknown or not public. */
export async function publicEventDetail(db: Db, slug: string) {
  const event = await db.query.events.findFirst({
    where: and(eq(events.slug, slug), inArray(events.status, [...PUBLIC_EVENT_STATUSES])),
    with: {
      hosts: {
        orderBy: [asc(eventOrganizations.order)],
        with: { organization: true },
      },
      sessions: {
        orderBy: [asc(agendaSessions.startsAt), asc(agendaSessions.order)],
        with: {
          speakers: {
            orderBy: (s, { asc }) => [asc(s.order)],
            with: { person: { with: { positions: { orderBy: (p, { asc }) => [asc(p.order)] } } } },
          },
          stops: { orderBy: (s, { asc }) => [asc(s.order)] },
          buses: { orderBy: (b, { asc }) => [asc(b.order)] },
        },
      },
      reports: {
        // published and due: a report scheduled for later is not listed until its publish date (lib/reports)
        where: and(eq(reports.status, "published"), isNotNull(reports.publishedAt), lte(reports.publishedAt, sql`now()`)),
        orderBy: [desc(reports.publishedAt)],
        columns: { slug: true, title: true, titleEn: true, publishedAt: true },
      },
    },
  });
  return event ?? null;
}

export type PublicEventDetail = NonNullable<Awaited<ReturnType<typeof publicEventDetail>>>;
export type PublicSession = PublicEventDetail["sessions"][number];
