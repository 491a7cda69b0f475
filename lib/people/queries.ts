/** Public reads of speakers (嘉宾): people who appear on the agenda of a public forum. */
import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agendaSessions, events, people, personPositions, sessionSpeakers } from "@/db/schema";
import { PUBLIC_EVENT_STATUSES } from "@/lib/shared/enums";
import { photoAt } from "@/lib/shared/photo";
import { isUuid } from "@/lib/shared/uuid";

/** The columns of a person's photo that pages and the API need (`with: { photo: PERSON_PHOTO }`). */
export const PERSON_PHOTO = { columns: { storageKey: true, width: true, height: true, variants: true } } as const;
/** A portrait is shown at most 160 CSS px wide: the smallest rendition that stays sharp at 2× (lib/shared/photo.ts). */
export const PORTRAIT_MIN_WIDTH = 320;

/** Everyone on a public agenda, with their positions and how many sessions they appear in. */
export async function speakerDirectory(db: Db) {
  const appearances = await db
    .selectDistinct({ personId: sessionSpeakers.personId, sessionId: sessionSpeakers.sessionId })
    .from(sessionSpeakers)
    .innerJoin(agendaSessions, eq(agendaSessions.id, sessionSpeakers.sessionId))
    .innerJoin(events, eq(events.id, agendaSessions.eventId))
    .where(inArray(events.status, [...PUBLIC_EVENT_STATUSES]));
  const ids = [...new Set(appearances.map((a) => a.personId))];
  if (!ids.length) return [];
  const rows = await db.query.people.findMany({
    where: inArray(people.id, ids),
    with: { positions: { orderBy: [asc(personPositions.order)] }, photo: PERSON_PHOTO },
    orderBy: [asc(people.name)],
  });
  return rows.map((p) => ({ ...p, photo: photoAt(p.photo, PORTRAIT_MIN_WIDTH), sessionCount: appearances.filter((a) => a.personId === p.id).length }));
}

/** One speaker with every session of theirs on a public forum, newest forum first. Null when not a public speaker. */
export async function speakerDetail(db: Db, id: string) {
  if (!isUuid(id)) return null;
  const row = await db.query.people.findFirst({ where: eq(people.id, id), with: { positions: { orderBy: [asc(personPositions.order)] }, photo: PERSON_PHOTO } });
  if (!row) return null;
  const person = { ...row, photo: photoAt(row.photo, PORTRAIT_MIN_WIDTH) };
  const sessions = await db
    .select({
      role: sessionSpeakers.role,
      topic: sessionSpeakers.topic,
      topicEn: sessionSpeakers.topicEn,
      session: { id: agendaSessions.id, title: agendaSessions.title, titleEn: agendaSessions.titleEn, kind: agendaSessions.kind, startsAt: agendaSessions.startsAt, endsAt: agendaSessions.endsAt },
      event: { slug: events.slug, title: events.title, titleEn: events.titleEn, timezone: events.timezone, startsAt: events.startsAt, endsAt: events.endsAt, city: events.city, cityEn: events.cityEn },
    })
    .from(sessionSpeakers)
    .innerJoin(agendaSessions, eq(agendaSessions.id, sessionSpeakers.sessionId))
    .innerJoin(events, eq(events.id, agendaSessions.eventId))
    .where(and(eq(sessionSpeakers.personId, id), inArray(events.status, [...PUBLIC_EVENT_STATUSES])))
    .orderBy(desc(events.startsAt), asc(agendaSessions.startsAt));
  if (!sessions.length) return null;
  return { person, sessions };
}
