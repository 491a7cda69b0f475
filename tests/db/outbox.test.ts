/** The notification outbox: delivered once, retried with backoff, never lost; day-before reminders enqueued once. */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { outbox } from "@/db/schema";
import { deliverDue, enqueueReminders, MAX_ATTEMPTS, type Mail, type Transport } from "@/lib/notifications/worker";
import { registerForEvent } from "@/lib/registrations/commands";
import { createTestDb, testEngines } from "../fixtures/db";
import { makeDelegates, makeOpenForum, sampleInput } from "../fixtures/registration";

describe.each(testEngines())("outbox worker on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await createTestDb(engine);
  });
  afterAll(() => h?.close());

  it("delivers each pending message once, in order; a second run finds nothing", async () => {
    const e = await makeOpenForum(h.db);
    const people = await makeDelegates(h.db, 3);
    for (const p of people) await registerForEvent(h.db, p, { eventSlug: e.slug, data: sampleInput() });
    const got: Mail[] = [];
    const t: Transport = { kind: "smtp", send: async (m) => void got.push(m) };
    const soon = { now: new Date(Date.now() + 1000) }; // past every row's microsecond due time
    expect(await deliverDue(h.db, t, soon)).toEqual({ sent: 3, failed: 0 });
    expect(got.map((m) => m.to).sort()).toEqual(people.map((p) => p.email).sort());
    expect(got[0].text).toContain("测试论坛");
    expect(await deliverDue(h.db, t, soon)).toEqual({ sent: 0, failed: 0 });
    const rows = await h.db.select().from(outbox).where(eq(outbox.eventId, e.id));
    expect(rows.every((r) => r.status === "sent" && r.sentAt && r.attempts === 1 && r.deliveredVia === "smtp")).toBe(true);
  });

  it("without a mail server a message is recorded as logged, not delivered (the mail log says so)", async () => {
    await h.db.update(outbox).set({ status: "sent" });
    const [row] = await h.db.insert(outbox).values({ kind: "test", toEmail: "y@example.com", subject: "s", body: "b" }).returning();
    const log: Transport = { kind: "log", send: async () => {} };
    expect(await deliverDue(h.db, log, { now: new Date(row.nextAttemptAt.getTime() + 1) })).toEqual({ sent: 1, failed: 0 });
    const [after] = await h.db.select().from(outbox).where(eq(outbox.id, row.id));
    expect(after).toMatchObject({ status: "sent", deliveredVia: "log" });
  });

  it("failures are retried with growing backoff and finally marked failed, never dropped", async () => {
    await h.db.update(outbox).set({ status: "sent" });
    const [row] = await h.db.insert(outbox).values({ kind: "test", toEmail: "x@example.com", subject: "s", body: "b" }).returning();
    const broken: Transport = { kind: "smtp", send: async () => Promise.reject(new Error("SMTP 421 try later")) };
    // from the row's own due time: the database keeps microseconds a JS Date truncates, so "new Date()" taken in the
    // same millisecond as the insert can be a hair before it
    let now = new Date(row.nextAttemptAt.getTime() + 1);
    const delays: number[] = [];
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      expect(await deliverDue(h.db, broken, { now })).toEqual({ sent: 0, failed: 1 });
      const [r] = await h.db.select().from(outbox).where(eq(outbox.id, row.id));
      expect(r.attempts).toBe(i);
      expect(r.lastError).toBe("SMTP 421 try later");
      if (i < MAX_ATTEMPTS) {
        expect(r.status).toBe("pending");
        delays.push(r.nextAttemptAt.getTime() - Date.now());
        expect(await deliverDue(h.db, broken, { now })).toEqual({ sent: 0, failed: 0 }); // not due yet
        now = new Date(r.nextAttemptAt.getTime() + 1);
      } else expect(r.status).toBe("failed");
    }
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThan(delays[i - 1]);
  });

  it("without SMTP the log transport marks messages delivered to the mail log", async () => {
    const [row] = await h.db.insert(outbox).values({ kind: "test", toEmail: "y@example.com", subject: "s", body: "b" }).returning();
    expect((await deliverDue(h.db, { kind: "log", send: async () => {} }, { now: new Date(row.nextAttemptAt.getTime() + 1) })).sent).toBe(1);
    const [r] = await h.db.select().from(outbox).where(eq(outbox.id, row.id));
    expect(r.status).toBe("sent");
  });

  it("a batch delivered to the mail log is marked sent in one statement; messages that really left, one by one", async () => {
    const updates: string[] = [];
    const counted = await createTestDb(engine, { onQuery: (q) => void (/^update "outbox"/i.test(q) && updates.push(q)) });
    try {
      for (const [kind, n] of [["log", 1], ["smtp", 5]] as const) {
        await counted.db.update(outbox).set({ status: "sent" });
        const rows = await counted.db.insert(outbox).values(Array.from({ length: 5 }, (_, i) => ({ kind: "test", toEmail: `b${i}@example.com`, subject: "s", body: "b" }))).returning();
        updates.length = 0;
        const now = new Date(Math.max(...rows.map((r) => r.nextAttemptAt.getTime())) + 1);
        expect(await deliverDue(counted.db, { kind, send: async () => {} }, { now })).toEqual({ sent: 5, failed: 0 });
        expect(updates.length).toBe(1 + n); // the lease, then the marks
        const after = await counted.db.select().from(outbox);
        expect(after.filter((r) => rows.some((x) => x.id === r.id)).every((r) => r.status === "sent" && r.deliveredVia === kind && r.sentAt)).toBe(true);
      }
    } finally {
      await counted.close();
    }
  });

  it("reminders: confirmed delegates of forums starting within 24 h, exactly once", async () => {
    const soon = new Date(Date.now() + 20 * 3600_000);
    const e = await makeOpenForum(h.db, { startsAt: soon, endsAt: new Date(soon.getTime() + 3600_000), registrationClosesAt: null });
    const later = await makeOpenForum(h.db);
    const [a, b] = await makeDelegates(h.db, 2);
    await registerForEvent(h.db, a, { eventSlug: e.slug, data: sampleInput() });
    await registerForEvent(h.db, b, { eventSlug: later.slug, data: sampleInput() });
    expect(await enqueueReminders(h.db)).toBe(1);
    expect(await enqueueReminders(h.db)).toBe(0);
    const [m] = await h.db.select().from(outbox).where(eq(outbox.kind, "registration.reminder"));
    expect(m).toMatchObject({ toEmail: a.email, eventId: e.id });
    expect(m.subject).toContain("明天见");
  });
});
