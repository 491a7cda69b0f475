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
import { executePrepared, executeShaped, rowsOf, SHAPES_MAX } from "@/db/rows";
import { seedIfEmpty, YANTAN_SLUG } from "@/db/seed";
import { checkins, events, eventStaff, registrations, users } from "@/db/schema";
import { canSql } from "@/lib/auth/guard";
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

  it("is built once per shape, and the shape names the caller's forum permission", async () => {
    // two forum staff, each of their own forum: one scan's statement (its permission condition naming its caller)
    // must not decide the other's
    const [{ id: other }] = await h.db
      .insert(events)
      .values({ slug: "prepared-scan-other", title: "另一论坛", startsAt: new Date("2026-05-01T01:00:00Z"), endsAt: new Date("2026-05-01T09:00:00Z"), status: "published" })
      .returning({ id: events.id });
    const [{ id: yantan }] = await h.db.select({ id: events.id }).from(events).where(eq(events.slug, YANTAN_SLUG));
    const person = async (tag: string, eventId: string): Promise<Actor> => {
      const [u] = await h.db.insert(users).values({ email: `prepared-${tag}@example.com`, name: `签到员${tag}` }).returning();
      await h.db.insert(eventStaff).values({ eventId, userId: u.id, role: "staff" });
      return { id: u.id, siteRole: u.siteRole, name: u.name, email: u.email };
    };
    const mine = await person("yantan", yantan);
    const theirs = await person("other", other);
    const [r] = await h.db
      .insert(registrations)
      .values({ eventId: other, status: "confirmed", fullName: "代表甲", email: "prepared-a@example.com", ticketCode: "prepared-scan-ticket-a-xxxxxxxxxx" })
      .returning({ id: registrations.id, ticketCode: registrations.ticketCode });
    const scan = (actor: Actor, code: string) => checkIn(h.db, actor, { ticketCode: code, segment: "event" }, canSql(actor, "checkin.perform", sql`${registrations.eventId}`));
    await expect(scan(mine, codes[10])).resolves.toMatchObject({ already: false }); // the first forum's staff at its own forum
    // the same shape's statement, a different caller: refused, nothing written (a statement kept under a shape that
    // did not name the caller would check the first caller's role and let this one in)
    await expect(scan(mine, r.ticketCode)).rejects.toMatchObject({ code: "forbidden" });
    expect(await h.db.select().from(checkins).where(eq(checkins.registrationId, r.id))).toEqual([]);
    await expect(scan(theirs, r.ticketCode)).resolves.toMatchObject({ already: false, checkedInBy: "签到员other" });
    const [row] = await h.db.select({ by: checkins.checkedInById }).from(checkins).where(eq(checkins.registrationId, r.id));
    expect(row.by).toBe(theirs.id); // the placeholders are this run's values, not the first run's
    await expect(scan(theirs, codes[11])).rejects.toMatchObject({ code: "forbidden" });
  });

  it("NEGATIVE CONTROL: a value embedded in the text under a shape that does not name it is reused", async () => {
    let builds = 0;
    const run = (label: string, shape = "one-shape") =>
      executeShaped<{ label: string; n: number }>(h.db, "probe", shape, () => (builds++, sql`select ${label}::text as label, ${sql.placeholder("n")}::int as n`), { n: label.length });
    expect(await run("first")).toEqual([{ label: "first", n: 5 }]);
    expect(await run("second")).toEqual([{ label: "first", n: 6 }]); // why the shape must name it; the placeholder is this run's
    expect(builds).toBe(1);
    // at most SHAPES_MAX shapes per handle: the least recently used is built again
    for (let i = 0; i < SHAPES_MAX; i++) await run(`shape-${i}`, `shape-${i}`);
    expect(builds).toBe(1 + SHAPES_MAX);
    expect(await run("third")).toEqual([{ label: "third", n: 5 }]);
    expect(builds).toBe(2 + SHAPES_MAX);
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
