/**
 * A check-in carries its registration's forum (issue 15), on PGlite and Postgres: the desk writes it, the
 * (registration_id, event_id) foreign key refuses any other forum and cascades a registration's deletion, and the
 * per-forum counters read by it give what the join through registrations gives.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { seedIfEmpty, YANTAN_SLUG } from "@/db/seed";
import { checkins, events, registrations, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { createTestDb, testEngines } from "../fixtures/db";

const { checkIn } = await import("@/lib/checkin/commands");
const { checkinCounts, checkinCountsByEvent, checkinSegments } = await import("@/lib/checkin/queries");

/** The Postgres error code behind a failed statement (drizzle wraps it in `cause`). */
async function pgCode(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    const err = e as { code?: string; cause?: { code?: string } };
    return err.cause?.code ?? err.code;
  }
  return undefined;
}

describe.each(testEngines())("check-ins carry their forum on %s", (engine) => {
  let h: DbHandle;
  let yantan: string;
  let other: string;
  let staff: Actor;

  beforeAll(async () => {
    h = await createTestDb(engine);
    await seedIfEmpty(h.db);
    [{ id: yantan }] = await h.db.select({ id: events.id }).from(events).where(eq(events.slug, YANTAN_SLUG));
    [{ id: other }] = await h.db
      .insert(events)
      .values({ slug: "checkin-event-other", title: "另一论坛", startsAt: new Date("2026-05-01T01:00:00Z"), endsAt: new Date("2026-05-01T09:00:00Z"), status: "published" })
      .returning({ id: events.id });
    const [s] = await h.db.select().from(users).where(eq(users.email, "staff@huiwu.demo"));
    staff = { id: s.id, siteRole: s.siteRole, name: s.name, email: s.email };
  });
  afterAll(() => h?.close());

  async function newRegistration(eventId: string, n: string) {
    const [r] = await h.db
      .insert(registrations)
      .values({ eventId, status: "confirmed", fullName: `代表${n}`, email: `ce-${n}@example.com`, ticketCode: `checkin-event-ticket-${n}-xxxxxxxxxx` })
      .returning({ id: registrations.id, ticketCode: registrations.ticketCode });
    return r;
  }

  it("the desk writes the registration's forum on the check-in", async () => {
    const r = await newRegistration(other, "desk");
    await checkIn(h.db, staff, { eventId: other, ticketCode: r.ticketCode, segment: "event" });
    const rows = await h.db.select({ eventId: checkins.eventId }).from(checkins).where(eq(checkins.registrationId, r.id));
    expect(rows).toEqual([{ eventId: other }]);
  });

  it("a check-in naming another forum than its registration's is refused", async () => {
    const r = await newRegistration(other, "mismatch");
    expect(await pgCode(h.db.insert(checkins).values({ registrationId: r.id, eventId: yantan, segment: "event" }))).toBe("23503");
    expect(await h.db.select().from(checkins).where(eq(checkins.registrationId, r.id))).toEqual([]);
  });

  it("a registration with check-ins cannot move to another forum", async () => {
    const r = await newRegistration(other, "move");
    await h.db.insert(checkins).values({ registrationId: r.id, eventId: other, segment: "event" });
    expect(await pgCode(h.db.update(registrations).set({ eventId: yantan }).where(eq(registrations.id, r.id)))).toBe("23503");
  });

  it("deleting a registration deletes its check-ins", async () => {
    const r = await newRegistration(other, "gone");
    await h.db.insert(checkins).values([
      { registrationId: r.id, eventId: other, segment: "site_visit" },
      { registrationId: r.id, eventId: other, segment: "symposium" },
    ]);
    await h.db.delete(registrations).where(eq(registrations.id, r.id));
    expect(await h.db.select().from(checkins).where(eq(checkins.registrationId, r.id))).toEqual([]);
  });

  it("per-forum segments and counters equal what the join through registrations gives", async () => {
    const viaJoin = async (eventId: string) => {
      const seg = await h.db
        .select({ segment: checkins.segment, n: sql<number>`count(*)::int` })
        .from(checkins)
        .innerJoin(registrations, eq(registrations.id, checkins.registrationId))
        .where(eq(registrations.eventId, eventId))
        .groupBy(checkins.segment);
      const [people] = await h.db
        .select({ n: sql<number>`count(distinct ${checkins.registrationId})::int` })
        .from(checkins)
        .innerJoin(registrations, eq(registrations.id, checkins.registrationId))
        .where(eq(registrations.eventId, eventId));
      const [expected] = await h.db
        .select({ n: sql<number>`count(*)::int` })
        .from(registrations)
        .where(and(eq(registrations.eventId, eventId), eq(registrations.status, "confirmed")));
      return { expected: expected.n, checkedIn: people.n, bySegment: Object.fromEntries(seg.map((s) => [s.segment, s.n])) };
    };
    const [y, o] = [await viaJoin(yantan), await viaJoin(other)];
    expect(y.checkedIn).toBeGreaterThan(0);
    expect(o.checkedIn).toBeGreaterThan(0);
    expect(await checkinCounts(h.db, yantan)).toEqual(y);
    expect(await checkinCounts(h.db, other)).toEqual(o);
    const both = await checkinCountsByEvent(h.db, [yantan, other]);
    expect(both.get(yantan)).toEqual({ checkedIn: y.checkedIn, bySegment: y.bySegment });
    expect(both.get(other)).toEqual({ checkedIn: o.checkedIn, bySegment: o.bySegment });
    expect(await checkinSegments(h.db, yantan)).toEqual(["site_visit", "symposium"]);
    expect((await checkinSegments(h.db, other)).sort()).toEqual(Object.keys(o.bySegment).sort());
  });
});
