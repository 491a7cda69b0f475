/**
 * The check-in scan is a prepared statement on Postgres (db/rows.ts executePrepared; issue 15, ten desks): parsed and
 * planned once per connection, then only bound and run. On one connection, the first scan leaves the statement in
 * pg_prepared_statements and later scans reuse it. Negative control: an ordinary `db.execute` leaves nothing there.
 * Postgres only (PGlite keeps no named statements; it runs the scan as db.execute does — tests/db/checkin.test.ts).
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { seedIfEmpty, YANTAN_SLUG } from "@/db/seed";
import { events, registrations, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { useAppDb } from "../fixtures/app-db";
import { createTestDb, testEngines } from "../fixtures/db";

const { checkIn } = await import("@/lib/checkin/commands");

describe.runIf(testEngines().includes("postgres"))("the check-in scan on Postgres", () => {
  let h: DbHandle;
  let staff: Actor;
  let codes: string[];

  beforeAll(async () => {
    h = await createTestDb("postgres", { maxConnections: 1 }); // one connection: its prepared statements are what we read
    await seedIfEmpty(h.db);
    useAppDb(h);
    const [{ id: eventId }] = await h.db.select({ id: events.id }).from(events).where(eq(events.slug, YANTAN_SLUG));
    const [s] = await h.db.select().from(users).where(eq(users.email, "staff@huiwu.demo"));
    staff = { id: s.id, siteRole: s.siteRole, name: s.name, email: s.email };
    codes = (await h.db.select({ code: registrations.ticketCode }).from(registrations).where(and(eq(registrations.eventId, eventId), eq(registrations.status, "confirmed")))).map((r) => r.code);
  });
  afterAll(() => h?.close());

  const scanStatements = async () =>
    (await h.query<{ statement: string }>("select statement from pg_prepared_statements")).filter((r) => r.statement.includes('insert into "checkins"')).length;

  it("NEGATIVE CONTROL: a statement run through db.execute is not kept prepared", async () => {
    await h.db.execute(sql`select ${1}::int as one`);
    expect((await h.query<{ n: number }>("select count(*)::int as n from pg_prepared_statements where statement like '%as one%'"))[0].n).toBe(0);
  });

  it("is prepared by the first scan and reused by the next ones", async () => {
    expect(await scanStatements()).toBe(0);
    await checkIn(h.db, staff, { ticketCode: codes[0], segment: "symposium" });
    expect(await scanStatements()).toBe(1);
    for (const code of codes.slice(1, 4)) await checkIn(h.db, staff, { ticketCode: code, segment: "symposium" });
    expect(await scanStatements()).toBe(1);
  });
});
