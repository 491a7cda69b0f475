/** People (嘉宾) and their positions. A person keeps several positions (organization + title), in cited order. */
import "server-only";
import { and, asc, eq, exists, ilike, inArray, or, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { agendaSessions, events, eventStaff, people, personPositions, sessionSpeakers } from "@/db/schema";
import { DomainError } from "@/lib/actions/result";
import { can } from "@/lib/auth/guard";
import type { Actor } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit";
import { mediaUrl } from "@/lib/shared/photo";
import { deleteMediaIfUnused, processUpload, storeProcessed, UploadError } from "@/lib/storage/upload";
import { PUBLIC_EVENT_STATUSES } from "@/lib/shared/enums";
import type { PersonInput } from "./validation";

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

/** Forums whose agenda names this person (a person "shows" on a forum through its speakers). */
async function forumsOf(db: Db, personId: string): Promise<{ id: string; title: string }[]> {
  return db
    .selectDistinct({ id: events.id, title: events.title })
    .from(sessionSpeakers)
    .innerJoin(agendaSessions, eq(agendaSessions.id, sessionSpeakers.sessionId))
    .innerJoin(events, eq(events.id, agendaSessions.eventId))
    .where(eq(sessionSpeakers.personId, personId));
}

/**
 * People this actor may see in the speaker picker and attach by id: those on a public forum's agenda, or on the agenda
 * of a forum the actor manages (agenda.edit there). Site admins see everyone. Never other organizers' drafts.
 */
function visibleTo(db: Db, actor: Actor) {
  if (actor.siteRole === "admin") return sql`true`;
  return exists(
    db
      .select({ one: sql`1` })
      .from(sessionSpeakers)
      .innerJoin(agendaSessions, eq(agendaSessions.id, sessionSpeakers.sessionId))
      .innerJoin(events, eq(events.id, agendaSessions.eventId))
      .where(
        and(
          eq(sessionSpeakers.personId, people.id),
          or(
            inArray(events.status, [...PUBLIC_EVENT_STATUSES]),
            exists(db.select({ one: sql`1` }).from(eventStaff).where(and(eq(eventStaff.eventId, events.id), eq(eventStaff.userId, actor.id), eq(eventStaff.role, "organizer")))),
          ),
        ),
      ),
  );
}

/** May this actor attach this existing person to an agenda? (Unknown and invisible people are both "not found".) */
export async function assertPersonVisible(db: Db, actor: Actor, personId: string): Promise<void> {
  const [row] = await db.select({ id: people.id }).from(people).where(and(eq(people.id, personId), visibleTo(db, actor))).limit(1);
  if (!row) throw new DomainError("not_found", "errors.personNotFound");
}

async function personSnapshot(db: Db, personId: string) {
  const [p] = await db.select({ name: people.name, nameEn: people.nameEn, bio: people.bio, bioEn: people.bioEn }).from(people).where(eq(people.id, personId));
  const positions = await db
    .select({ organization: personPositions.organization, organizationEn: personPositions.organizationEn, title: personPositions.title, titleEn: personPositions.titleEn })
    .from(personPositions)
    .where(eq(personPositions.personId, personId))
    .orderBy(asc(personPositions.order));
  return { ...p, positions };
}

/**
 * The rule for editing a shared person (see `updatePerson`): they speak at `eventId` (else not found), and the actor
 * may edit the agenda of every other forum they speak at (else forbidden, naming those forums). Locks the row.
 */
async function lockEditablePerson(tx: Tx, actor: Actor, personId: string, eventId: string) {
  if (!(await speaksAt(tx, personId, eventId))) throw new DomainError("not_found", "errors.personNotOnAgenda");
  const others = [];
  for (const f of await forumsOf(tx, personId)) if (f.id !== eventId && !(await can(actor, "agenda.edit", { eventId: f.id }, tx))) others.push(f.title);
  if (others.length) {
    throw new DomainError("forbidden", "errors.personSharedElsewhere", { params: { forums: others.join("、") }, extra: { forums: others } });
  }
  const [row] = await tx.select({ photoMediaId: people.photoMediaId }).from(people).where(eq(people.id, personId)).for("update");
  return row;
}

/**
 * Edit a speaker's name and positions (replaces the list; order = list order).
 *
 * People are shared between forums. When the person also shows on a forum the caller does not manage, the edit is
 * REFUSED rather than copied-on-write: a silent copy would split one person into two records that
 * the public speaker pages list twice, that the other forum's seating and protocol lists (which name people too) no
 * longer match, and that a later correction would have to make twice. A refusal is explicit and leaves a clear way
 * forward: add the speaker to this forum as a new person (the speaker dialog's "new person"), or ask an organizer of
 * the other forum(s) — or a site admin, who manages every forum — to make the change for all.
 */
export async function updatePerson(db: Db, actor: Actor, input: PersonInput) {
  return db.transaction(async (tx) => {
    await lockEditablePerson(tx, actor, input.personId, input.eventId);
    const before = await personSnapshot(tx, input.personId);
    await tx
      .update(people)
      .set({ name: input.name, nameEn: input.nameEn, ...(input.bio !== undefined ? { bio: input.bio } : {}), ...(input.bioEn !== undefined ? { bioEn: input.bioEn } : {}) })
      .where(eq(people.id, input.personId));
    await tx.delete(personPositions).where(eq(personPositions.personId, input.personId));
    if (input.positions.length) {
      await tx.insert(personPositions).values(input.positions.map((p, order) => ({ ...p, personId: input.personId, order })));
    }
    const after = await personSnapshot(tx, input.personId);
    await recordAudit(tx, actor, { action: "person.edit", entity: "person", entityId: input.personId, eventId: input.eventId, before, after });
    return { id: input.personId };
  });
}

/** People whose name or a position matches, with their positions (the speaker picker): only those `actor` may see. */
export async function searchPeople(db: Db, actor: Actor, q: string, limit = 10) {
  const term = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(
      and(
        visibleTo(db, actor),
        q
          ? or(
              ilike(people.name, term),
              ilike(people.nameEn, term),
              exists(db.select({ one: sql`1` }).from(personPositions).where(and(eq(personPositions.personId, people.id), or(ilike(personPositions.organization, term), ilike(personPositions.title, term))))),
            )
          : undefined,
      ),
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

/**
 * Set a speaker's photo: the same pipeline as report photos (lib/storage/upload.ts — type by magic bytes, re-encoded
 * with sharp, metadata stripped, phone/desktop variants, random key), under the same rule as `updatePerson`. The
 * previous photo is deleted with its bytes.
 */
export async function setPersonPhoto(db: Db, actor: Actor, input: { eventId: string; personId: string; bytes: Buffer; filename: string | null }) {
  const file = await processUpload(input.bytes);
  if (file.type.kind !== "image") throw new UploadError("unsupported", "errors.upload.photoType");
  return db.transaction(async (tx) => {
    const { photoMediaId: old } = await lockEditablePerson(tx, actor, input.personId, input.eventId);
    const m = await storeProcessed(tx, actor, file, input.filename);
    await tx.update(people).set({ photoMediaId: m.id }).where(eq(people.id, input.personId));
    if (old) await deleteMediaIfUnused(tx, old);
    await recordAudit(tx, actor, {
      action: "person.photo.set",
      entity: "person",
      entityId: input.personId,
      eventId: input.eventId,
      before: { photo: old ? "yes" : null },
      after: { photo: m.filename, mime: m.mime, width: m.width, height: m.height },
    });
    return { key: m.storageKey, url: mediaUrl(m.storageKey), mime: m.mime, width: m.width, height: m.height };
  });
}

/** Remove a speaker's photo (and its bytes), under the same rule as `updatePerson`. Removing none is a no-op. */
export async function removePersonPhoto(db: Db, actor: Actor, input: { eventId: string; personId: string }) {
  return db.transaction(async (tx) => {
    const { photoMediaId: old } = await lockEditablePerson(tx, actor, input.personId, input.eventId);
    if (!old) return { removed: false };
    await tx.update(people).set({ photoMediaId: null }).where(eq(people.id, input.personId));
    await deleteMediaIfUnused(tx, old);
    await recordAudit(tx, actor, { action: "person.photo.remove", entity: "person", entityId: input.personId, eventId: input.eventId, before: { photo: "yes" }, after: { photo: null } });
    return { removed: true };
  });
}
