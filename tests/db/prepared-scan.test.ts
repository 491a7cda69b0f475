/**
 * The check-in scan is a prepared statement (db/rows.ts executePrepared; issue 15, ten desks): parsed and planned
 * once per connection (Postgres) or once per embedded database (PGlite, db/pglite-worker.mjs), then only bound and
 * run. The first scan leaves the statement in pg_prepared_statements and later scans reuse it. Negative control: an
 * ordinary `db.execute` leaves nothing there. PGlite also: a prepared statement waits for another caller's open
 * transaction (it never runs inside it), the kept statements are capped, and a dropped one is prepared again.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { executePrepared, rowsOf } from "@/db/rows";
import { seedIfEmpty, YANTAN_SLUG } from "@/db/seed";
import { events, registrations, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { useAppDb } from "../fixtures/app-db";
import { createTestDb, testEngines } from "../fixtures/db";

const { checkIn } = await import("@/lib/checkin/commands");

describe.each(testEngines())("the check-in scan on %s", (kind) => {
  let h: DbHandle;
  let staff: Actor;
  let codes: string[];

  beforeAll(async () => {
    h = await createTestDb(kind, { maxConnections: 1 }); // one connection: its prepared statements are what we read
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

describe.runIf(testEngines().includes("pglite"))("prepared statements on PGlite (the worker's named statements)", () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await createTestDb("pglite");
    await h.db.execute(sql`create table prep_probe (id int primary key, label text not null)`);
    await h.db.execute(sql`insert into prep_probe values (1, 'one'), (2, 'two')`);
  });
  afterAll(() => h?.close());

  const kept = async (like: string) => (await h.query<{ n: number }>("select count(*)::int as n from pg_prepared_statements where statement like $1", [like]))[0].n;

  it("answers what db.execute answers: rows, types, nulls, errors with their Postgres code", async () => {
    const q = sql`select id, label, ${null}::text as nothing, now() as at from prep_probe where id = ${2}`;
    const [plain] = rowsOf<Record<string, unknown>>(await h.db.execute(q));
    const [prepared] = await executePrepared<Record<string, unknown>>(h.db, "probe", q);
    expect(Object.keys(prepared)).toEqual(["id", "label", "nothing", "at"]);
    expect({ ...prepared, at: typeof prepared.at }).toEqual({ ...plain, at: typeof plain.at }); // Drizzle's parsers: timestamps stay strings
    await expect(executePrepared(h.db, "probe", sql`insert into prep_probe values (${1}, 'again')`)).rejects.toMatchObject({ cause: { code: "23505" } }); // Drizzle wraps the Postgres error
    expect(await executePrepared(h.db, "probe", sql`select count(*)::int as n from prep_probe`)).toEqual([{ n: 2 }]); // the engine is usable after the error
  });

  it("waits for another caller's open transaction instead of running inside it", async () => {
    const count = sql`select count(*)::int as n from prep_probe`;
    let inside: unknown;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let began!: () => void;
    const begun = new Promise<void>((r) => (began = r));
    const tx = h.db
      .transaction(async (t) => {
        await t.execute(sql`insert into prep_probe values (3, 'uncommitted')`);
        inside = await executePrepared(t, "probe", count); // NEGATIVE CONTROL: inside the transaction the row is seen
        began();
        await held;
        t.rollback();
      })
      .catch(() => {});
    await begun;
    const outside = executePrepared<{ n: number }>(h.db, "probe", count);
    await new Promise((r) => setTimeout(r, 50));
    release();
    await tx;
    expect(inside).toEqual([{ n: 3 }]);
    expect(await outside).toEqual([{ n: 2 }]); // had it run inside the open transaction, it would have counted 3
  });

  it("keeps each statement once, at most 64, and prepares a dropped one again", async () => {
    const one = sql`select label from prep_probe where id = ${1} and 'keep-once' <> ''`;
    for (let i = 0; i < 3; i++) expect(await executePrepared(h.db, "probe", one)).toEqual([{ label: "one" }]);
    expect(await kept("%keep-once%")).toBe(1);
    for (let i = 0; i < 70; i++) await executePrepared(h.db, "probe", sql.raw(`select ${i} as n, 'cap-probe' as tag`));
    expect(await kept("%")).toBeLessThanOrEqual(64);
    expect(await executePrepared(h.db, "probe", sql.raw(`select 0 as n, 'cap-probe' as tag`))).toEqual([{ n: 0, tag: "cap-probe" }]); // closed, then prepared again
    await h.db.execute(sql`deallocate all`);
    expect(await kept("%")).toBe(0);
    expect(await executePrepared(h.db, "probe", one)).toEqual([{ label: "one" }]);
    expect(await kept("%keep-once%")).toBe(1);
  });
});
