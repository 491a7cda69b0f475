/**
 * The guard test (DESIGN §3.1, issue 3 acceptance): every exported server action and every mutating /api route
 * handler — found by scanning the source, so a new one cannot be missed — refuses an anonymous caller and a too-weak
 * caller, and leaves the database unchanged. The manifest (tests/fixtures/guard-manifest.ts) says which permission
 * each one enforces; the too-weak callers are derived from the permission matrix.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { asActor } from "../fixtures/actor";
import { useAppDb } from "../fixtures/app-db";
import { createTestDb, testEngines } from "../fixtures/db";
import { formData, MUTATING_ROUTES, SERVER_ACTIONS, type GuardSpec, type GuardWorld } from "../fixtures/guard-manifest";
import { buildGuardWorld, type BuiltWorld, type GuardCaller } from "../fixtures/guard-world";

vi.mock("@/lib/auth/actor", () => import("../fixtures/actor"));

const ROOT = path.resolve(import.meta.dirname, "../..");

// ---------------------------------------------------------------------------------------------------------------
// 1. Enumerate the code.

function walk(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== "node_modules" && !e.name.startsWith(".")) walk(p, out);
    } else if (/\.(ts|tsx|js|jsx|mjs)$/.test(e.name) && !/\.(test|spec)\./.test(e.name)) out.push(p);
  }
  return out;
}

const rel = (p: string) => path.relative(ROOT, p).split(path.sep).join("/");
const LEADING = /^(?:\s+|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/;

function isUseServerFile(src: string) {
  return /^["']use server["']/.test(src.replace(LEADING, ""));
}

/** Names exported by a module's source (values only; `export type/interface` ignored). */
export function exportedNames(src: string): string[] {
  const names = new Set<string>();
  for (const m of src.matchAll(/export\s+(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)/g)) names.add(m[1]);
  for (const m of src.matchAll(/export\s+(?:const|let|var)\s+([A-Za-z_$][\w$]*)/g)) names.add(m[1]);
  for (const m of src.matchAll(/export\s+(?:const|let|var)\s*\{([^}]*)\}/g)) {
    for (const part of m[1].split(",")) {
      const name = part.split(":").pop()!.split("=")[0].trim();
      if (name) names.add(name);
    }
  }
  for (const m of src.matchAll(/export\s*\{([^}]*)\}(?!\s*from\s*["'][^"']*["']\s*;?\s*$)/gm)) {
    for (const part of m[1].split(",")) {
      const p = part.trim();
      if (!p || p.startsWith("type ")) continue;
      names.add(p.split(/\s+as\s+/).pop()!.trim());
    }
  }
  for (const m of src.matchAll(/export\s*\{([^}]*)\}\s*from/g)) {
    for (const part of m[1].split(",")) {
      const p = part.trim();
      if (p && !p.startsWith("type ")) names.add(p.split(/\s+as\s+/).pop()!.trim());
    }
  }
  if (/export\s+default\b/.test(src)) names.add("default");
  return [...names];
}

