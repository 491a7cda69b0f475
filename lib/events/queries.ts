/** Reads of forums for public pages and the read API. */
import "server-only";
import { and, asc, desc, eq, inArray, isNotNull, lte, sql } from "drizzle-orm";
import type { DBQueryConfig, ExtractTablesWithRelations } from "drizzle-orm";
import type { Db, Schema } from "@/db/client";

type Tables = ExtractTablesWithRelations<Schema>;
import { agendaSessions, buses, eventOrganizations, events, personPositions, reports, sessionSpeakers, siteVisitStops } from "@/db/schema";
import { PERSON_PHOTO } from "@/lib/people/queries";
import { PUBLIC_EVENT_STATUSES } from "@/lib/shared/enums";
import { eventHeadColumns, slugIs } from "./lookup";

/** Statuses the public (anonymous) may see. */
export { PUBLIC_EVENT_STATUSES };

export type EventListItem = Pick<
  typeof events.$inferSelect,
  "id" | "slug" | "title" | "titleEn" | "startsAt" | "endsAt" | "timezone" | "city" | "cityEn" | "venueName" | "venueNameEn" | "status" | "summary" | "summaryEn"
>;

export async function publicEventList(db: Db): Promise<EventListItem[]> {
  return db
    .select({
      ...eventHeadColumns,
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

/**
 * A forum's hosts (in order, with their organizations) and agenda (sessions with speakers and all their positions,
 * site-visit stops, buses), for one relational query. Shared by the public pages, the read API and the handbook.
 */
export const eventProgramWith = {
  hosts: { orderBy: [asc(eventOrganizations.order)], with: { organization: true } },
  sessions: {
    orderBy: [asc(agendaSessions.startsAt), asc(agendaSessions.order)],
    with: {
      speakers: {
        orderBy: [asc(sessionSpeakers.order)],
        with: { person: { with: { positions: { orderBy: [asc(personPositions.order)] }, photo: PERSON_PHOTO } } },
      },
      stops: { orderBy: [asc(siteVisitStops.order)] },
      buses: { orderBy: [asc(buses.order)] },
      room: true,
    },
  },
} satisfies DBQueryConfig<"many", true, Tables, Tables["events"]>["with"];

/**
 * Everything a forum page, agenda page and the read API show. Null when unknown or not public — unless `draft` is set
 * (the organizers' draft preview, whose caller has been checked: lib/events/loaders.ts).
 */
export async function publicEventDetail(db: Db, slug: string, opts: { draft?: boolean } = {}) {
  const event = await db.query.events.findFirst({
    where: slugIs(slug, opts.draft ? ["draft"] : PUBLIC_EVENT_STATUSES),
    with: {
      ...eventProgramWith,
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
