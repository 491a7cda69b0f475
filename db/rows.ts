import type { SQL } from "drizzle-orm";
import type { Db, Tx } from "./client";
/** The rows of `db.execute(sql…)`, the same on both engines (postgres.js answers an array, PGlite `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * `db.execute(query)`, as a prepared statement, for a hot statement (the check-in scan: ten desks, one statement
 * each): parsed and planned once, then only bound and run.
 *  - Postgres (postgres.js): once per connection. Drizzle's `execute` has no such option; its session's `prepareQuery`
 *    with a name is what its query builders' `.prepare(name)` use.
 *  - PGlite (our worker client, db/client.ts): Drizzle's PGlite driver sends every statement unnamed; its prepared
 *    query calls `client.query(text, params, options)`, so that one call is pointed at the worker's `prepared`, which
 *    keeps the statement by its text (db/pglite-worker.mjs runPrepared). Same parsers, same logger, same rows.
 * drizzle-orm 0.45: `session` and `dialect` are internal members of the database object, `client` one of the prepared
 * query; tests/db/prepared-scan.test.ts fails if they move.
 * The rows as `rowsOf` reads them.
 */
export async function executePrepared<T>(db: Db | Tx, name: string, query: SQL): Promise<T[]> {
  return rowsOf<T>(await prepare(db, name, query).execute());
}

type Prepared = { execute(values?: Record<string, unknown>): Promise<unknown>; client?: unknown };
type Internals = {
  session: { prepareQuery(q: unknown, fields: undefined, name: string, arrayMode: false): Prepared };
  dialect: { sqlToQuery(s: SQL): { sql: string; params: unknown[] } };
};

/** Drizzle's prepared query for `query`, pointed at the engine's named statements (see executePrepared). */
function prepare(db: Db | Tx, name: string, query: SQL): Prepared {
  const { session, dialect } = db as unknown as Internals;
  const prepared = session.prepareQuery(dialect.sqlToQuery(query), undefined, name, false);
  const client = prepared.client as { prepared?: (...args: unknown[]) => Promise<unknown> } | undefined;
  if (typeof client?.prepared === "function") {
    const run = client.prepared.bind(client);
    prepared.client = { query: run };
  }
  return prepared;
}

/** Statements built once per shape, per database handle (a transaction has its own session, so its own). */
const shapes = new WeakMap<object, Map<string, Prepared>>();
/** Shapes kept per handle; the least recently used is built again when needed. */
export const SHAPES_MAX = 64;

/**
 * `executePrepared` for a statement whose text depends only on a few choices (its *shape*): `build` writes it with
 * `sql.placeholder(name)` for every value that changes from run to run, and is called once per `shape` and database
 * handle; each run only fills the placeholders from `values`. Building a large statement from its template (Drizzle's
 * `sqlToQuery`) costs ~70 µs, a tenth of a check-in's server time (BENCHMARKS.md, stop 27).
 * `shape` must name everything `build` reads that is not a placeholder — a value embedded in the text (or in its
 * non-placeholder parameters) under a shape that does not name it would be reused for another caller. `sqlShape`
 * gives an SQL fragment's exact text and parameters for that purpose.
 */
export async function executeShaped<T>(db: Db | Tx, name: string, shape: string, build: () => SQL, values: Record<string, unknown>): Promise<T[]> {
  const { session } = db as unknown as Internals;
  let kept = shapes.get(session);
  if (!kept) shapes.set(session, (kept = new Map()));
  let prepared = kept.get(shape);
  if (prepared) kept.delete(shape); // re-inserted below: the Map's order is the use order
  else prepared = prepare(db, name, build());
  kept.set(shape, prepared);
  if (kept.size > SHAPES_MAX) kept.delete(kept.keys().next().value!);
  return rowsOf<T>(await prepared.execute(values));
}

/** An SQL fragment's exact text and parameters, as part of a statement's shape (executeShaped). */
export function sqlShape(db: Db | Tx, fragment: SQL): string {
  const q = (db as unknown as Internals).dialect.sqlToQuery(fragment);
  return q.params.length === 0 ? q.sql : JSON.stringify([q.sql, q.params]);
}
