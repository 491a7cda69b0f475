/**
 * One Drizzle API over two engines (DESIGN §2, §6):
 *  - PGlite (embedded Postgres in WASM), file-backed under DATA_DIR (default ./.data), when DATABASE_URL is unset;
 *  - Postgres through postgres.js when DATABASE_URL is set.
 * Nothing is opened at import time: `next build` imports this module and must never touch the database.
 */
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbKind = "pglite" | "postgres";

export type DbHandle = {
  db: Db;
  kind: DbKind;
  /** Postgres connection URL (postgres mode only). */
  url?: string;
  /** Raw SQL returning rows, the same shape on both engines. */
  query: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
  close: () => Promise<void>;
  /** PGlite only: a tarball of the whole data directory (backups). */
  dumpDataDir?: () => Promise<Blob>;
};

/** A configuration problem a person can fix: printed as one line, never a stack trace. */
export class DatabaseConfigError extends Error {
  override name = "DatabaseConfigError";
}

export type OpenOptions = {
  databaseUrl?: string;
  dataDir?: string;
  maxConnections?: number;
  /** PGlite only: Postgres's shared_buffers (default PGLITE_SHARED_BUFFERS_DEFAULT). */
  pgliteSharedBuffers?: string;
  /** Called with every SQL statement Drizzle sends (tests count queries per page with it). */
  onQuery?: (sql: string) => void;
};

export async function openDatabase(opts: OpenOptions = {}): Promise<DbHandle> {
  const url = opts.databaseUrl;
  const logger = opts.onQuery ? { logQuery: (q: string) => opts.onQuery!(q) } : undefined;
  if (url) return openPostgres(url, opts.maxConnections, logger);
  return openPglite(opts.dataDir, logger, opts.pgliteSharedBuffers);
}

/**
 * PGlite runs Postgres in one WASM heap that never shrinks, and Postgres allocates (and touches) all of its
 * shared_buffers at start: with Postgres's default 128MB the server process held ~280 MB after opening the database.
 * 32MB keeps a forum's working set (a 10,000-registration forum's tables and indexes are ~10 MB) in the buffer pool and
 * the rest in the OS page cache, and the process ~95 MB smaller (`npm run bench`, BENCHMARKS.md). PGlite's own
 * start parameters are kept; only the buffer size is added.
 */
export const PGLITE_SHARED_BUFFERS_DEFAULT = "32MB";

type QueryLogger = { logQuery: (q: string) => void } | undefined;

async function openPostgres(url: string, max = 10, logger?: QueryLogger): Promise<DbHandle> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseConfigError("DATABASE_URL is not a valid URL (expected postgres://user:password@host:5432/database).");
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) {
    throw new DatabaseConfigError(`DATABASE_URL must start with postgres:// or postgresql:// (got ${parsed.protocol}//…).`);
  }
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const client = postgres(url, { max, onnotice: () => {}, connect_timeout: 10 });
  try {
    await client`select 1`;
  } catch (e) {
    await client.end({ timeout: 1 }).catch(() => {});
    const reason = e instanceof Error ? e.message : String(e);
    throw new DatabaseConfigError(`DATABASE_URL: cannot connect to ${parsed.host}${parsed.pathname} (${reason}).`);
  }
  const db = drizzle(client, { schema, casing: "snake_case", logger }) as unknown as Db;
  return {
    db,
    kind: "postgres",
    url,
    query: async <T,>(text: string, params: unknown[] = []) => (await client.unsafe(text, params as never[])) as unknown as T[],
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(dataDir?: string, logger?: QueryLogger, sharedBuffers = PGLITE_SHARED_BUFFERS_DEFAULT): Promise<DbHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const startParams = [...PGlite.defaultStartParams, "-c", `shared_buffers=${sharedBuffers}`];
  const { drizzle } = await import("drizzle-orm/pglite");
  let release: () => void = () => {};
  if (dataDir) release = await lockDataDir(dataDir);
  let client: InstanceType<typeof PGlite>;
  try {
    client = await PGlite.create(dataDir ? { dataDir, startParams } : { startParams });
  } catch (e) {
    release();
    const reason = e instanceof Error ? e.message : String(e);
    throw new DatabaseConfigError(
      `DATA_DIR ${dataDir}: cannot open the embedded database (${reason}). Is it corrupt? Move it away to start fresh.`,
    );
  }
  const db = drizzle(client, { schema, casing: "snake_case", logger }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    query: async <T,>(text: string, params: unknown[] = []) => (await client.query<T>(text, params)).rows,
    close: async () => {
      await client.close();
      release();
    },
    dumpDataDir: () => client.dumpDataDir("gzip"),
  };
}

/**
 * PGlite is single-process: two processes on one DATA_DIR would corrupt it. A pid lock file makes the second one
 * fail with a clear message instead.
 */
async function lockDataDir(dataDir: string): Promise<() => void> {
  const fs = await import("node:fs");
  const path = await import("node:path");
  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch (e) {
    throw new DatabaseConfigError(`DATA_DIR ${dataDir}: cannot create the directory (${(e as NodeJS.ErrnoException).code}).`);
  }
  const lock = path.join(dataDir, "huiwu.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: "wx" });
      return () => fs.rmSync(lock, { force: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== "EEXIST") throw new DatabaseConfigError(`DATA_DIR ${dataDir}: not writable (${code}).`);
      const pid = Number(fs.readFileSync(lock, "utf8"));
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new DatabaseConfigError(
          `DATA_DIR ${dataDir} is in use by process ${pid}. Stop it first (the embedded database allows one process).`,
        );
      }
      fs.rmSync(lock, { force: true }); // stale lock from a crashed process
    }
  }
  throw new DatabaseConfigError(`DATA_DIR ${dataDir}: cannot take the lock file ${lock}.`);
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
