/** People (嘉宾) and their positions. A person keeps several positions (organization + title), in cited order. */
import { and, eq, exists, ilike, inArray, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agendaSessions, people, personPositions, sessionSpeakers } from "@/db/schema";
import { DomainError } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/events/audit";
import type { PersonInput } from "@/lib/agenda/validation";

export type PositionValues = { organization: string; organizationEn?: string | null; title: string; titleEn?: string | null };
export type NewPerson = { name: string; nameEn?: string | null; bio?: string | null; bioEn?: string | null; positions: PositionValues[] };

export async function createPerson(db: Db, p: NewPerson): Promise<string> {
  const [row] = await db.insert(people).values({ name: p.name, nameEn: p.nameEn ?? null, bio: p.bio ?? null, bioEn: p.bioEn ?? null }).returning({ id: people.id });
  if (p.positions.length) {
    await db.insert(personPositions).values(
      p.positions.map((pos, order) => ({ personId: row.id, organization: pos.organization, organizationEn: pos.organizationEn ?? null, title: pos.title, titleEn: pos.titleEn ?? null, order })),
    );
  }
  return row.id;
}

/** Is this person on the agenda of this forum? (People are shared between forums; an organizer edits only their own.) */
async function speaksAt(db: Db, personId: string, eventId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(sessionSpeakers)
    .innerJoin(agendaSessions, eq(agendaSessions.id, sessionSpeakers.sessionId))
    .where(and(eq(sessionSpeakers.personId, personId), eq(agendaSessions.eventId, eventId)))
    .limit(1);
  return Boolean(row);
}

/** Edit a speaker's name and positions (replaces the list; order = list order). */
export async function updatePerson(db: Db, actor: Actor, input: PersonInput) {
  return db.transaction(async (tx) => {
    if (!(await speaksAt(tx, input.personId, input.eventId))) throw new DomainError("not_found", "errors.personNotOnAgenda");
    await tx.update(people).set({ name: input.name, nameEn: input.nameEn }).where(eq(people.id, input.personId));
    await tx.delete(personPositions).where(eq(personPositions.personId, input.personId));
    if (input.positions.length) {
      await tx.insert(personPositions).values(input.positions.map((p, order) => ({ ...p, personId: input.personId, order })));
    }
    await audit(tx, actor, { action: "person.edit", entity: "person", entityId: input.personId, eventId: input.eventId, after: input });
    return { id: input.personId };
  });
}

/** People whose name or a position matches, with their positions (the speaker picker). */
export async function searchPeople(db: Db, q: string, limit = 10) {
  const term = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(
      q
        ? or(
            ilike(people.name, term),
            ilike(people.nameEn, term),
            exists(db.select({ one: sql`1` }).from(personPositions).where(and(eq(personPositions.personId, people.id), or(ilike(personPositions.organization, term), ilike(personPositions.title, term))))),
          )
        : undefined,
    )
    .orderBy(people.name)
    .limit(limit);
  if (rows.length === 0) return [];
  const list = await db.query.people.findMany({
    where: inArray(people.id, rows.map((r) => r.id)),
    with: { positions: { orderBy: (p, { asc }) => [asc(p.order)] } },
    orderBy: (p, { asc }) => [asc(p.name)],
  });
  return list.map((p) => ({ id: p.id, name: p.name, nameEn: p.nameEn, positions: p.positions.map((x) => ({ organization: x.organization, title: x.title })) }));
}
