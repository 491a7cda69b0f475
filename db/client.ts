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
  /** PGlite only: PGlite's thread appends its memory figures to this file every 250 ms (HUIWU_MEMORY_LOG, the bench). */
  memoryLog?: string;
  /** Called with every SQL statement Drizzle sends (tests count queries per page with it). */
  onQuery?: (sql: string) => void;
};

export async function openDatabase(opts: OpenOptions = {}): Promise<DbHandle> {
  const url = opts.databaseUrl;
  const logger = opts.onQuery ? { logQuery: (q: string) => opts.onQuery!(q) } : undefined;
  if (url) return openPostgres(url, opts.maxConnections, logger);
  return openPglite(opts.dataDir, logger, opts.pgliteSharedBuffers, opts.memoryLog);
}

/**
 * PGlite runs Postgres in one WASM heap that never shrinks, and Postgres allocates (and touches) all of its
 * shared_buffers at start: with Postgres's default 128MB the server process held ~280 MB after opening the database.
 * 16MB holds a forum's hot working set (a 10,000-registration forum's tables and indexes are ~10 MB) and leaves the
 * rest to the OS page cache. 32MB cost the whole bench's peak RSS 16–34 MB more (424–442 against 408 MB, PGlite in
 * its worker thread) with no measured gain: registrations/min, list pages and exports stayed within the runs' spread
 * (`npm run bench`, BENCHMARKS.md). PGlite's own start parameters are kept; only the buffer size is added.
 */
export const PGLITE_SHARED_BUFFERS_DEFAULT = "16MB";

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

async function openPglite(dataDir?: string, logger?: QueryLogger, sharedBuffers = PGLITE_SHARED_BUFFERS_DEFAULT, memoryLog?: string): Promise<DbHandle> {
  const { drizzle } = await import("drizzle-orm/pglite");
  let release: () => void = () => {};
  if (dataDir) release = await lockDataDir(dataDir);
  let client: PgliteWorkerClient;
  try {
    client = await PgliteWorkerClient.open(dataDir, sharedBuffers, memoryLog);
  } catch (e) {
    release();
    const reason = e instanceof Error ? e.message : String(e);
    throw new DatabaseConfigError(
      `DATA_DIR ${dataDir}: cannot open the embedded database (${reason}). Is it corrupt? Move it away to start fresh.`,
    );
  }
  const db = drizzle(client as never, { schema, casing: "snake_case", logger }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    query: async <T,>(text: string, params: unknown[] = []) => (await client.query<T>(text, params)).rows,
    close: async () => {
      await client.close();
      release();
    },
    dumpDataDir: () => client.dumpDataDir(),
  };
}

/**
 * The worker's V8 heap holds only query results on their way out (Postgres's memory is the WASM heap, outside it):
 * a small young generation keeps the thread's share of the process small. Measured in `npm run bench` (BENCHMARKS.md).
 */
export const PGLITE_WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

type PgliteResult<T> = { rows: T[]; fields: { name: string; dataTypeID: number }[]; affectedRows?: number };
type PgliteQueryOptions = { rowMode?: "array" | "object"; parsers?: Record<number, (value: string, typeId: number) => unknown> };
type PgliteTx = {
  query: <T>(sql: string, params?: unknown[], options?: PgliteQueryOptions) => Promise<PgliteResult<T>>;
  exec: (sql: string) => Promise<PgliteResult<unknown>[]>;
  prepared: <T>(sql: string, params?: unknown[], options?: PgliteQueryOptions) => Promise<PgliteResult<T>>;
};

/**
 * PGlite in its own worker thread (db/pglite-worker.mjs): the same query/exec/transaction surface Drizzle's PGlite
 * driver calls, with each call a message. Postgres in WASM, its wire protocol and its file layer were 57 % of the one
 * busy thread in a registration rush (BENCHMARKS.md); here they run on the other core. PGlite's own transaction lock
 * still orders everything: a transaction is a session in the worker, and plain queries wait until it ends. Errors keep
 * their Postgres fields (code, constraint, …). The worker is unref'd while nothing is in flight, so an idle handle never
 * keeps a process alive.
 */
export class PgliteWorkerClient {
  #worker: import("node:worker_threads").Worker;
  #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  #nextId = 1;
  #nextTx = 1;
  #stopped: Error | null = null;

