/** `npm run cli -- event export|import` against an embedded database in a temporary DATA_DIR. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedIfEmpty, YANTAN_SLUG } from "@/db/seed";
import { eventCommand } from "@/scripts/commands/event-bundle";

describe("event bundle CLI (PGlite)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "huiwu-event-cli-"));
  const env = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  const run = async (...args: string[]) => {
    let out = "";
    let err = "";
    const code = await eventCommand(args, (s) => (out += s), (s) => (err += s));
    return { code, out, err };
  };

  beforeAll(async () => {
    process.env.DATA_DIR = path.join(dir, "data");
    process.env.DATABASE_URL = "";
    const h = await openDatabase({ dataDir: process.env.DATA_DIR });
    await migrateDatabase(h);
    await seedIfEmpty(h.db);
    await h.close();
  });
  afterAll(() => {
    process.env.DATA_DIR = env.DATA_DIR;
    process.env.DATABASE_URL = env.DATABASE_URL;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("exports to a file, imports it back as a new draft, and the copy exports identically apart from the slug", async () => {
    const file = path.join(dir, "yantan.json");
    const exp = await run("export", YANTAN_SLUG, "--out", file);
    expect(exp.code).toBe(0);
    expect(exp.err).toMatch(/Wrote .*5 sessions, 8 people/);
    const imp = await run("import", file, "--as", "organizer@huiwu.demo");
    expect(imp).toMatchObject({ code: 0, out: `${YANTAN_SLUG}-2\n` });
    const again = await run("export", `${YANTAN_SLUG}-2`);
    expect(again.code).toBe(0);
    const a = JSON.parse(fs.readFileSync(file, "utf8"));
    const b = JSON.parse(again.out);
    expect({ ...b, event: { ...b.event, slug: "x" } }).toEqual({ ...a, event: { ...a.event, slug: "x" } });
  });

  it("refuses a malformed bundle with the problem named, an unknown slug, a missing user, and bad usage", async () => {
    const bad = path.join(dir, "bad.json");
    fs.writeFileSync(bad, JSON.stringify({ format: "huiwu.event-bundle", version: 1, event: { title: "x", startsAt: "soon", endsAt: "later", timezone: "Asia/Shanghai" } }));
    const r = await run("import", bad);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^Malformed bundle: event\.startsAt/);
    expect((await run("export", "no-such-forum")).err).toMatch(/No forum with slug "no-such-forum"/);
    expect((await run("import", bad, "--as", "nobody@example.com")).err).toMatch(/No user nobody@example.com/);
    expect((await run("frobnicate")).code).toBe(2);
  });
});
