/**
 * Backups of either engine, for `npm run cli -- db backup|restore`:
 *  - PGlite: a gzip tarball of the data directory (PGlite's own dumpDataDir), restored into an empty DATA_DIR;
 *  - Postgres: pg_dump's custom format, restored with pg_restore --clean into the target database.
 * Stop the server first in embedded mode: PGlite allows one process (the DATA_DIR lock enforces it).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { DatabaseConfigError, openDatabase, type OpenOptions } from "./client";

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    p.stderr.on("data", (d) => (err += d));
    p.on("error", (e) => reject(new DatabaseConfigError(`${cmd} is not available (${e.message}); install the PostgreSQL client tools.`)));
    p.on("exit", (code) => (code === 0 ? resolve() : reject(new DatabaseConfigError(`${cmd} failed: ${err.trim().split("\n").slice(-1)[0]}`))));
  });
}

export async function backupDatabase(opts: OpenOptions, file: string): Promise<{ bytes: number; kind: "pglite" | "postgres" }> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (opts.databaseUrl) {
    await run("pg_dump", ["--format=custom", "--no-owner", "--no-acl", "--file", file, opts.databaseUrl]);
    return { bytes: fs.statSync(file).size, kind: "postgres" };
  }
  const h = await openDatabase(opts);
  try {
    const blob = await h.dumpDataDir!();
    fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  } finally {
    await h.close();
  }
  return { bytes: fs.statSync(file).size, kind: "pglite" };
}

export async function restoreDatabase(opts: OpenOptions, file: string): Promise<void> {
  if (!fs.existsSync(file)) throw new DatabaseConfigError(`Backup file ${file} does not exist.`);
  const head = Buffer.alloc(5);
  const fd = fs.openSync(file, "r");
  fs.readSync(fd, head, 0, 5, 0);
  fs.closeSync(fd);
  const isPgDump = head.toString("latin1") === "PGDMP";
  if (opts.databaseUrl) {
    if (!isPgDump) throw new DatabaseConfigError(`${file} is not a pg_dump (custom format) backup.`);
    await run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-acl", "--single-transaction", "--dbname", opts.databaseUrl, file]);
    return;
  }
  if (isPgDump) throw new DatabaseConfigError(`${file} is a Postgres backup: set DATABASE_URL to restore it.`);
  const dataDir = opts.dataDir!;
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).some((f) => f !== "huiwu.lock" && f !== "auth-secret")) {
    throw new DatabaseConfigError(`DATA_DIR ${dataDir} is not empty: move it away first (restore never overwrites data).`);
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const { PGlite } = await import("@electric-sql/pglite");
  const pg = await PGlite.create({ dataDir, loadDataDir: new Blob([fs.readFileSync(file)]) });
  await pg.query("select 1");
  await pg.close();
}
