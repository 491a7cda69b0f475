/**
 * Group commit (issue 15): concurrent registrations for one forum share one transaction under the forum's lock
 * (lib/registrations/commands.ts, lib/shared/group-commit.ts). Exactness holds batch by batch: seats and waitlist
 * places are handed out in order, every caller gets its OWN outcome (its row, ticket, place, mail and audit record),
 * the same person twice in one rush is registered once, and one bad request does not fail the others — on PGlite
 * and on real Postgres. The negative control (HUIWU_UNSAFE_REGISTRATION=1: each request's seats counted outside the
 * lock, before a pause) overbooks the same rush, so these assertions can fail.
 */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { agendaSelections, auditLog, outbox, registrations } from "@/db/schema";
import { DomainError } from "@/lib/actions/result";
import { registerForEvent, waitlistPositionOf } from "@/lib/registrations/commands";
import { createTestDb, testEngines } from "../fixtures/db";
import { makeDelegates, makeOpenForum, sampleInput } from "../fixtures/registration";
import { agendaSessions } from "@/db/schema";

describe.each(testEngines())("registration group commit on %s", (engine) => {
  let h: DbHandle;
  let lockStatements = 0;

  beforeAll(async () => {
    // the forum lock statement of a registration: `select … from "events" … for update` with the questions subquery
    h = await createTestDb(engine, { maxConnections: 50, onQuery: (q) => void (/registration_questions/.test(q) && /for update/i.test(q) && lockStatements++) });
  });
  afterEach(() => {
    delete process.env.HUIWU_UNSAFE_REGISTRATION;
  });
  afterAll(() => h?.close());

  /** 60 people for 40 seats, the 12th sending twice (right after their first request): 61 requests at once. */
  async function rush(prefix: string) {
    const event = await makeOpenForum(h.db, { capacity: 40 });
    await h.db.insert(agendaSessions).values({ eventId: event.id, kind: "keynote", title: "开幕", startsAt: event.startsAt, endsAt: new Date(event.startsAt.getTime() + 3600_000) });
    const people = await makeDelegates(h.db, 60, prefix);
    const callers = [...people.slice(0, 12), people[11], ...people.slice(12)];
    lockStatements = 0;
    const results = await Promise.allSettled(callers.map((p) => registerForEvent(h.db, p, { eventSlug: event.slug, data: sampleInput() })));
    return { event, people, callers, results };
  }

  it("60 people for 40 seats, one of them twice: 40 confirmed, 20 waitlisted 1..20, each caller its own row, ticket, place, mail and audit record", async () => {
    const { event, people, callers, results } = await rush("gc");
    expect(lockStatements).toBeLessThan(callers.length); // batched: fewer transactions than requests

    // the duplicate: exactly one of the two requests succeeded, the other is "already registered"
    const refused = results.flatMap((r, i) => (r.status === "rejected" ? [{ i, reason: r.reason as unknown }] : []));
    expect(refused).toHaveLength(1);
    expect([11, 12]).toContain(refused[0].i);
    expect(refused[0].reason).toBeInstanceOf(DomainError);
    expect((refused[0].reason as DomainError).code).toBe("conflict");
    expect((refused[0].reason as DomainError).messageKey).toBe("registration.errors.already");

    const rows = await h.db.select().from(registrations).where(eq(registrations.eventId, event.id));
    expect(rows).toHaveLength(60);
    expect(new Set(rows.map((r) => r.userId)).size).toBe(60);
    expect(rows.filter((r) => r.status === "confirmed")).toHaveLength(40);
    expect(rows.filter((r) => r.status === "waitlisted")).toHaveLength(20);

    const byId = new Map(rows.map((r) => [r.id, r]));
    const mails = await h.db.select().from(outbox).where(eq(outbox.eventId, event.id));
    const audits = await h.db.select().from(auditLog).where(and(eq(auditLog.eventId, event.id), eq(auditLog.action, "registration.create")));
    expect(mails).toHaveLength(60);
    expect(audits).toHaveLength(60);
    const positions: number[] = [];
    results.forEach((r, i) => {
      if (r.status !== "fulfilled") return;
      const out = r.value;
      const row = byId.get(out.id)!;
      expect(row.userId).toBe(callers[i].id); // the caller's own registration, not a neighbour's in the batch
      expect(out.status).toBe(row.status);
      expect(out.eventSlug).toBe(event.slug);
      if (out.status === "confirmed") expect(out.ticketCode).toBe(row.ticketCode);
      else {
        expect(out.ticketCode).toBeUndefined();
        positions.push(out.waitlistPosition!);
      }
      const mine = mails.filter((m) => m.registrationId === out.id);
      expect(mine).toHaveLength(1);
      expect(mine[0].toEmail).toBe(callers[i].email.toLowerCase());
      expect(mine[0].kind).toBe(`registration.${out.status}`);
      const audit = audits.filter((a) => a.entityId === out.id);
      expect(audit).toHaveLength(1);
      expect(audit[0].actorId).toBe(callers[i].id);
      expect((audit[0].after as { status: string; waitlistPosition: number | null }).status).toBe(out.status);
      expect((audit[0].after as { waitlistPosition: number | null }).waitlistPosition).toBe(out.waitlistPosition ?? null);
    });
    expect(positions.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // first come, first served: the places the database reports now are those handed out
    for (const r of results) if (r.status === "fulfilled" && r.value.waitlistPosition) expect(await waitlistPositionOf(h.db, byId.get(r.value.id)!)).toBe(r.value.waitlistPosition);
    // each person's agenda was seeded (one statement for the batch)
    const seeded = await h.db.select({ userId: agendaSelections.userId }).from(agendaSelections);
    for (const p of people) expect(seeded.some((s) => s.userId === p.id)).toBe(true);
  });

  it("one bad request in a batch (an actor the database refuses) fails alone; the others are registered exactly", async () => {
    const event = await makeOpenForum(h.db, { capacity: 5 });
    const people = await makeDelegates(h.db, 10, "gcbad");
    const ghost = { id: randomUUID(), name: "幽灵", email: "ghost@example.com", siteRole: "user" as const };
    const callers = [...people.slice(0, 4), ghost, ...people.slice(4)];
    const results = await Promise.allSettled(callers.map((p) => registerForEvent(h.db, p, { eventSlug: event.slug, data: sampleInput() })));
    expect(results.map((r) => r.status)).toEqual(callers.map((c) => (c === ghost ? "rejected" : "fulfilled")));
    const rows = await h.db.select().from(registrations).where(eq(registrations.eventId, event.id));
    expect(rows).toHaveLength(10);
    expect(rows.filter((r) => r.status === "confirmed")).toHaveLength(5);
    const waitlisted = results.flatMap((r) => (r.status === "fulfilled" && r.value.status === "waitlisted" ? [r.value.waitlistPosition] : []));
    expect(waitlisted.sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it("NEGATIVE CONTROL: seats counted per request outside the lock (check, pause, write) overbook the same rush — so the test above can catch it", async () => {
    process.env.HUIWU_UNSAFE_REGISTRATION = "1";
    const { event } = await rush("gcnc");
    const confirmed = await h.db
      .select({ id: registrations.id })
      .from(registrations)
      .where(and(eq(registrations.eventId, event.id), eq(registrations.status, "confirmed")));
    expect(confirmed.length).toBeGreaterThan(40);
  });
});
