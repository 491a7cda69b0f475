/**
 * Parallel sub-forums (分论坛): attendees choose one of the sessions that run at the same time, each with its own
 * capacity (its own, else its room's). The choice is checked under the forum's lock with the forum seat, so a rush of
 * registrations fills each session exactly — on PGlite and on Postgres. A negative control (counts taken outside the
 * lock, then a pause) proves the test can catch an overfill.
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { agendaSelections, agendaSessions, registrations, registrationSessions, rooms } from "@/db/schema";
import { DomainError } from "@/lib/actions/result";
import { translateError } from "@/lib/i18n/errors";
import { cancelRegistration, registerForEvent } from "@/lib/registrations/commands";
import { sessionChoiceGroups } from "@/lib/registrations/session-choices";
import { agendaConflicts } from "@/lib/agenda/conflicts";
import { choiceGroups, parallelGroups } from "@/lib/shared/parallel";
import { createTestDb, testEngines } from "../fixtures/db";
import { makeDelegates, makeOpenForum, sampleInput } from "../fixtures/registration";

const H = 3600_000;

describe("parallel groups (pure)", () => {
  const at = (h0: number, h1: number) => ({ startsAt: new Date(2026, 0, 1, h0), endsAt: new Date(2026, 0, 1, h1) });
  it("groups sessions linked by overlapping times; touching ends do not overlap", () => {
    const s = [
      { id: "a", ...at(9, 10) },
      { id: "b", ...at(10, 12) },
      { id: "c", ...at(10, 11) },
      { id: "d", ...at(11, 12), kind: "panel" },
      { id: "e", ...at(13, 14) },
      { id: "f", ...at(13, 14), kind: "break" },
    ];
    expect(parallelGroups(s).map((g) => g.map((x) => x.id))).toEqual([["b", "c", "d"], ["e", "f"]]);
    expect(choiceGroups(s).map((g) => g.map((x) => x.id))).toEqual([["b", "c", "d"]]); // a break is not a choice
  });
  it("the builder flags a room used twice, a speaker in two places at once, and a room too small for who is expected", () => {
    const ev = { startsAt: new Date(2026, 0, 1, 8), endsAt: new Date(2026, 0, 1, 18), timezone: "Asia/Shanghai" };
    const found = agendaConflicts(ev, [
      { id: "a", title: "A", ...at(9, 11), roomId: "r1", roomName: "一号厅", speakers: [{ personId: "p1", name: "甲" }] },
      { id: "b", title: "B", ...at(10, 12), roomId: "r1", roomName: "一号厅", speakers: [{ personId: "p2", name: "乙" }], capacity: 50, expected: 80 },
      { id: "c", title: "C", ...at(10, 12), roomId: "r2", roomName: "二号厅", speakers: [{ personId: "p1", name: "甲" }], capacity: 50, expected: 50 },
    ]);
    expect(found.map((c) => [c.kind, ...c.sessionIds])).toEqual([
      ["room_too_small", "b"],
      ["room_overlap", "a", "b"],
      ["speaker_overlap", "a", "c"],
    ]);
  });
});

describe.each(testEngines())("parallel sessions on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await createTestDb(engine, { maxConnections: 50 });
  });
  afterEach(() => {
    delete process.env.HUIWU_UNSAFE_REGISTRATION;
  });
  afterAll(() => h?.close());

  /** A forum (200 seats) with two parallel afternoon sessions: A in a 10-seat room, B with its own 15 seats. */
  async function forumWithTwoTracks() {
    const event = await makeOpenForum(h.db, { capacity: 200 });
    const [small] = await h.db.insert(rooms).values({ eventId: event.id, name: "第一会议室", nameEn: "Room 1", capacity: 10 }).returning();
    const [big] = await h.db.insert(rooms).values({ eventId: event.id, name: "第二会议室", nameEn: "Room 2", capacity: 300 }).returning();
    const t0 = event.startsAt.getTime() + 5 * H;
    const [plenary] = await h.db.insert(agendaSessions).values({ eventId: event.id, kind: "plenary", title: "开幕式", startsAt: event.startsAt, endsAt: new Date(event.startsAt.getTime() + 2 * H) }).returning();
    const [a] = await h.db.insert(agendaSessions).values({ eventId: event.id, kind: "panel", title: "分论坛一", startsAt: new Date(t0), endsAt: new Date(t0 + 2 * H), roomId: small.id }).returning();
    const [b] = await h.db.insert(agendaSessions).values({ eventId: event.id, kind: "panel", title: "分论坛二", startsAt: new Date(t0), endsAt: new Date(t0 + 2 * H), roomId: big.id, capacity: 15 }).returning();
    return { event, a, b, plenary };
  }

  const chosen = async (sessionId: string) =>
    (
      await h.db
        .select({ id: registrationSessions.registrationId })
        .from(registrationSessions)
        .innerJoin(registrations, eq(registrations.id, registrationSessions.registrationId))
        .where(and(eq(registrationSessions.sessionId, sessionId), inArray(registrations.status, ["confirmed", "pending"])))
    ).length;

  it("a rush of 40 (20 per session) fills A to its room's 10 and B to its own 15, exactly; the rest are told the session is full", async () => {
    const { event, a, b } = await forumWithTwoTracks();
    const people = await makeDelegates(h.db, 40, "par");
    const results = await Promise.allSettled(people.map((p, i) => registerForEvent(h.db, p, { eventSlug: event.slug, data: sampleInput({ sessions: [i % 2 ? b.id : a.id] }) })));
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason as DomainError);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(25);
    expect(refused).toHaveLength(15);
    for (const e of refused) {
      expect(e).toBeInstanceOf(DomainError);
      expect(e.code).toBe("conflict");
      expect(translateError(e, "zh-CN").error).toMatch(/分论坛[一二]」已满/);
    }
    expect(await chosen(a.id)).toBe(10);
    expect(await chosen(b.id)).toBe(15);
    // the form shows what is left
    const [group] = await sessionChoiceGroups(h.db, event.id);
    expect(group.map((s) => [s.title, s.capacity, s.left])).toEqual([
      ["分论坛一", 10, 0],
      ["分论坛二", 15, 0],
    ]);
  });

  it("one choice per group; a cancelled registration frees its session seat; the personal agenda holds the chosen track only", async () => {
    const { event, a, b, plenary } = await forumWithTwoTracks();
    const [p1, p2] = await makeDelegates(h.db, 2, "one");
    const both = await registerForEvent(h.db, p1, { eventSlug: event.slug, data: sampleInput({ sessions: [a.id, b.id] }) }).catch((e: DomainError) => e);
    expect(both).toMatchObject({ code: "invalid", fieldErrors: { sessions: ["registration.errors.sessionOnePerGroup"] } });
    const notAChoice = await registerForEvent(h.db, p1, { eventSlug: event.slug, data: sampleInput({ sessions: [plenary.id] }) }).catch((e: DomainError) => e);
    expect(notAChoice).toMatchObject({ code: "invalid" });
    const r = await registerForEvent(h.db, p1, { eventSlug: event.slug, data: sampleInput({ sessions: [a.id] }) });
    expect(await chosen(a.id)).toBe(1);
    const agenda = await h.db.select({ id: agendaSelections.sessionId }).from(agendaSelections).where(eq(agendaSelections.userId, p1.id));
    expect(agenda.map((x) => x.id).sort()).toEqual([plenary.id, a.id].sort());
    await cancelRegistration(h.db, p1, { registrationId: r.id });
    expect(await chosen(a.id)).toBe(0);
    // without a choice nothing is held, and the agenda keeps every track to decide later
    await registerForEvent(h.db, p2, { eventSlug: event.slug, data: sampleInput() });
    expect(await chosen(a.id)).toBe(0);
    expect(await chosen(b.id)).toBe(0);
    const open = await h.db.select({ id: agendaSelections.sessionId }).from(agendaSelections).where(eq(agendaSelections.userId, p2.id));
    expect(open).toHaveLength(3);
  });

  it("NEGATIVE CONTROL: with the session counts taken outside the lock, the same rush overfills a session — so the test above can catch it", async () => {
    process.env.HUIWU_UNSAFE_REGISTRATION = "1";
    const { event, a } = await forumWithTwoTracks();
    const people = await makeDelegates(h.db, 30, "parnc");
    await Promise.allSettled(people.map((p) => registerForEvent(h.db, p, { eventSlug: event.slug, data: sampleInput({ sessions: [a.id] }) })));
    expect(await chosen(a.id)).toBeGreaterThan(10);
  });
});
