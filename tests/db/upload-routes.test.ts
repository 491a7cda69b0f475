/**
 * Issue 12 item 7: files go through route handlers that check the caller first and enforce their size limit while
 * streaming; server actions (whose bodies Next reads whole, before any permission check) take at most ~1 MB and no
 * files. The CSV guest import and the bulk-invitation file moved from server actions to
 * POST /api/v1/events/{slug}/registrations/import and POST /api/v1/events/{slug}/delegations/import.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { delegations, events, registrations, users } from "@/db/schema";
import { seedIfEmpty, YANTAN_SLUG } from "@/db/seed";
import type { Actor } from "@/lib/auth/permissions";
import { INVITE_MAX_BYTES } from "@/lib/delegations/import";
import { IMPORT_MAX_BYTES } from "@/lib/registrations/import";
import { useAppDb } from "../fixtures/app-db";
import { createTestDb, testEngines } from "../fixtures/db";

const who: { actor: Actor | null } = { actor: null };
vi.mock("@/lib/auth/actor", () => ({ currentActor: async () => who.actor }));

const { POST: guestImport } = await import("@/app/api/v1/events/[slug]/registrations/import/route");
const { POST: inviteImport } = await import("@/app/api/v1/events/[slug]/delegations/import/route");

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("server actions carry no files (item 7)", () => {
  it("next.config.js caps server-action bodies at 1 MB", () => {
    const config = createRequire(import.meta.url)(path.join(ROOT, "next.config.js")) as { experimental?: { serverActions?: { bodySizeLimit?: string | number } } };
    const limit = config.experimental?.serverActions?.bodySizeLimit ?? "1mb"; // Next's default is 1 MB
    const bytes = typeof limit === "number" ? limit : Number(/^(\d+(?:\.\d+)?)\s*mb$/i.exec(limit)?.[1] ?? NaN) * 1024 * 1024 || Number(/^(\d+)\s*kb$/i.exec(limit)?.[1] ?? NaN) * 1024;
    expect(bytes).toBeLessThanOrEqual(1024 * 1024);
  });

  it('no "use server" module accepts a File', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name)) {
          const src = fs.readFileSync(p, "utf8");
          if (/^\s*(?:\/\*[\s\S]*?\*\/\s*|\/\/[^\n]*\n\s*)*["']use server["']/.test(src) && /instanceof\(File\)|instanceof File|custom<File>|\.arrayBuffer\(\)/.test(src)) offenders.push(path.relative(ROOT, p));
        }
      }
    };
    walk(path.join(ROOT, "lib"));
    walk(path.join(ROOT, "app"));
    expect(offenders).toEqual([]);
  });
});

/** A body that counts the bytes pulled from it: `chunk` bytes per pull, forever (or `total` bytes). */
function countingBody(chunk = 256 * 1024, total = Infinity) {
  const c = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(ctl) {
        if (c.pulled >= total) return ctl.close();
        c.pulled += chunk;
        ctl.enqueue(new Uint8Array(chunk).fill(0x61)); // "aaaa…"
      },
    },
    { highWaterMark: 0 }, // pulled only when someone reads
  );
  return { stream, c };
}

const post = (route: typeof guestImport, url: string, slug: string, body: BodyInit | ReadableStream, headers: Record<string, string> = {}) =>
  route(new Request(`http://x${url}`, { method: "POST", body, headers: { "x-huiwu-upload": "1", ...headers }, duplex: "half" } as RequestInit), { params: Promise.resolve({ slug }) });

const ROUTES = [
  { name: "guest CSV import", route: guestImport, url: (s: string) => `/api/v1/events/${s}/registrations/import?mode=preview`, limit: IMPORT_MAX_BYTES },
  { name: "invitation file", route: inviteImport, url: (s: string) => `/api/v1/events/${s}/delegations/import`, limit: INVITE_MAX_BYTES },
];

