/** The check-in desk and POST /api/v1/checkins, on PGlite and Postgres: idempotent, per segment, scoped, guarded. */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { seedIfEmpty, YANTAN_SLUG } from "@/db/seed";
import { checkins, events, registrations, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { createTestDb, testEngines } from "../fixtures/db";
import { useAppDb } from "../fixtures/app-db";

const who: { actor: Actor | null } = { actor: null };
vi.mock("@/lib/auth/actor", () => ({ currentActor: async () => who.actor }));

const { POST } = await import("@/app/api/v1/checkins/route");
const { checkIn, undoCheckIn } = await import("@/lib/checkin/commands");
const { checkinCounts, checkinSegments, deskSearch } = await import("@/lib/checkin/queries");

const post = (body: unknown) => POST(new Request("http://x/api/v1/checkins", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }));

describe.each(testEngines())("check-in on %s", (engine) => {
  let h: DbHandle;
  let eventId: string;
  let staff: Actor;
  let attendee: Actor;
  const asActor = (u: typeof users.$inferSelect): Actor => ({ id: u.id, siteRole: u.siteRole, name: u.name, email: u.email });

  beforeAll(async () => {
    h = await createTestDb(engine);
    await seedIfEmpty(h.db);
    useAppDb(h);
    [{ id: eventId }] = await h.db.select({ id: events.id }).from(events).where(eq(events.slug, YANTAN_SLUG));
    const [s] = await h.db.select().from(users).where(eq(users.email, "staff@huiwu.demo"));
    const [a] = await h.db.select().from(users).where(eq(users.email, "attendee@huiwu.demo"));
    staff = asActor(s);
    attendee = asActor(a);
  });
  afterAll(() => h?.close());

  /** A confirmed Yantan delegate not yet checked in for the symposium. */
  async function freshConfirmed() {
    const rows = await h.db
      .select({ id: registrations.id, code: registrations.ticketCode, name: registrations.fullName })
      .from(registrations)
      .where(and(eq(registrations.eventId, eventId), eq(registrations.status, "confirmed")));
    for (const r of rows) {
      const c = await h.db.select().from(checkins).where(eq(checkins.registrationId, r.id));
      if (c.length === 0) return r;
    }
    throw new Error("no unchecked delegate in the seed");
  }

  it("the Yantan forum checks in by site_visit and symposium", async () => {
    expect(await checkinSegments(h.db, eventId)).toEqual(["site_visit", "symposium"]);
  });

  it("API: first scan checks in, second says already (same time, same desk), counters move by one", async () => {
    who.actor = staff;
    const r = await freshConfirmed();
    const before = await checkinCounts(h.db, eventId);
    const first = await post({ ticketCode: r.code, segment: "symposium" });
    expect(first.status).toBe(200);
    const a = await first.json();
    expect(a.already).toBe(false);
    expect(a.registration.name).toBe(r.name);
    expect(a.registration.status).toBe("confirmed");
    expect(a.checkedInBy).toBe(staff.name);
    const second = await (await post({ ticketCode: r.code, segment: "symposium" })).json();
    expect(second.already).toBe(true);
    expect(second.checkedInAt).toBe(a.checkedInAt);
    const after = await checkinCounts(h.db, eventId);
    expect(after.bySegment.symposium).toBe(before.bySegment.symposium + 1);
    expect(after.checkedIn).toBe(before.checkedIn + 1);
    // another segment is a separate check-in
    const visit = await (await post({ ticketCode: r.code, segment: "site_visit" })).json();
    expect(visit.already).toBe(false);
    expect((await checkinCounts(h.db, eventId)).checkedIn).toBe(after.checkedIn);
  });

  it("API: 404 unknown code, 409 cancelled, 401 anonymous, 403 a signed-in user without a role — nothing written", async () => {
    who.actor = staff;
    expect((await post({ ticketCode: "nope-nope-nope-nope-nope" })).status).toBe(404);
    const [cancelled] = await h.db
      .select({ id: registrations.id, code: registrations.ticketCode })
      .from(registrations)
      .where(and(eq(registrations.eventId, eventId), eq(registrations.status, "cancelled")))
      .limit(1);
    const res = await post({ ticketCode: cancelled.code });
    expect(res.status).toBe(409);
    expect(await h.db.select().from(checkins).where(eq(checkins.registrationId, cancelled.id))).toHaveLength(0);

    const r = await freshConfirmed();
    who.actor = null;
    expect((await post({ ticketCode: r.code })).status).toBe(401);
    who.actor = attendee;
    expect((await post({ ticketCode: r.code })).status).toBe(403);
    expect(await h.db.select().from(checkins).where(eq(checkins.registrationId, r.id))).toHaveLength(0);
    who.actor = staff;
    expect((await post({ segment: "symposium" })).status).toBe(422);
  });

  it("API without a segment: site_visit until the visit ends, then symposium", async () => {
    who.actor = staff;
    const r = await freshConfirmed();
    const { defaultSegment } = await import("@/lib/checkin/queries");
    expect(await defaultSegment(h.db, eventId, new Date("2025-09-05T01:30:00Z"))).toBe("site_visit"); // 09:30 in Zigong
    expect(await defaultSegment(h.db, eventId, new Date("2025-09-05T06:30:00Z"))).toBe("symposium"); // 14:30
    const body = await (await post({ ticketCode: r.code })).json();
    expect(body.segment).toBe("symposium"); // the forum is long over
  });

  it("two desks scanning at once record one check-in", async () => {
    const r = await freshConfirmed();
    const both = await Promise.all([
      checkIn(h.db, staff, { eventId, ticketCode: r.code, segment: "event" }),
      checkIn(h.db, staff, { eventId, ticketCode: r.code, segment: "event" }),
    ]);
    expect(both.map((b) => b.already).sort()).toEqual([false, true]);
    expect(await h.db.select().from(checkins).where(eq(checkins.registrationId, r.id))).toHaveLength(1);
  });

  it("undo removes the check-in (idempotent); a registration of another forum is not touched (no IDOR)", async () => {
    const r = await freshConfirmed();
    await checkIn(h.db, staff, { eventId, registrationId: r.id, segment: "symposium" });
    const [other] = await h.db
      .insert(events)
      .values({ slug: "other-forum", title: "Other", startsAt: new Date("2025-10-01T01:00:00Z"), endsAt: new Date("2025-10-01T08:00:00Z") })
      .returning();
    expect(await undoCheckIn(h.db, staff, { eventId: other.id, registrationId: r.id, segment: "symposium" })).toEqual({ removed: false });
    await expect(checkIn(h.db, staff, { eventId: other.id, ticketCode: r.code, segment: "symposium" })).rejects.toMatchObject({ code: "not_found" });
    expect(await h.db.select().from(checkins).where(eq(checkins.registrationId, r.id))).toHaveLength(1);
    expect(await undoCheckIn(h.db, staff, { eventId, registrationId: r.id, segment: "symposium" })).toEqual({ removed: true });
    expect(await h.db.select().from(checkins).where(eq(checkins.registrationId, r.id))).toHaveLength(0);
    expect(await undoCheckIn(h.db, staff, { eventId, registrationId: r.id, segment: "symposium" })).toEqual({ removed: false });
  });

  it("search by name finds the delegate with bus and check-ins", async () => {
    const r = await freshConfirmed();
    const hits = await deskSearch(h.db, eventId, r.name);
    expect(hits.map((x) => x.registrationId)).toContain(r.id);
    const withBus = await deskSearch(h.db, eventId, "demo");
    expect(withBus.length).toBeGreaterThan(0);
  });
});