function scan() {
  const files = [...walk(path.join(ROOT, "app")), ...walk(path.join(ROOT, "lib"))];
  const actions: string[] = [];
  const inline: string[] = [];
  for (const f of files) {
    const src = fs.readFileSync(f, "utf8");
    if (isUseServerFile(src)) {
      for (const name of exportedNames(src)) actions.push(`${rel(f)}#${name}`);
    } else if (/^\s*["']use server["'];?\s*$/m.test(src)) inline.push(rel(f));
  }
  const routes: string[] = [];
  for (const f of walk(path.join(ROOT, "app", "api"))) {
    if (!/\/route\.(ts|js)$/.test(f)) continue;
    const urlPath = "/" + rel(path.dirname(f)).replace(/^app\//, "").split("/").filter((s) => !/^\(.*\)$/.test(s)).join("/");
    for (const name of exportedNames(fs.readFileSync(f, "utf8"))) {
      if (["POST", "PUT", "PATCH", "DELETE"].includes(name)) routes.push(`${name} ${urlPath}`);
    }
  }
  return { actions: actions.sort(), routes: routes.sort(), inline };
}

describe("guard manifest covers the code", () => {
  const found = scan();

  it("finds the entry points (sanity)", () => {
    expect(found.actions).toContain("lib/accounts/actions.ts#signInAction");
    expect(found.routes).toContain("POST /api/auth/[...nextauth]");
  });

  it("no inline \"use server\" functions (put actions in a \"use server\" file so this test sees them)", () => {
    expect(found.inline).toEqual([]);
  });

  it("every exported server action is in the manifest", () => {
    expect(found.actions.filter((k) => !SERVER_ACTIONS[k])).toEqual([]);
  });

  it("every POST/PUT/PATCH/DELETE route handler under app/api is in the manifest", () => {
    expect(found.routes.filter((k) => !MUTATING_ROUTES[k])).toEqual([]);
  });

  it("the manifest lists nothing that no longer exists", () => {
    expect(Object.keys(SERVER_ACTIONS).filter((k) => !found.actions.includes(k))).toEqual([]);
    expect(Object.keys(MUTATING_ROUTES).filter((k) => !found.routes.includes(k))).toEqual([]);
  });

  it("public entries say why; guarded entries have a sample to call them with", () => {
    for (const [k, s] of [...Object.entries(SERVER_ACTIONS), ...Object.entries(MUTATING_ROUTES)]) {
      if (s.permission === "public") expect(s.note, `${k}: say why it is public`).toBeTruthy();
      else expect(Boolean(s.sample || s.args || s.upload || (k.startsWith("DELETE ") && s.params)), `${k}: needs sample, args, upload (or params for DELETE)`).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 2. Who is too weak, who is just strong enough — from the permission matrix.

type Rule = { site?: readonly string[]; event?: readonly string[]; anyEvent?: readonly string[] };

export function weakCallers(permission: GuardSpec["permission"]): GuardCaller[] {
  if (permission === "public") return [];
  if (permission === "signed-in") return ["anonymous"];
  const rule: Rule = PERMISSIONS[permission];
  if (rule.site?.includes("user")) return ["anonymous"];
  const weak: GuardCaller[] = ["anonymous", "attendee"];
  if (rule.event) {
    weak.push("otherOrganizer");
    if (!rule.event.includes("staff")) weak.push("staff");
    if (!rule.event.includes("organizer")) weak.push("organizer");
  } else if (rule.anyEvent) {
    if (!rule.anyEvent.includes("staff")) weak.push("staff");
    if (!rule.anyEvent.includes("organizer")) weak.push("organizer", "otherOrganizer");
  } else {
    weak.push("staff", "organizer", "otherOrganizer"); // admin only
  }
  return weak;
}

export function weakestAllowed(permission: Exclude<GuardSpec["permission"], "public">): Exclude<GuardCaller, "anonymous"> {
  if (permission === "signed-in") return "attendee";
  const rule: Rule = PERMISSIONS[permission];
  if (rule.site?.includes("user")) return "attendee";
  const roles = rule.event ?? rule.anyEvent;
  if (roles?.includes("staff")) return "staff";
  if (roles?.includes("organizer")) return "organizer";
  return "admin";
}

it("weak callers follow the matrix", () => {
  expect(weakCallers("user.manage")).toEqual(["anonymous", "attendee", "staff", "organizer", "otherOrganizer"]);
  expect(weakCallers("event.edit")).toEqual(["anonymous", "attendee", "otherOrganizer", "staff"]);
  expect(weakCallers("checkin.perform")).toEqual(["anonymous", "attendee", "otherOrganizer"]);
  expect(weakCallers("profile.edit")).toEqual(["anonymous"]);
  expect(weakestAllowed("report.write")).toBe("staff");
  expect(weakestAllowed("event.staff.manage")).toBe("organizer"); // organizers staff their own forum (the team tab)
});

// ---------------------------------------------------------------------------------------------------------------
// 3. Call everything as the weak callers; the database must not change.

type Outcome = { refused: boolean; how: string };

const REFUSAL_CODES = new Set(["unauthenticated", "forbidden", "not_found"]);

function outcomeOfValue(v: unknown): Outcome {
  if (v instanceof Response) return { refused: [401, 403, 404].includes(v.status), how: `HTTP ${v.status}` };
  if (v && typeof v === "object" && "ok" in v) {
    const r = v as { ok: boolean; code?: string; error?: string };
    if (r.ok === false) return { refused: REFUSAL_CODES.has(r.code ?? ""), how: `{ok:false, code:${r.code}}` };
    return { refused: false, how: "{ok:true}" };
  }
  return { refused: false, how: `returned ${typeof v}` };
}

function outcomeOfError(e: unknown): Outcome {
  const err = e as { code?: string; digest?: string; name?: string; message?: string };
  if (err?.name === "DomainError") return { refused: REFUSAL_CODES.has(err.code ?? ""), how: `threw DomainError(${err.code})` };
  if (typeof err?.digest === "string" && err.digest.startsWith("NEXT_REDIRECT")) {
    const to = err.digest.split(";")[2] ?? "";
    return { refused: to.startsWith("/sign-in"), how: `redirect ${to}` };
  }
  if (typeof err?.digest === "string" && /NEXT_HTTP_ERROR_FALLBACK;(401|403|404)/.test(err.digest)) return { refused: true, how: err.digest };
  return { refused: false, how: `threw ${err?.name}: ${err?.message}` };
}

async function callAction(key: string, spec: GuardSpec, w: GuardWorld): Promise<unknown> {
  const [file, name] = key.split("#");
  const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, (...a: unknown[]) => Promise<unknown>>;
  const args = spec.args ? spec.args(w) : [formData(spec.sample!(w))];
  return mod[name](...args);
}

function routeFile(urlPath: string) {
  const dir = path.join(ROOT, "app", ...urlPath.split("/").filter(Boolean));
  for (const ext of ["ts", "js"]) if (fs.existsSync(path.join(dir, `route.${ext}`))) return path.join(dir, `route.${ext}`);
  // route groups: find the route file whose URL (groups stripped) matches
  const hit = walk(path.join(ROOT, "app", "api")).find(
    (f) => /\/route\.(ts|js)$/.test(f) && "/" + rel(path.dirname(f)).replace(/^app\//, "").split("/").filter((s) => !/^\(.*\)$/.test(s)).join("/") === urlPath,
  );
  if (!hit) throw new Error(`no route file for ${urlPath}`);
  return hit;
}

async function callRoute(key: string, spec: GuardSpec, w: GuardWorld): Promise<unknown> {
  const [method, urlPath] = key.split(" ");
  const mod = (await import(/* @vite-ignore */ routeFile(urlPath))) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
  const params = spec.params?.(w) ?? {};
  for (const m of urlPath.matchAll(/\[([^\]]+)\]/g)) {
    const p = m[1];
    if (params[p] !== undefined) continue;
    if (p === "slug") params[p] = w.eventSlug;
    else if (p === "eventId") params[p] = w.eventId;
    else throw new Error(`${key}: say in the manifest (params) what [${p}] is`);
  }
  const upload = spec.upload?.(w);
  const url = "http://localhost:3000" + urlPath.replace(/\[([^\]]+)\]/g, (_, p) => encodeURIComponent(params[p])) + (upload?.query ? `?${upload.query}` : "");
  const body = upload ? upload.body : spec.sample ? JSON.stringify(spec.sample(w)) : undefined;
  const req = new Request(url, { method, headers: upload?.headers ?? { "content-type": "application/json" }, body });
  return mod[method](req, { params: Promise.resolve(params) });
}

async function outcome(fn: () => Promise<unknown>): Promise<Outcome> {
  try {
    return outcomeOfValue(await fn());
  } catch (e) {
    return outcomeOfError(e);
  }
}

/** A checksum of every table in the public schema: any insert, update or delete changes it. */
async function dbChecksum(h: DbHandle): Promise<Record<string, string>> {
  const tables = await h.query<{ tablename: string }>(`select tablename from pg_tables where schemaname = 'public' order by tablename`);
  const out: Record<string, string> = {};
  for (const { tablename } of tables) {
    const [row] = await h.query<{ n: string | number; sum: string | null }>(
      `select count(*) as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum from "${tablename}" t`,
    );
    out[tablename] = `${row.n}:${row.sum}`;
  }
  return out;
}

const guarded = (entries: Record<string, GuardSpec>) => Object.entries(entries).filter(([, s]) => s.permission !== "public");

describe.each(testEngines())("guards on %s", (engine) => {
  let h: DbHandle;
  let built: BuiltWorld;

  beforeAll(async () => {
    h = await createTestDb(engine);
    useAppDb(h);
    built = await buildGuardWorld(h.db);
  });
  afterAll(() => h?.close());

  const cases = [
    ...guarded(SERVER_ACTIONS).map(([k, s]) => ({ kind: "action" as const, key: k, spec: s })),
    ...guarded(MUTATING_ROUTES).map(([k, s]) => ({ kind: "route" as const, key: k, spec: s })),
  ];
  const call = (c: (typeof cases)[number], w: GuardWorld) => (c.kind === "action" ? callAction(c.key, c.spec, w) : callRoute(c.key, c.spec, w));

  it.each(cases.map((c) => [c.key, c]))("%s refuses anonymous and too-weak callers, database unchanged", async (_k, c) => {
    const before = await dbChecksum(h);
    for (const who of weakCallers(c.spec.permission)) {
      const actor = who === "anonymous" ? null : built.callers[who];
      const o = await asActor(actor, () => outcome(() => call(c, built.world)));
      expect(o.refused, `${c.key} as ${who}: ${o.how}`).toBe(true);
      if (who === "anonymous" && c.kind === "route") expect(o.how, `${c.key} anonymous must get 401`).toBe("HTTP 401");
      if (who === "anonymous" && c.kind === "action") expect(o.how, `${c.key} anonymous must be "unauthenticated"`).toMatch(/unauthenticated|redirect \/sign-in/);
    }
    expect(await dbChecksum(h), `${c.key} changed the database while refusing`).toEqual(before);
  });

  it.each(cases.map((c) => [c.key, c]))("%s is not refused for the weakest allowed caller (fresh world)", async (_k, c) => {
    const fresh = await buildGuardWorld(h.db);
    const who = weakestAllowed(c.spec.permission as Exclude<GuardSpec["permission"], "public">);
    const o = await asActor(fresh.callers[who], () => outcome(() => call(c, fresh.world)));
    expect(o.refused, `${c.key} as ${who}: ${o.how}`).toBe(false);
    // …and not broken either: an unexpected error (500 / "internal") means the sample or the code is wrong.
    expect(o.how, `${c.key} as ${who}`).not.toMatch(/code:internal|HTTP 5\d\d|threw (?!DomainError)/);
  });

  it("the permissions used in the manifest exist", () => {
    for (const [, s] of cases.map((c) => [c.key, c.spec] as const)) {
      if (s.permission !== "signed-in") expect(Object.keys(PERMISSIONS)).toContain(s.permission as Permission);
    }
  });
});
