import type { SQL } from "drizzle-orm";
import type { Db, Tx } from "./client";
/** The rows of `db.execute(sql…)`, the same on both engines (postgres.js answers an array, PGlite `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * `db.execute(query)`, as a prepared statement where the engine keeps one: on Postgres (postgres.js) the statement is
 * parsed and planned once per connection and then only bound and run — for a hot statement whose text is fixed (the
 * check-in scan: ten desks, one statement each). PGlite runs it as `db.execute` does. The rows as `rowsOf` reads them.
 * Drizzle's `execute` has no such option; its session's `prepareQuery` with a name is what its query builders'
 * `.prepare(name)` use (drizzle-orm 0.45: `session` and `dialect` are internal members of the database object).
 */
export async function executePrepared<T>(db: Db | Tx, name: string, query: SQL): Promise<T[]> {
  const { session, dialect } = db as unknown as {
    session: { prepareQuery(q: unknown, fields: undefined, name: string, arrayMode: false): { execute(): Promise<unknown> } };
    dialect: { sqlToQuery(s: SQL): unknown };
  };
  return rowsOf<T>(await session.prepareQuery(dialect.sqlToQuery(query), undefined, name, false).execute());
}
