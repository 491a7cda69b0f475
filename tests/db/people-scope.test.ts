/**
 * People are shared between forums (issue 12 item 1): an organizer changes only what shows on forums they manage.
 * Editing a person who also appears on a forum the caller does not manage is refused (see lib/people/commands.ts for
 * why refusal rather than copy-on-write); the speaker search and attaching an existing person only reach people on
 * public forums or the caller's own; the audit log keeps old and new values.
 */
import { and, asc, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translateError } from "@/lib/i18n/errors";
import type { DbHandle } from "@/db/client";
import { agendaSessions, auditLog, people, personPositions, sessionSpeakers } from "@/db/schema";
import { DomainError, parse } from "@/lib/actions/result";
import { addSpeaker, saveSession } from "@/lib/agenda/commands";
import { sessionSchema } from "@/lib/agenda/validation";
import type { Actor } from "@/lib/auth/permissions";
import { createEvent } from "@/lib/events/commands";
import { createEventSchema } from "@/lib/events/validation";
import { searchPeople, updatePerson } from "@/lib/people/commands";
import { testEngines } from "../fixtures/db";
import { seededDb } from "../fixtures/seeded";
import { makeUser } from "../fixtures/users";

async function failure(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a DomainError");
}

describe.each(testEngines())("people across forums on %s", (engine) => {
  let h: DbHandle;
  let yantanOrganizer: Actor, orgB: Actor;
  let yantanId: string, forumB: string, sessionB: string, privateId: string;
  let shared: { personId: string; name: string };

  const newForum = async (actor: Actor, title: string) =>
    (await createEvent(h.db, actor, parse(createEventSchema, { title, startsAt: "2026-06-01T09:00", endsAt: "2026-06-01T17:00", timezone: "Asia/Shanghai" }))).id;
  const newSession = async (actor: Actor, eventId: string) =>
    (await saveSession(h.db, actor, parse(sessionSchema, { eventId, kind: "keynote", title: "主题演讲", startsAt: "2026-06-01T09:00", endsAt: "2026-06-01T10:00" }))).id;
  const positionsOf = async (personId: string) =>
    (await h.db.select({ o: personPositions.organization, t: personPositions.title }).from(personPositions).where(eq(personPositions.personId, personId)).orderBy(asc(personPositions.order))).map((p) => `${p.o} ${p.t}`);

  beforeAll(async () => {
    ({ h, organizer: yantanOrganizer, yantanId } = await seededDb(engine));
    orgB = await makeUser(h.db, { email: `org-b-${engine}@example.com`, name: "乙论坛组织者" });
    forumB = await newForum(orgB, "乙论坛");
    sessionB = await newSession(orgB, forumB);
    // a speaker on a draft forum of the Yantan organizer: not public, not orgB's
    const draftC = await newForum(yantanOrganizer, "丙论坛（草稿）");
    const sessionC = await newSession(yantanOrganizer, draftC);
    privateId = (await addSpeaker(h.db, yantanOrganizer, { eventId: draftC, sessionId: sessionC, person: { name: "私密嘉宾", nameEn: null, positions: [{ organization: "未公开单位", organizationEn: null, title: "主任", titleEn: null }] }, role: "speaker", topic: null, topicEn: null })).personId;
    const [s] = await h.db
      .select({ personId: sessionSpeakers.personId, name: people.name })
      .from(sessionSpeakers)
      .innerJoin(agendaSessions, eq(agendaSessions.id, sessionSpeakers.sessionId))
      .innerJoin(people, eq(people.id, sessionSpeakers.personId))
      .where(eq(agendaSessions.eventId, yantanId))
      .limit(1);
    shared = s;
  });
  afterAll(() => h?.close());

  it("an organizer of forum B cannot rename or re-position a speaker of forum A through B (refused, A unchanged)", async () => {
    const before = await positionsOf(shared.personId);
    // attaching a speaker of a public forum is fine (the person is public already)
    await addSpeaker(h.db, orgB, { eventId: forumB, sessionId: sessionB, personId: shared.personId, role: "speaker", topic: null, topicEn: null });
    const e = await failure(updatePerson(h.db, orgB, { eventId: forumB, personId: shared.personId, name: "被改名", nameEn: null, positions: [{ organization: "乙单位", organizationEn: null, title: "职员", titleEn: null }] }));
    expect(e.code).toBe("forbidden");
    expect(translateError(e, "en").error).toMatch(/other forums/);
    const [p] = await h.db.select({ name: people.name }).from(people).where(eq(people.id, shared.personId));
    expect(p.name).toBe(shared.name);
    expect(await positionsOf(shared.personId)).toEqual(before);
  });

  it("the speaker search lists people on public forums and the caller's own forums, never other organizers' drafts", async () => {
    expect((await searchPeople(h.db, orgB, "私密")).map((p) => p.id)).toEqual([]);
    expect((await searchPeople(h.db, orgB, shared.name)).map((p) => p.id)).toContain(shared.personId);
    expect((await searchPeople(h.db, yantanOrganizer, "私密")).map((p) => p.id)).toEqual([privateId]);
    // nor can such a person be attached by id
    expect((await failure(addSpeaker(h.db, orgB, { eventId: forumB, sessionId: sessionB, personId: privateId, role: "speaker", topic: null, topicEn: null }))).code).toBe("not_found");
  });

  it("editing one's own speaker works, and the audit log keeps the old and the new values", async () => {
    const { personId } = await addSpeaker(h.db, orgB, { eventId: forumB, sessionId: sessionB, person: { name: "乙嘉宾", nameEn: null, positions: [{ organization: "甲大学", organizationEn: null, title: "教授", titleEn: null }] }, role: "speaker", topic: null, topicEn: null });
    await updatePerson(h.db, orgB, { eventId: forumB, personId, name: "乙嘉宾（更正）", nameEn: "Guest B", positions: [{ organization: "乙大学", organizationEn: null, title: "院长", titleEn: null }] });
    expect(await positionsOf(personId)).toEqual(["乙大学 院长"]);
    const [a] = await h.db.select().from(auditLog).where(and(eq(auditLog.action, "person.edit"), eq(auditLog.entityId, personId))).orderBy(desc(auditLog.id)).limit(1);
    expect(a.before).toMatchObject({ name: "乙嘉宾", nameEn: null, positions: [{ organization: "甲大学", title: "教授" }] });
    expect(a.after).toMatchObject({ name: "乙嘉宾（更正）", nameEn: "Guest B", positions: [{ organization: "乙大学", title: "院长" }] });
  });
});
