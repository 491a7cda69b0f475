/**
 * The app's database handle: opened lazily on first use (never during `next build`), migrations applied once.
 * Kept on globalThis so dev-mode hot reloads and route bundles share one PGlite instance / one pool.
 */
import "server-only";
import { migrateDatabase } from "@/db/migrate";
import { openDatabase, type Db, type DbHandle } from "@/db/client";
import { env } from "@/lib/env";

const g = globalThis as unknown as { __huiwuDb?: Promise<DbHandle> };

export function databaseOptions() {
  return {
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    maxConnections: env.DATABASE_POOL_SIZE,
    pgliteSharedBuffers: env.PGLITE_SHARED_BUFFERS,
    memoryLog: env.HUIWU_MEMORY_LOG,
  };
}

export function dbHandle(): Promise<DbHandle> {
  if (!g.__huiwuDb) {
    g.__huiwuDb = openDatabase(databaseOptions()).then(async (h) => {
      await migrateDatabase(h);
      return h;
    });
    g.__huiwuDb.catch(() => {
      g.__huiwuDb = undefined; // let the next request retry (e.g. Postgres came back)
    });
  }
  return g.__huiwuDb;
}

export async function getDb(): Promise<Db> {
  return (await dbHandle()).db;
}