  private constructor(worker: import("node:worker_threads").Worker) {
    this.#worker = worker;
    worker.unref();
    worker.on("message", (m: { id: number; result?: unknown; error?: Record<string, unknown> }) => {
      const p = this.#pending.get(m.id);
      if (!p) return;
      this.#pending.delete(m.id);
      if (this.#pending.size === 0) worker.unref();
      if (m.error) p.reject(Object.assign(new Error(String(m.error.message)), m.error));
      else p.resolve(m.result);
    });
    const stop = (why: string) => {
      this.#stopped ??= new Error(`the embedded database's thread stopped (${why})`);
      for (const p of this.#pending.values()) p.reject(this.#stopped);
      this.#pending.clear();
    };
    worker.on("error", (e) => stop(e.message));
    worker.on("exit", (code) => stop(`exit code ${code}`));
  }

  /** Opens PGlite in a new thread, with PGlite's own start parameters plus `shared_buffers` (built there). */
  static async open(dataDir: string | undefined, sharedBuffers: string, memoryLog?: string): Promise<PgliteWorkerClient> {
    const { Worker } = await import("node:worker_threads");
    const path = await import("node:path");
    const fs = await import("node:fs");
    // Resolved from the project's directory (npm scripts, the server and the tests run there): a bundler never sees it.
    const file = path.join(process.cwd(), "db", "pglite-worker.mjs");
    if (!fs.existsSync(file)) throw new Error(`${file} is missing (start from the project's directory)`);
    // Plain JS: no tsx loader in the thread; CPU profiling flags carry over so a profile shows both threads.
    const execArgv = process.execArgv.filter((a) => a.startsWith("--cpu-prof"));
    const client = new PgliteWorkerClient(new Worker(file, { execArgv, resourceLimits: PGLITE_WORKER_LIMITS }));
    try {
      await client.#call({ op: "open", dataDir, sharedBuffers, memoryLog });
    } catch (e) {
      await client.#worker.terminate();
      throw e;
    }
    return client;
  }

  #call<T>(message: Record<string, unknown>, transfer?: ArrayBuffer[]): Promise<T> {
    if (this.#stopped) return Promise.reject(this.#stopped);
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      if (this.#pending.size === 0) this.#worker.ref();
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.#worker.postMessage({ ...message, id }, transfer);
    });
  }

  static #wired = new WeakMap<PgliteQueryOptions, { rowMode?: "array" | "object"; raw?: number[] }>();

  /**
   * Drizzle passes identity parsers (dates and numerics stay strings); they cross as the list of their type OIDs.
   * Drizzle hands the same options object to every run of a prepared query, so each is checked and converted once.
   */
  static wireOptions(options?: PgliteQueryOptions) {
    if (!options) return undefined;
    let wired = PgliteWorkerClient.#wired.get(options);
    if (!wired) {
      const raw = Object.entries(options.parsers ?? {}).map(([oid, parse]) => {
        if (parse("\u0001probe", Number(oid)) !== "\u0001probe") throw new Error(`only identity parsers reach the embedded database's thread (type ${oid})`);
        return Number(oid);
      });
      wired = { rowMode: options.rowMode, raw: raw.length ? raw : undefined };
      PgliteWorkerClient.#wired.set(options, wired);
    }
    return wired;
  }

  query<T>(sql: string, params: unknown[] = [], options?: PgliteQueryOptions, txId?: number): Promise<PgliteResult<T>> {
    return this.#call({ op: "query", sql, params, options: PgliteWorkerClient.wireOptions(options), txId });
  }

  /** `query`'s answer, the statement kept prepared in the worker by its text (db/pglite-worker.mjs runPrepared; db/rows.ts executePrepared). */
  prepared<T>(sql: string, params: unknown[] = [], options?: PgliteQueryOptions, txId?: number): Promise<PgliteResult<T>> {
    return this.#call({ op: "prepared", sql, params, options: PgliteWorkerClient.wireOptions(options), txId });
  }

  exec(sql: string, txId?: number): Promise<PgliteResult<unknown>[]> {
    return this.#call({ op: "exec", sql, txId });
  }

  async transaction<T>(fn: (tx: PgliteTx) => Promise<T>): Promise<T> {
    const txId = this.#nextTx++;
    await this.#call({ op: "tx-begin", txId });
    const tx: PgliteTx = {
      query: (sql, params, options) => this.query(sql, params, options, txId),
      exec: (sql) => this.exec(sql, txId),
      prepared: (sql, params, options) => this.prepared(sql, params, options, txId),
    };
    let result: T;
    try {
      result = await fn(tx);
    } catch (e) {
      await this.#call({ op: "tx-end", txId, commit: false }).catch(() => {}); // the caller's error is the one to see
      throw e;
    }
    await this.#call({ op: "tx-end", txId, commit: true });
    return result;
  }

  async dumpDataDir(): Promise<Blob> {
    return new Blob([await this.#call<ArrayBuffer>({ op: "dump" })], { type: "application/x-gzip" });
  }

  async close(): Promise<void> {
    if (!this.#stopped) await this.#call({ op: "close" }).catch(() => {});
    await this.#worker.terminate();
  }
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
