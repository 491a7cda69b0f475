/** lib/env.ts: the one, validated reader of configuration (issue 14 §5). */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ENV_NAMES, EnvError, env, envProblems } from "@/lib/env";

const ROOT = path.resolve(import.meta.dirname, "../..");
const saved = { ...process.env };
afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
});

describe("env", () => {
  it("applies defaults, coerces numbers and treats an empty string as unset", () => {
    delete process.env.JSON_BODY_LIMIT_BYTES;
    expect(env.JSON_BODY_LIMIT_BYTES).toBe(4 * 1024 * 1024);
    process.env.JSON_BODY_LIMIT_BYTES = "1024";
    expect(env.JSON_BODY_LIMIT_BYTES).toBe(1024); // read when accessed: follows a change made at run time
    process.env.JSON_BODY_LIMIT_BYTES = "";
    expect(env.JSON_BODY_LIMIT_BYTES).toBe(4 * 1024 * 1024);
    expect(env.DELEGATION_REMINDER_HOURS).toBe(24);
    expect(env.SMS_SENDER).toBeUndefined();
    expect(env.SMS_SENDER_NAME).toBe("Huiwu");
  });

  it("parses TRUST_PROXY as unset, a hop count or a list of CIDRs", () => {
    delete process.env.TRUST_PROXY;
    expect(env.TRUST_PROXY).toEqual({ kind: "none" });
    process.env.TRUST_PROXY = "2";
    expect(env.TRUST_PROXY).toEqual({ kind: "hops", hops: 2 });
    process.env.TRUST_PROXY = "10.0.0.0/8, 192.168.1.1,::1";
    expect(env.TRUST_PROXY).toEqual({ kind: "cidrs", cidrs: ["10.0.0.0/8", "192.168.1.1", "::1"] });
    process.env.TRUST_PROXY = "yes please";
    expect(() => env.TRUST_PROXY).toThrow(EnvError);
  });

  it("reports one line per bad variable, naming it, and never echoes a secret", () => {
    Object.assign(process.env, { RATE_LIMIT_SIGNIN_PER_IP: "lots", APP_URL: "not a url", AUTH_SECRET: "short-secret", SMS_SENDER: "pigeon" });
    const lines = envProblems();
    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.startsWith("RATE_LIMIT_SIGNIN_PER_IP:"))).toMatch(/positive integer.*"lots"/);
    expect(lines.find((l) => l.startsWith("APP_URL:"))).toMatch(/absolute URL/);
    expect(lines.find((l) => l.startsWith("SMS_SENDER:"))).toBeTruthy();
    const secret = lines.find((l) => l.startsWith("AUTH_SECRET:"))!;
    expect(secret).toMatch(/value hidden/);
    expect(secret).not.toContain("short-secret");
    expect(() => env.RATE_LIMIT_SIGNIN_PER_IP).toThrow(/^RATE_LIMIT_SIGNIN_PER_IP: /);
  });

  it("start-up fails with one line per bad variable and no stack trace", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-setup.ts"], {
      cwd: ROOT,
      env: { ...saved, PORT: "eighty", RATE_LIMIT_SIGNUP_PER_IP: "-1", DATA_DIR: "/nonexistent/never-created" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^Error: PORT: /), expect.stringMatching(/^Error: RATE_LIMIT_SIGNUP_PER_IP: /)]));
  });

  it("every declared variable has a row in the README's configuration table", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const table = readme.slice(readme.indexOf("## Configuration"));
    const missing = ENV_NAMES.filter((n) => !table.includes(`\`${n}\``));
    expect(missing).toEqual([]);
  });

  it("nothing in app/, lib/, components/ or db/ reads process.env except lib/env.ts", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
        const rel = path.join(dir, e.name);
        if (e.isDirectory()) walk(rel);
        else if (/\.(ts|tsx|js|mjs)$/.test(e.name) && rel !== path.join("lib", "env.ts")) {
          if (/process\.env/.test(fs.readFileSync(path.join(ROOT, rel), "utf8"))) offenders.push(rel);
        }
      }
    };
    for (const d of ["app", "lib", "components", "db"]) walk(d);
    expect(offenders).toEqual([]);
  });
});
