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
  const { session, dialect } = db as unknown as {
    session: { prepareQuery(q: unknown, fields: undefined, name: string, arrayMode: false): { execute(): Promise<unknown>; client?: unknown } };
    dialect: { sqlToQuery(s: SQL): unknown };
  };
  const prepared = session.prepareQuery(dialect.sqlToQuery(query), undefined, name, false);
  const client = prepared.client as { prepared?: (...args: unknown[]) => Promise<unknown> } | undefined;
  if (typeof client?.prepared === "function") {
    const run = client.prepared.bind(client);
    prepared.client = { query: run };
  }
  return rowsOf<T>(await prepared.execute());
}
