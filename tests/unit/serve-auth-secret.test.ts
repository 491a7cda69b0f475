/** Production start refuses without AUTH_SECRET when DATABASE_URL is set (the embedded mode generates one in DATA_DIR). */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SERVER_NODE_ARGS } from "../../scripts/lib/server-runtime.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("scripts/serve.ts and AUTH_SECRET", () => {
  it("refuses to start with DATABASE_URL and no AUTH_SECRET, naming the variable", () => {
    const env = { ...process.env, DATABASE_URL: "postgres://nobody@127.0.0.1:1/none", AUTH_SECRET: "", PORT: "1", HUIWU_QUIET: "1" };
    const r = spawnSync(process.execPath, [...SERVER_NODE_ARGS, "scripts/serve.ts"], { cwd: ROOT, env, encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/AUTH_SECRET is not set/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // one line, no stack trace
  });
});
