/**
 * The ONE way to find a forum by its slug (or id): the console, the public pages, registration, the check-in desk and
 * the route family (`eventRoute`) all go through here, so "which forum is /events/x" is decided in one place.
 * Imports only db/ and lib/shared: every folder may use it.
 */
import "server-only";
import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events } from "@/db/schema";
import type { EventStatus } from "@/lib/shared/enums";
import { isUuid } from "@/lib/shared/uuid";

export type EventRow = typeof events.$inferSelect;

/** The columns that name and date a forum in a list or on a card: id, slug, titles, start, end, zone. */
export const eventHeadColumns = {
  id: events.id,
  slug: events.slug,
  title: events.title,
  titleEn: events.titleEn,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
  timezone: events.timezone,
};

/** The where-clause "slug is this (and, if given, the status is one of these)" — for relational queries. */
export function slugIs(slug: string, statuses?: readonly EventStatus[]): SQL {
  return statuses ? and(eq(events.slug, slug), inArray(events.status, [...statuses]))! : eq(events.slug, slug);
}

/** The forum with this slug, in any status unless `statuses` narrows it; null when there is none. */
export async function eventBySlug(db: Db, slug: string, statuses?: readonly EventStatus[]): Promise<EventRow | null> {
  const [row] = await db.select().from(events).where(slugIs(slug, statuses)).limit(1);
  return row ?? null;
}

/** The forum with this id (null for an unknown or malformed id — never a database error). */
export async function eventById(db: Db, id: string): Promise<EventRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(events).where(eq(events.id, id)).limit(1);
  return row ?? null;
}
