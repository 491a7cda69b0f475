/**
 * Prepare the database before the server starts: open (PGlite or Postgres), apply migrations, seed an EMPTY
 * database with the Yantan forum and demo accounts. A non-empty database is never changed by seeding.
 */
import { DatabaseConfigError, openDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { seedIfEmpty } from "../../db/seed";

export function dbOptionsFromEnv() {
  return { databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR || "./.data" };
}

export async function prepareDatabase(log: (line: string) => void = console.log) {
  const opts = dbOptionsFromEnv();
  const handle = await openDatabase(opts);
  try {
    await migrateDatabase(handle);
    const where = handle.kind === "postgres" ? "Postgres (DATABASE_URL)" : `embedded PGlite in ${opts.dataDir}`;
    log(`Database: ${where}, migrations applied.`);
    if (process.env.HUIWU_NO_SEED !== "1") {
      const result = await seedIfEmpty(handle.db);
      log(result.seeded ? `Seeded the Yantan forum (/events/${result.slug}) and demo accounts.` : "Existing data kept (seeding only fills an empty database).");
    }
    return { kind: handle.kind };
  } finally {
    await handle.close();
  }
}

/** Print configuration errors as one line and exit; anything else is a bug and keeps its stack. */
export function exitOnConfigError(e: unknown): never {
  if (e instanceof DatabaseConfigError) {
    console.error(`Error: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
