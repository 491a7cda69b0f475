/**
 * Prepare the database before the server starts: open (PGlite or Postgres), apply migrations, and seed the demo (the
 * Yantan forum, demo accounts, the upcoming demo forum) into an EMPTY database — on the embedded PGlite always (a local
 * trial), on Postgres only with SEED_DEMO=1 (issue 12 item 8: the demo passwords are published in the README). A
 * non-empty database is never changed by seeding.
 */
import { inArray, sql } from "drizzle-orm";
import { DatabaseConfigError, openDatabase, type DbKind } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { users } from "../../db/schema";
import { DEMO_ACCOUNTS, demoForumLinks, seedIfEmpty } from "../../db/seed";
import { env } from "../../lib/env";

export function dbOptionsFromEnv() {
  return { databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR || "./.data", pgliteSharedBuffers: env.PGLITE_SHARED_BUFFERS };
}

/** Seed the demo into an empty database? PGlite: yes (a local trial); Postgres: only with SEED_DEMO=1. */
export function demoSeedWanted(kind: DbKind): boolean {
  if (env.HUIWU_NO_SEED === "1") return false;
  return kind === "postgres" ? env.SEED_DEMO === "1" : env.SEED_DEMO !== "0";
}

export const FIRST_ADMIN_HINT = "npm run cli -- user create --email <you@example.org> --password '<at least 10 characters>' --name <name> --admin";

export type DemoForumLinks = Awaited<ReturnType<typeof demoForumLinks>>;

export async function prepareDatabase(log: (line: string) => void = console.log): Promise<{ kind: DbKind; demoAccounts: string[]; demoForum: DemoForumLinks }> {
  const opts = dbOptionsFromEnv();
  const handle = await openDatabase(opts);
  try {
    await migrateDatabase(handle);
    const where = handle.kind === "postgres" ? "Postgres (DATABASE_URL)" : `embedded PGlite in ${opts.dataDir}`;
    log(`Database: ${where}, migrations applied.`);
    if (demoSeedWanted(handle.kind)) {
      const result = await seedIfEmpty(handle.db);
      log(
        result.seeded
          ? `Seeded the Yantan forum (/events/${result.slug}), the upcoming demo forum (/events/${result.demoSlug}) and demo accounts.`
          : "Existing data kept (seeding only fills an empty database).",
      );
    } else if (handle.kind === "postgres" && env.HUIWU_NO_SEED !== "1") {
      log("No demo data on Postgres (set SEED_DEMO=1 to seed the demo forum and accounts into an empty database).");
    }
    const [{ n }] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(users);
    if (Number(n) === 0) {
      log("No accounts yet. Create the first admin with:");
      log(`  ${FIRST_ADMIN_HINT}`);
    }
    const demo = (await handle.db.select({ email: users.email }).from(users).where(inArray(users.email, DEMO_ACCOUNTS.map((a) => a.email)))).map((u) => u.email);
    if (demo.length && env.NODE_ENV === "production") {
      log(`Warning: demo accounts with passwords published in the README exist (${demo.join(", ")}). Disable or delete them before real use: npm run cli -- user disable --email <email>.`);
    }
    // the demo forum's page and a liaison's unused reply link, printed at every start while the demo is there
    const demoForum = demo.length ? await demoForumLinks(handle.db) : null;
    return { kind: handle.kind, demoAccounts: demo, demoForum };
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
