/**
 * Bus seats are ONE rule (lib/buses/seats.ts): seats taken = registrations on the bus that hold a seat (confirmed,
 * pending). Cancel by both paths — the attendee's own and the organizer's — and every screen that shows the bus agrees
 * after each step: the public registration form (seats left), the console's bus list (taken) and its assignment (how
 * many more fit), the agenda builder (taken; the seats cannot drop below it). PGlite, and Postgres when configured.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { events, registrations, users } from "@/db/schema";
import { saveBus } from "@/lib/agenda/commands";
import type { Actor } from "@/lib/auth/permissions";
import { consoleEventTree } from "@/lib/events/admin-queries";
import { addGuest, assignBus, changeRegistrationStatus } from "@/lib/registrations/admin-commands";
import { busesWithSeats } from "@/lib/registrations/admin-queries";
import { cancelRegistration, registerForEvent } from "@/lib/registrations/commands";
import { registrationFormData } from "@/lib/registrations/queries";
import { createTestDb, testEngines } from "../fixtures/db";
import { makeBus, makeDelegates, makeOpenForum, sampleInput } from "../fixtures/registration";

describe.each(testEngines())("bus seats, one rule on %s", (engine) => {
  let h: DbHandle;
  let organizer: Actor;
  beforeAll(async () => {
    h = await createTestDb(engine);
    const [u] = await h.db.insert(users).values({ name: "组织者", email: "bus-org@example.com" }).returning();
    organizer = { id: u.id, siteRole: "user", name: u.name, email: u.email };
  });
  afterAll(() => h?.close());

  it("cancelling by either path frees the seat, and the form, the console and the agenda builder show the same count", async () => {
    const forum = await makeOpenForum(h.db, { withSiteVisit: true, capacity: 5 });
    const bus = await makeBus(h.db, forum.id, 4);
    const guest = { eventId: forum.id, phone: null, organization: "自贡市", position: "处长", category: "government" as const, siteVisit: true, notes: null, needs: null, status: "confirmed" as const };

    /** What each screen says about the bus, and what the assignment and the agenda builder accept. */
    const screens = async () => {
      const form = (await registrationFormData(h.db, forum.slug))!.buses.find((b) => b.id === bus.id)!;
      const console_ = (await busesWithSeats(h.db, forum.id)).find((b) => b.id === bus.id)!;
      const agenda = (await consoleEventTree(h.db, forum.slug))!.buses.find((b) => b.id === bus.id)!;
      return { formLeft: form.left, consoleTaken: console_.taken, agendaTaken: agenda.taken };
    };
    const expectTaken = async (n: number) => {
      expect(await screens()).toEqual({ formLeft: 4 - n, consoleTaken: n, agendaTaken: n });
      // the agenda builder may not shrink the bus below the seats taken, and may shrink it to exactly that
      if (n > 0) {
        await expect(saveBus(h.db, organizer, { eventId: forum.id, busId: bus.id, name: bus.name, nameEn: null, seats: n - 1, leaderName: null, leaderNameEn: null, leaderPhone: null, sessionId: null })).rejects.toMatchObject({
          fieldErrors: { seats: [{ key: "admin.errors.seats_below_assigned", params: { n } }] },
        });
      }
    };

    // two attendees choose the bus on the public form, the organizer seats two guests on it
    const [a, b, w] = await makeDelegates(h.db, 3);
    const ra = await registerForEvent(h.db, a, { eventSlug: forum.slug, data: sampleInput({ siteVisit: true, groupId: bus.id }) });
    const rb = await registerForEvent(h.db, b, { eventSlug: forum.slug, data: sampleInput({ siteVisit: true, groupId: bus.id }) });
    const c = await addGuest(h.db, organizer, { ...guest, fullName: "张三", email: "bus-c@example.com" });
    const d = await addGuest(h.db, organizer, { ...guest, fullName: "李四", email: "bus-d@example.com" });
    expect(await assignBus(h.db, organizer, { eventId: forum.id, registrationIds: [c.id, d.id], busId: bus.id })).toEqual({ assigned: 2 });
    await expectTaken(4);

    // the forum has one seat left: a fifth guest fits the forum but not the bus
    const e5 = await addGuest(h.db, organizer, { ...guest, fullName: "王五", email: "bus-e@example.com" });
    await expect(assignBus(h.db, organizer, { eventId: forum.id, registrationIds: [e5.id], busId: bus.id })).rejects.toMatchObject({ code: "conflict", params: { free: 0 } });
    // the forum is now full: a waitlisted attendee keeps the bus they asked for as a wish, which takes no seat
    const rw = await registerForEvent(h.db, w, { eventSlug: forum.slug, data: sampleInput({ siteVisit: true, groupId: bus.id }) });
    expect(rw.status).toBe("waitlisted");
    expect((await h.db.select({ busId: registrations.busId }).from(registrations).where(eq(registrations.id, rw.id)))[0].busId).toBe(bus.id);
    await expectTaken(4);

    // 1. the attendee cancels: the seat is free on every screen, the registration no longer names the bus …
    await cancelRegistration(h.db, a, { registrationId: ra.id });
    const busOf = async (id: string) => (await h.db.select({ busId: registrations.busId, status: registrations.status }).from(registrations).where(eq(registrations.id, id)))[0];
    expect(await busOf(ra.id)).toEqual({ busId: null, status: "cancelled" });
    // … and the forum seat went to the waitlisted attendee, who gets the bus they asked for (it has a seat again)
    expect(await busOf(rw.id)).toEqual({ busId: bus.id, status: "confirmed" });
    await expectTaken(4);

    // 2. the organizer cancels: the same
    await changeRegistrationStatus(h.db, organizer, { eventId: forum.id, action: "cancel", registrationIds: [c.id] });
    expect(await busOf(c.id)).toEqual({ busId: null, status: "cancelled" });
    await expectTaken(3);
    await cancelRegistration(h.db, b, { registrationId: rb.id });
    await expectTaken(2);

    // 3. a path that ends a registration without clearing its bus (a replaced delegate) still frees the seat
    await h.db.update(registrations).set({ status: "cancelled" }).where(eq(registrations.id, d.id));
    expect(await busOf(d.id)).toEqual({ busId: bus.id, status: "cancelled" });
    await expectTaken(1);

    // what the screens say is what the assignment accepts: three more fit, a fourth does not
    await h.db.update(events).set({ capacity: 20 }).where(eq(events.id, forum.id));
    const more = [];
    for (const [i, n] of ["甲", "乙", "丙", "丁"].entries()) more.push(await addGuest(h.db, organizer, { ...guest, fullName: n, email: `bus-m${i}@example.com` }));
    await expect(assignBus(h.db, organizer, { eventId: forum.id, registrationIds: more.map((m) => m.id), busId: bus.id })).rejects.toMatchObject({ params: { free: 3, n: 4 } });
    expect(await assignBus(h.db, organizer, { eventId: forum.id, registrationIds: more.slice(0, 3).map((m) => m.id), busId: bus.id })).toEqual({ assigned: 3 });
    await expectTaken(4);
  });

  it("promoted by hand from the waitlist: the bus asked for is kept only while it has a seat", async () => {
    const forum = await makeOpenForum(h.db, { withSiteVisit: true, capacity: 1 });
    const bus = await makeBus(h.db, forum.id, 1);
    const [a, b] = await makeDelegates(h.db, 2);
    const ra = await registerForEvent(h.db, a, { eventSlug: forum.slug, data: sampleInput({ siteVisit: true, groupId: bus.id }) });
    const rb = await registerForEvent(h.db, b, { eventSlug: forum.slug, data: sampleInput({ siteVisit: true, groupId: bus.id }) });
    expect([ra.status, rb.status]).toEqual(["confirmed", "waitlisted"]);
    // the organizer makes room in the forum (not on the bus) and promotes b by hand
    await h.db.update(events).set({ capacity: 2 }).where(eq(events.id, forum.id));
    expect(await changeRegistrationStatus(h.db, organizer, { eventId: forum.id, action: "promote", registrationIds: [rb.id] })).toMatchObject({ changed: 1 });
    const [row] = await h.db.select().from(registrations).where(eq(registrations.id, rb.id));
    expect(row).toMatchObject({ status: "confirmed", busId: null }); // the bus was full: the organizer assigns another
    expect((await busesWithSeats(h.db, forum.id))[0].taken).toBe(1);
  });
});
