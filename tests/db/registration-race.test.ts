/**
 * The rush (issue 4 acceptance): capacity is taken under the forum's row lock in one transaction, so concurrent
 * registrations never overbook — on PGlite and on real Postgres. A negative control (HUIWU_UNSAFE_REGISTRATION=1:
 * check outside the transaction, pause, then write) proves this test catches an oversell.
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { translateError } from "@/lib/i18n/errors";
import type { DbHandle } from "@/db/client";
import { outbox, registrations } from "@/db/schema";
import { DomainError } from "@/lib/actions/result";
import { cancelRegistration, registerForEvent, waitlistPositionOf } from "@/lib/registrations/commands";
import { createTestDb, testEngines } from "../fixtures/db";
import { makeDelegates, makeOpenForum, sampleInput } from "../fixtures/registration";

type Settled<T> = PromiseSettledResult<T>;
const fulfilled = <T,>(rs: Settled<T>[]) => rs.filter((r): r is PromiseFulfilledResult<T> => r.status === "fulfilled").map((r) => r.value);
const rejected = <T,>(rs: Settled<T>[]) => rs.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason as unknown);

describe.each(testEngines())("registration under a rush on %s", (engine) => {
  let h: DbHandle;
  const timings: string[] = [];

  beforeAll(async () => {
    h = await createTestDb(engine, { maxConnections: 50 });
  });
  afterEach(() => {
    delete process.env.HUIWU_UNSAFE_REGISTRATION;
  });
  afterAll(async () => {
    console.log(`[${engine}] ${timings.join("; ")}`);
    await h?.close();
  });

  async function statuses(eventId: string) {
    return h.db.select().from(registrations).where(eq(registrations.eventId, eventId));
  }

  it("300 distinct people for 200 seats: exactly 200 confirmed, 100 waitlisted 1..100; then 10 cancellations promote exactly the first 10", async () => {
    const event = await makeOpenForum(h.db, { capacity: 200 });
    const people = await makeDelegates(h.db, 300);

    const t0 = performance.now();
    const results = await Promise.allSettled(people.map((p) => registerForEvent(h.db, p, { eventSlug: event.slug, data: sampleInput() })));
    timings.push(`300 registrations ${Math.round(performance.now() - t0)} ms`);

    expect(rejected(results)).toEqual([]); // no errors at all
    const ok = fulfilled(results);
    expect(ok.filter((r) => r.status === "confirmed")).toHaveLength(200);
    const waitlisted = ok.filter((r) => r.status === "waitlisted");
    expect(waitlisted).toHaveLength(100);
    expect(waitlisted.map((r) => r.waitlistPosition).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    for (const r of ok.filter((x) => x.status === "confirmed")) expect(r.ticketCode).toMatch(/^[A-Za-z0-9_-]{22}$/);

    const rows = await statuses(event.id);
    expect(rows).toHaveLength(300);
    expect(new Set(rows.map((r) => r.userId)).size).toBe(300);
    expect(new Set(rows.map((r) => r.ticketCode)).size).toBe(300);
    expect(rows.filter((r) => r.status === "confirmed")).toHaveLength(200);
    // The positions the database reports now match those returned at registration time.
    for (const w of waitlisted) {
      const row = rows.find((r) => r.id === w.id)!;
      expect(await waitlistPositionOf(h.db, row)).toBe(w.waitlistPosition);
    }
    // Every registration announced itself through the outbox, in the same transaction.
    const mails = await h.db.select().from(outbox).where(eq(outbox.eventId, event.id));
    expect(mails.filter((m) => m.kind === "registration.confirmed")).toHaveLength(200);
    expect(mails.filter((m) => m.kind === "registration.waitlisted")).toHaveLength(100);

    // 10 confirmed people cancel at once: exactly the first 10 on the waitlist move up, nobody twice.
    const byPosition = [...waitlisted].sort((a, b) => a.waitlistPosition! - b.waitlistPosition!);
    const first10 = byPosition.slice(0, 10).map((r) => r.id);
    const cancellers = ok.filter((r) => r.status === "confirmed").slice(0, 10);
    const ownerOf = new Map(rows.map((r) => [r.id, r.userId]));
    const t1 = performance.now();
    const cancels = await Promise.allSettled(
      cancellers.map((c) => cancelRegistration(h.db, people.find((p) => p.id === ownerOf.get(c.id))!, { registrationId: c.id })),
    );
    timings.push(`10 cancellations ${Math.round(performance.now() - t1)} ms`);
    expect(rejected(cancels)).toEqual([]);
    expect(fulfilled(cancels).reduce((a, c) => a + c.promoted, 0)).toBe(10);

    const after = await statuses(event.id);
    expect(after.filter((r) => r.status === "confirmed")).toHaveLength(200);
    expect(after.filter((r) => r.status === "cancelled")).toHaveLength(10);
    const promotedNow = after.filter((r) => first10.includes(r.id));
    expect(promotedNow.map((r) => r.status)).toEqual(Array(10).fill("confirmed"));
    const stillWaiting = after.filter((r) => r.status === "waitlisted");
    expect(stillWaiting).toHaveLength(90);
    const positions = await Promise.all(stillWaiting.map((r) => waitlistPositionOf(h.db, r)));
    expect(positions.sort((a, b) => a! - b!)).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));
    // Each promotion was announced exactly once.
    const promotedMails = await h.db
      .select({ registrationId: outbox.registrationId })
      .from(outbox)
      .where(and(eq(outbox.eventId, event.id), eq(outbox.kind, "registration.promoted")));
    expect(promotedMails.map((m) => m.registrationId).sort()).toEqual([...first10].sort());
  });

  it("one person sending 20 requests at once gets exactly one registration; the rest a clear conflict", async () => {
    const event = await makeOpenForum(h.db, { capacity: 50 });
    const [me] = await makeDelegates(h.db, 1);
    const t0 = performance.now();
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => registerForEvent(h.db, me, { eventSlug: event.slug, data: sampleInput(), locale: "en" })));
    timings.push(`1 person x 20 ${Math.round(performance.now() - t0)} ms`);
    expect(fulfilled(results)).toHaveLength(1);
    const errors = rejected(results);
    expect(errors).toHaveLength(19);
    for (const e of errors) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe("conflict");
      expect(translateError(e as DomainError, "en").error).toBe("You are already registered for this forum.");
    }
    const rows = await statuses(event.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].userId).toBe(me.id);
  });

  it("NEGATIVE CONTROL: without the lock (check, pause, write) the same rush overbooks — so the test above can catch it", async () => {
    process.env.HUIWU_UNSAFE_REGISTRATION = "1";
    const event = await makeOpenForum(h.db, { capacity: 200 });
    const people = await makeDelegates(h.db, 300, "nc");
    const t0 = performance.now();
    await Promise.allSettled(people.map((p) => registerForEvent(h.db, p, { eventSlug: event.slug, data: sampleInput() })));
    timings.push(`negative control ${Math.round(performance.now() - t0)} ms`);
    const confirmed = await h.db
      .select({ id: registrations.id })
      .from(registrations)
      .where(and(eq(registrations.eventId, event.id), inArray(registrations.status, ["confirmed"])));
    timings.push(`negative control confirmed ${confirmed.length}/200`);
    expect(confirmed.length).toBeGreaterThan(200);
  });
});
