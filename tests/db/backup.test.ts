/** `cli db backup|restore` round trip on both engines: every row survives. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { backupDatabase, restoreDatabase } from "@/db/backup";
import { DatabaseConfigError, openDatabase, type DbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedIfEmpty } from "@/db/seed";
import { createTestDb } from "../fixtures/db";

async function counts(h: DbHandle) {
  const tables = ["users", "events", "registrations", "checkins", "agenda_sessions", "reports", "report_sections"];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = (await h.query<{ n: number }>(`select count(*)::int as n from ${t}`))[0].n;
  return out;
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "huiwu-backup-"));

describe("backup and restore", () => {
  it("PGlite: data dir → tarball → fresh data dir", async () => {
    const dir = tmp();
    const src = path.join(dir, "src");
    const h = await openDatabase({ dataDir: src });
    await migrateDatabase(h);
    await seedIfEmpty(h.db);
    const before = await counts(h);
    await h.close();

    const file = path.join(dir, "backup.tar.gz");
    const { bytes } = await backupDatabase({ dataDir: src }, file);
    expect(bytes).toBeGreaterThan(1000);

    const dst = path.join(dir, "dst");
    await restoreDatabase({ dataDir: dst }, file);
    const r = await openDatabase({ dataDir: dst });
    expect(await counts(r)).toEqual(before);
    expect(before.registrations).toBeGreaterThan(200);
    await r.close();

    // never overwrites a database that has data
    await expect(restoreDatabase({ dataDir: src }, file)).rejects.toThrow(/not empty/);
  });

  it.runIf(!!process.env.TEST_DATABASE_URL)("Postgres: pg_dump → pg_restore into a fresh database", async () => {
    const src = await createTestDb("postgres");
    const dst = await createTestDb("postgres");
    try {
      await seedIfEmpty(src.db);
      const before = await counts(src);
      const file = path.join(tmp(), "backup.pgdump");
      await backupDatabase({ databaseUrl: src.url }, file);
      await restoreDatabase({ databaseUrl: dst.url }, file);
      expect(await counts(dst)).toEqual(before);
    } finally {
      await src.close();
      await dst.close();
    }
  });

  it("refuses a missing or mismatched backup file", async () => {
    await expect(restoreDatabase({ dataDir: path.join(tmp(), "x") }, "/nonexistent.tar.gz")).rejects.toThrow(DatabaseConfigError);
  });
});
