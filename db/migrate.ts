import path from "node:path";
import type { DbHandle } from "./client";
import { convertLegacyReports } from "./legacy-reports";

/** Where drizzle-kit writes migrations; resolved from the working directory (the app root) at run time. */
export const migrationsFolder = () => path.join(process.cwd(), "db", "migrations");

const MIGRATION_LOCK = 7283401;

/**
 * Apply committed migrations, then the one data conversion that needs code, not SQL: Markdown reports → the
 * rich-text editor's HTML (db/legacy-reports.ts; a no-op once done). On Postgres a session advisory lock, held on one dedicated connection, makes
 * concurrent starts (several instances) safe: the second waits, then finds nothing to do.
 */
export async function migrateDatabase(handle: DbHandle): Promise<void> {
  const folder = migrationsFolder();
  if (handle.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder: folder });
    await convertLegacyReports(handle.db);
    return;
  }
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const one = postgres(handle.url!, { max: 1, onnotice: () => {} });
  try {
    await one`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(drizzle(one), { migrationsFolder: folder });
    await one`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await one.end({ timeout: 5 });
  }
  await convertLegacyReports(handle.db);
}
