/** Bad configuration fails with one clear line naming what to fix, never a stack trace. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DatabaseConfigError, openDatabase } from "@/db/client";

function setup(env: Record<string, string>) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-setup.ts"], {
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, stderr: r.stderr.trim(), stdout: r.stdout };
}

describe("database configuration errors", () => {
  it("a malformed DATABASE_URL", async () => {
    await expect(openDatabase({ databaseUrl: "not a url" })).rejects.toThrow(DatabaseConfigError);
    await expect(openDatabase({ databaseUrl: "mysql://x@y/z" })).rejects.toThrow(/DATABASE_URL must start with postgres/);
  });

  it("an unreachable DATABASE_URL stops start-up with one line naming the variable", () => {
    const r = setup({ DATABASE_URL: "postgres://nobody@127.0.0.1:1/nowhere" });
    expect(r.code).toBe(1);
    expect(r.stderr.split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^Error: DATABASE_URL: cannot connect to 127\.0\.0\.1:1\/nowhere/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("a DATA_DIR in use by another live process", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "huiwu-lock-"));
    fs.writeFileSync(path.join(dir, "huiwu.lock"), String(process.pid)); // this test process is alive
    const r = setup({ DATA_DIR: dir, DATABASE_URL: "" });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Error: DATA_DIR .* is in use by process \d+/);
    expect(r.stderr.split("\n")).toHaveLength(1);
  });

  it("a corrupt DATA_DIR", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "huiwu-corrupt-"));
    fs.writeFileSync(path.join(dir, "PG_VERSION"), "garbage\n");
    fs.mkdirSync(path.join(dir, "base"));
    fs.writeFileSync(path.join(dir, "global"), "not a directory");
    const r = setup({ DATA_DIR: dir, DATABASE_URL: "" });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Error: DATA_DIR .*cannot open the embedded database/);
  });
});