describe.each(testEngines())("upload routes on %s", (engine) => {
  let h: DbHandle;
  let eventId: string;
  let organizer: Actor, attendee: Actor;
  const as = (u: typeof users.$inferSelect): Actor => ({ id: u.id, siteRole: u.siteRole, name: u.name, email: u.email });

  beforeAll(async () => {
    h = await createTestDb(engine);
    await seedIfEmpty(h.db);
    useAppDb(h);
    [{ id: eventId }] = await h.db.select({ id: events.id }).from(events).where(eq(events.slug, YANTAN_SLUG));
    const byEmail = async (e: string) => as((await h.db.select().from(users).where(eq(users.email, e)))[0]);
    organizer = await byEmail("organizer@huiwu.demo");
    attendee = await byEmail("attendee@huiwu.demo");
  });
  afterAll(() => h?.close());

  it.each(ROUTES)("$name: anonymous and too-weak callers are refused before a byte of the body is read", async ({ route, url }) => {
    for (const [actor, status] of [
      [null, 401],
      [attendee, 403],
    ] as const) {
      who.actor = actor;
      const { stream, c } = countingBody();
      const res = await post(route, url(YANTAN_SLUG), YANTAN_SLUG, stream);
      expect(res.status).toBe(status);
      expect(c.pulled).toBe(0);
    }
  });

  it.each(ROUTES)("$name: a body over the limit is 413 — from Content-Length without reading, or while streaming", async ({ route, url, limit }) => {
    who.actor = organizer;
    const declared = countingBody();
    const big = await post(route, url(YANTAN_SLUG), YANTAN_SLUG, declared.stream, { "content-length": String(limit + 1) });
    expect(big.status).toBe(413);
    expect(declared.c.pulled).toBe(0);
    expect((await big.json()).reason).toBe("too_large");

    const chunked = countingBody();
    const res = await post(route, url(YANTAN_SLUG), YANTAN_SLUG, chunked.stream);
    expect(res.status).toBe(413);
    expect(chunked.c.pulled, "stopped reading just past the limit").toBeLessThanOrEqual(limit + 2 * 256 * 1024);
    expect((await res.json()).error).toMatch(/too large|过大/);
  });

  it.each(ROUTES)("$name: without the X-Huiwu-Upload header (a cross-site form) → 400", async ({ route, url }) => {
    who.actor = organizer;
    const res = await route(new Request(`http://x${url(YANTAN_SLUG)}`, { method: "POST", body: "a,b\n", headers: { "content-type": "text/plain" } }), { params: Promise.resolve({ slug: YANTAN_SLUG }) });
    expect(res.status).toBe(400);
  });

  it("guest import: preview writes nothing, import in chunks creates the registrations", async () => {
    who.actor = organizer;
    const csv = "姓名,邮箱,单位\n上传嘉宾甲,upload-a@example.com,自贡市\n上传嘉宾乙,upload-b@example.com,自贡市\n坏行,not-an-email,\n";
    const regs = async () => (await h.db.select({ n: count() }).from(registrations).where(eq(registrations.eventId, eventId)))[0].n;
    const before = await regs();
    const preview = await post(guestImport, `/api/v1/events/${YANTAN_SLUG}/registrations/import`, YANTAN_SLUG, csv, { "content-type": "text/csv" });
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ total: 3, valid: 2, existing: 0 });
    expect(await regs()).toBe(before);
    for (const [from, to] of [
      [0, 1],
      [1, 3],
    ]) {
      const r = await post(guestImport, `/api/v1/events/${YANTAN_SLUG}/registrations/import?mode=import&from=${from}&to=${to}`, YANTAN_SLUG, csv);
      expect(r.status).toBe(200);
    }
    expect(await regs()).toBe(before + 2);
    const empty = await post(guestImport, `/api/v1/events/${YANTAN_SLUG}/registrations/import?mode=import&from=2&to=1`, YANTAN_SLUG, csv);
    expect(empty.status).toBe(422);
    expect((await post(guestImport, `/api/v1/events/${YANTAN_SLUG}/registrations/import?mode=nope`, YANTAN_SLUG, csv)).status).toBe(422);
  });

  it("invitation file: a CSV creates units; a damaged XLSX is a 422, not a 500", async () => {
    who.actor = organizer;
    const units = async () => (await h.db.select({ n: count() }).from(delegations).where(and(eq(delegations.eventId, eventId))))[0].n;
    const before = await units();
    const csv = "单位,名额,联络员,手机\n上传测试局,1,孙联络,13812345670\n,x,,\n";
    const r = await post(inviteImport, `/api/v1/events/${YANTAN_SLUG}/delegations/import`, YANTAN_SLUG, csv, { "content-type": "text/csv" });
    const body = await r.json();
    expect(r.status, JSON.stringify(body)).toBe(200);
    expect(body.created + body.failed).toBe(2);
    expect(body.errors.map((e: { row: number }) => e.row)).toContain(3);
    expect(await units()).toBe(before + body.created);
    const zip = Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(200, 1)]);
    const bad = await post(inviteImport, `/api/v1/events/${YANTAN_SLUG}/delegations/import`, YANTAN_SLUG, new Uint8Array(zip));
    expect(bad.status).toBe(422);
  });
});
