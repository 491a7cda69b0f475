/**
 * The embedded database in its own thread (db/client.ts PgliteWorkerClient, db/pglite-worker.mjs): the main thread
 * stays free while Postgres works, and nothing the callers rely on changes — transactions are exclusive and roll back,
 * errors keep their Postgres fields through Drizzle, values keep their types.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, PgliteWorkerClient, type DbHandle } from "@/db/client";

/** The largest gap between 5 ms timer ticks on this thread while `work` runs, and how long `work` took. */
async function loopLag(work: () => Promise<unknown>) {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 5);
  const t0 = performance.now();
  await work();
  const took = performance.now() - t0;
  clearInterval(timer);
  worst = Math.max(worst, performance.now() - last); // a thread blocked throughout never ran the timer at all
  return { worst, took };
}

const HEAVY = "select count(*)::int as n from generate_series(1, 3000000) g where g % 7 = 3";

describe("PGlite in a worker thread", () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openDatabase();
    await h.query("create table t (id int primary key, v text not null, at timestamptz, n numeric, j jsonb, b bytea)");
  });
  afterAll(() => h.close());

  it("keeps this thread free while a long query runs; in process the same query blocks it (negative control)", async () => {
    const inWorker = await loopLag(() => h.query(HEAVY));
    expect(inWorker.took).toBeGreaterThan(150);
    expect(inWorker.worst, `a ${Math.round(inWorker.took)} ms query`).toBeLessThan(Math.min(100, inWorker.took / 2));

    const { PGlite } = await import("@electric-sql/pglite");
    const inProcess = await PGlite.create();
    try {
      const blocked = await loopLag(() => inProcess.query(HEAVY));
      expect(blocked.worst).toBeGreaterThan(blocked.took / 2); // the whole query ran on this thread
    } finally {
      await inProcess.close();
    }
  });

  it("keeps value types: timestamps and numerics as Drizzle reads them, json, bytea, ints", async () => {
    const at = new Date("2025-09-05T01:30:00Z");
    await h.db.execute(sql`insert into t values (1, 'a', ${at}, ${"12.50"}, ${JSON.stringify({ x: [1, "二"] })}, ${new Uint8Array([0, 255])})`);
    const [row] = await h.query<{ id: number; at: Date; n: string; j: unknown; b: Uint8Array }>("select * from t where id = 1");
    expect(row.id).toBe(1);
    expect(row.at).toBeInstanceOf(Date);
    expect(row.at.toISOString()).toBe(at.toISOString());
    expect(row.n).toBe("12.50");
    expect(row.j).toEqual({ x: [1, "二"] });
    expect(Array.from(row.b)).toEqual([0, 255]);
    const viaDrizzle = await h.db.execute(sql`select at, n from t where id = 1`);
    expect((viaDrizzle as unknown as { rows: { at: unknown }[] }).rows[0].at).toMatch(/^2025-09-05 01:30:00/); // Drizzle's identity parser
  });

  it("errors keep their Postgres code and constraint through Drizzle", async () => {
    const err = await h.db.execute(sql`insert into t (id, v) values (1, 'dup')`).catch((e: unknown) => e);
    const cause = (err as { cause?: Record<string, unknown> }).cause ?? (err as Record<string, unknown>);
    expect(cause.code).toBe("23505");
    expect(cause.constraint).toBe("t_pkey");
    expect(String(cause.message)).toMatch(/duplicate key/);
  });

  it("a transaction is exclusive: a plain query sent meanwhile waits for its commit", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const tx = h.db.transaction(async (t) => {
      await t.execute(sql`insert into t (id, v) values (2, 'in tx')`);
      await gate;
    });
    await new Promise((r) => setTimeout(r, 20));
    let seen: number | undefined;
    const plain = h.query<{ n: number }>("select count(*)::int as n from t where id = 2").then((r) => (seen = r[0].n));
    await new Promise((r) => setTimeout(r, 50));
    expect(seen, "the plain query ran inside someone else's transaction").toBeUndefined();
    release();
    await tx;
    await plain;
    expect(seen).toBe(1);
  });

  it("rolls back when the callback throws, and an aborted transaction's commit fails", async () => {
    await expect(
      h.db.transaction(async (t) => {
        await t.execute(sql`insert into t (id, v) values (3, 'gone')`);
        throw new Error("no");
      }),
    ).rejects.toThrow("no");
    expect(await h.query("select 1 from t where id = 3")).toHaveLength(0);

    await expect(
      h.db.transaction(async (t) => {
        await t.execute(sql`insert into t (id, v) values (4, 'x')`);
        await t.execute(sql`insert into t (id, v) values (4, 'again')`).catch(() => {}); // swallowed: the transaction is aborted
      }),
    ).rejects.toThrow();
    expect(await h.query("select 1 from t where id = 4")).toHaveLength(0);
    expect(await h.query<{ n: number }>("select 1 as n")).toEqual([{ n: 1 }]); // the session is usable again
  });

  it("nested transactions (savepoints) keep the outer work when the inner one rolls back", async () => {
    await h.db.transaction(async (t) => {
      await t.execute(sql`insert into t (id, v) values (5, 'outer')`);
      await t.transaction(async (inner) => {
        await inner.execute(sql`insert into t (id, v) values (6, 'inner')`);
        inner.rollback();
      }).catch(() => {});
    });
    expect((await h.query<{ id: number }>("select id from t where id in (5, 6) order by id")).map((r) => r.id)).toEqual([5]);
  });

  it("refuses a parser that would change values (it cannot cross threads)", () => {
    expect(() => PgliteWorkerClient.wireOptions({ parsers: { 1184: (v) => new Date(v) } })).toThrow(/identity parsers/);
    const drizzleOptions = { rowMode: "array" as const, parsers: { 1184: (v: string) => v } };
    expect(PgliteWorkerClient.wireOptions(drizzleOptions)).toEqual({ rowMode: "array", raw: [1184] });
    expect(PgliteWorkerClient.wireOptions(drizzleOptions), "converted once per options object").toBe(PgliteWorkerClient.wireOptions(drizzleOptions));
  });

  it("a stopped thread fails every call with a clear error instead of hanging", async () => {
    const other = await openDatabase();
    await other.close();
    await expect(other.query("select 1")).rejects.toThrow(/embedded database's thread stopped/);
  });
});
