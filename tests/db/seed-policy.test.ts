/**
 * Demo data only where it is a trial (issue 12 item 8): the embedded PGlite seeds the demo; a real Postgres
 * (DATABASE_URL) stays empty unless SEED_DEMO=1, and start-up says how to create the first admin. Demo accounts in
 * production are warned about.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterEach, describe, expect, it } from "vitest";
import { prepareDatabase } from "../../scripts/lib/setup";

const saved = { ...process.env };
afterEach(() => {
  for (const k of ["DATABASE_URL", "DATA_DIR", "SEED_DEMO", "HUIWU_NO_SEED", "NODE_ENV"]) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

async function prepared(env: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const lines: string[] = [];
  await prepareDatabase((l) => lines.push(l));
  return lines.join("\n");
}

const base = process.env.TEST_DATABASE_URL;
async function freshPostgres() {
  const name = `huiwu_seed_${randomBytes(5).toString("hex")}`;
  const admin = postgres(base!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(base!);
  url.pathname = `/${name}`;
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  return {
    url: url.toString(),
    count: async (table: string) => (await sql.unsafe(`select count(*)::int as n from ${table}`))[0].n as number,
    drop: async () => {
      await sql.end();
      const a = postgres(base!, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

describe.skipIf(!base)("seeding on Postgres (DATABASE_URL)", () => {
  it("without SEED_DEMO: no demo accounts, no forums; start-up prints how to create the first admin", async () => {
    const pg = await freshPostgres();
    try {
      const log = await prepared({ DATABASE_URL: pg.url, SEED_DEMO: undefined, HUIWU_NO_SEED: undefined });
      expect(await pg.count("users")).toBe(0);
      expect(await pg.count("events")).toBe(0);
      expect(log).toMatch(/npm run cli -- user create .*--admin/);
      expect(log).not.toMatch(/demo accounts/i);
    } finally {
      await pg.drop();
    }
  });

  it("SEED_DEMO=1 seeds the demo, and warns when NODE_ENV=production", async () => {
    const pg = await freshPostgres();
    try {
      const log = await prepared({ DATABASE_URL: pg.url, SEED_DEMO: "1", NODE_ENV: "production" });
      expect(await pg.count("users")).toBeGreaterThan(0);
      expect(await pg.count("events")).toBeGreaterThan(0);
      expect(log).toMatch(/Warning: .*demo accounts/i);
    } finally {
      await pg.drop();
    }
  });
});

describe("seeding on the embedded PGlite", () => {
  it("seeds the demo (a local trial); the production warning names the demo accounts", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "huiwu-seed-"));
    try {
      const log = await prepared({ DATABASE_URL: undefined, DATA_DIR: dir, SEED_DEMO: undefined, NODE_ENV: "production" });
      expect(log).toMatch(/Seeded the Yantan forum/);
      expect(log).toMatch(/upcoming demo forum \(\/events\/county-parks-demo-forum\)/);
      expect(log).toMatch(/Warning: .*demo accounts.*admin@huiwu\.demo/is);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
