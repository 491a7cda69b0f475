/** `npm run cli -- db backup <file>` / `db restore <file>`: see db/backup.ts. Stop the server first in embedded mode. */
import { backupDatabase, restoreDatabase } from "../../db/backup";
import { dbOptionsFromEnv } from "../lib/setup";

export const DB_USAGE = "  db backup <file>            back up the database (PGlite data dir tarball, or pg_dump with DATABASE_URL)\n  db restore <file>           restore into an empty DATA_DIR, or into DATABASE_URL (pg_restore --clean)";

export async function dbCommand(args: string[]): Promise<number> {
  const [cmd, file] = args;
  if (!file || (cmd !== "backup" && cmd !== "restore")) {
    console.error(`Usage:\n${DB_USAGE}`);
    return 2;
  }
  const opts = dbOptionsFromEnv();
  if (cmd === "backup") {
    const { bytes, kind } = await backupDatabase(opts, file);
    console.log(`Backed up ${kind === "postgres" ? "Postgres" : `PGlite (${opts.dataDir})`} to ${file} (${bytes} bytes).`);
  } else {
    await restoreDatabase(opts, file);
    console.log(`Restored ${file} into ${opts.databaseUrl ? "DATABASE_URL" : opts.dataDir}.`);
  }
  return 0;
}
