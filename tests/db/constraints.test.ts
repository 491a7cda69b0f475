/** Each invariant of the data model is enforced by the database itself, on PGlite and on Postgres. */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { agendaSessions, buses, events, registrations, reports, users } from "@/db/schema";
import { createTestDb, testEngines } from "../fixtures/db";

const ticket = () => randomBytes(16).toString("base64url");

/** Drizzle wraps driver errors; the Postgres error (with its code and constraint) is the cause. */
async function pgError(p: Promise<unknown>): Promise<{ code?: string; constraint?: string; message: string }> {
  try {
    await p;
  } catch (e) {
    const err = e as { cause?: Record<string, unknown> } & Record<string, unknown>;
    const c = (err.cause ?? err) as Record<string, unknown>;
    return { code: c.code as string, constraint: (c.constraint ?? c.constraint_name) as string, message: String(c.message) };
  }
  throw new Error("expected the database to reject the write");
}

describe.each(testEngines())("database invariants on %s", (engine) => {
  let h: DbHandle;
  let eventId: string;
  let userId: string;

  beforeAll(async () => {
    h = await createTestDb(engine);
    const [u] = await h.db.insert(users).values({ name: "Test", email: "t@example.com" }).returning();
    userId = u.id;
    const [e] = await h.db
      .insert(events)
      .values({ slug: "t-forum", title: "T", startsAt: new Date("2025-09-05T01:00:00Z"), endsAt: new Date("2025-09-05T09:00:00Z"), capacity: 10 })
      .returning();
    eventId = e.id;
  });
  afterAll(() => h?.close());

  it("one registration per user per forum", async () => {
    const row = { eventId, userId, status: "confirmed" as const, fullName: "A" };
    await h.db.insert(registrations).values({ ...row, ticketCode: ticket() });
    const err = await pgError(h.db.insert(registrations).values({ ...row, ticketCode: ticket() }));
    expect(err.code).toBe("23505");
    expect(err.message).toContain("registrations_event_user_unique");
  });

  it("one registration per email per forum", async () => {
    const row = { eventId, status: "confirmed" as const, fullName: "B", email: "b@example.com" };
    await h.db.insert(registrations).values({ ...row, ticketCode: ticket() });
    const err = await pgError(h.db.insert(registrations).values({ ...row, ticketCode: ticket() }));
    expect(err.message).toContain("registrations_event_email_unique");
  });

  it("ticket codes are unique and long enough", async () => {
    const code = ticket();
    await h.db.insert(registrations).values({ eventId, status: "confirmed", fullName: "C", ticketCode: code });
    const dup = await pgError(h.db.insert(registrations).values({ eventId, status: "confirmed", fullName: "D", ticketCode: code }));
    expect(dup.code).toBe("23505");
    expect(dup.message).toContain("registrations_ticket_code_unique");
    const short = await pgError(h.db.insert(registrations).values({ eventId, status: "confirmed", fullName: "E", ticketCode: "abc" }));
    expect(short.code).toBe("23514");
  });

  it("a forum cannot end before it starts", async () => {
    const err = await pgError(
      h.db.insert(events).values({ slug: "bad-times", title: "X", startsAt: new Date("2025-09-05T09:00:00Z"), endsAt: new Date("2025-09-05T08:00:00Z") }),
    );
    expect(err.code).toBe("23514");
    expect(err.message).toContain("events_time_range");
  });

  it("a session cannot end before it starts", async () => {
    const err = await pgError(
      h.db.insert(agendaSessions).values({ eventId, kind: "keynote", title: "K", startsAt: new Date("2025-09-05T09:00:00Z"), endsAt: new Date("2025-09-05T08:59:00Z") }),
    );
    expect(err.message).toContain("agenda_sessions_time_range");
  });

  it("capacity cannot be negative; buses need seats", async () => {
    const cap = await pgError(
      h.db.insert(events).values({ slug: "neg-cap", title: "X", startsAt: new Date(), endsAt: new Date(), capacity: -1 }),
    );
    expect(cap.message).toContain("events_capacity_nonneg");
    const bus = await pgError(h.db.insert(buses).values({ eventId, name: "0 seats", seats: 0 }));
    expect(bus.message).toContain("buses_seats_positive");
  });

  it("slugs are unique and URL-safe", async () => {
    const dup = await pgError(h.db.insert(events).values({ slug: "t-forum", title: "X", startsAt: new Date(), endsAt: new Date() }));
    expect(dup.code).toBe("23505");
    const bad = await pgError(h.db.insert(events).values({ slug: "Bad Slug!", title: "X", startsAt: new Date(), endsAt: new Date() }));
    expect(bad.message).toContain("events_slug_format");
  });

  it("foreign keys: a registration needs an existing forum; deleting a forum removes its registrations", async () => {
    const fk = await pgError(
      h.db.insert(registrations).values({ eventId: "00000000-0000-4000-8000-000000000000", status: "confirmed", fullName: "F", ticketCode: ticket() }),
    );
    expect(fk.code).toBe("23503");
    const [e] = await h.db.insert(events).values({ slug: "to-delete", title: "X", startsAt: new Date(), endsAt: new Date() }).returning();
    await h.db.insert(registrations).values({ eventId: e.id, status: "confirmed", fullName: "G", ticketCode: ticket() });
    await h.db.insert(reports).values({ eventId: e.id, slug: "r-to-delete", title: "R" });
    const { eq } = await import("drizzle-orm");
    await h.db.delete(events).where(eq(events.id, e.id));
    const left = await h.query<{ n: number }>("select count(*)::int as n from registrations where event_id = $1", [e.id]);
    expect(left[0].n).toBe(0);
  });

  it("emails are stored lower-case (no case-variant duplicates)", async () => {
    const err = await pgError(h.db.insert(users).values({ name: "U", email: "Upper@Example.com" }));
    expect(err.message).toContain("users_email_lower");
  });
});
