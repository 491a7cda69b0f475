/** The organizer API (issue 5 §7): PATCH a forum, export a bundle, import one — guarded, 422 on bad input, nothing half-written. */
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { events, users } from "@/db/schema";
import { seedIfEmpty, YANTAN_SLUG } from "@/db/seed";
import { createTestDb, testEngines } from "../fixtures/db";
import { useAppDb } from "../fixtures/app-db";
import { makeUser } from "../fixtures/users";

vi.mock("@/lib/auth/actor", () => import("../fixtures/actor"));
const { asActor } = await import("../fixtures/actor");
const { PATCH } = await import("@/app/api/v1/events/[slug]/route");
const { GET: EXPORT } = await import("@/app/api/v1/events/[slug]/export/route");
const { POST: IMPORT } = await import("@/app/api/v1/events/import/route");

const ctx = (slug: string) => ({ params: Promise.resolve({ slug }) });
const patch = (slug: string, body: unknown) =>
  PATCH(new Request(`http://x/api/v1/events/${slug}`, { method: "PATCH", body: JSON.stringify(body), headers: { "content-type": "application/json" } }), ctx(slug) as never);
const exportReq = (slug: string, q = "") => EXPORT(new Request(`http://x/api/v1/events/${slug}/export${q}`), ctx(slug) as never);
const importReq = (body: string) => IMPORT(new Request("http://x/api/v1/events/import", { method: "POST", body, headers: { "content-type": "application/json" } }));

describe.each(testEngines())("organizer API on %s", (engine) => {
  let h: DbHandle;
  let organizerId: string;
  let attendeeId: string;

  beforeAll(async () => {
    h = await createTestDb(engine);
    await seedIfEmpty(h.db);
    useAppDb(h);
    [{ id: organizerId }] = await h.db.select({ id: users.id }).from(users).where(eq(users.email, "organizer@huiwu.demo"));
    attendeeId = (await makeUser(h.db)).id;
  });
  afterAll(() => h?.close());

  it("export: 401 anonymous, 403 attendee, 403 unknown (like another's forum); organizer gets the bundle, registrations only on request", async () => {
    expect((await asActor(null, () => exportReq(YANTAN_SLUG))).status).toBe(401);
    expect((await asActor(attendeeId, () => exportReq(YANTAN_SLUG))).status).toBe(403);
    // an unknown forum answers like someone else's (403), so a slug probe does not reveal which drafts exist;
    // a NUL or malformed slug is a 404 before any query
    expect((await asActor(organizerId, () => exportReq("no-such-forum"))).status).toBe(403);
    expect((await asActor(organizerId, () => exportReq("a\u0000b"))).status).toBe(404);
    const res = await asActor(organizerId, () => exportReq(YANTAN_SLUG));
    expect(res.status).toBe(200);
    const b = await res.json();
    expect(b.event.title).toBe("产业园区赋能县域经济高质量发展座谈会");
    expect(b.registrations).toBeUndefined();
    const withRegs = await (await asActor(organizerId, () => exportReq(YANTAN_SLUG, "?include=registrations"))).json();
    expect(withRegs.registrations.length).toBeGreaterThan(150);
  });

  it("import: 201 {slug} of a new draft; malformed → 422 with a specific message and nothing written; attendee → 403", async () => {
    const bundle = await (await asActor(organizerId, () => exportReq(YANTAN_SLUG))).text();
    const [{ n: before }] = await h.db.select({ n: count() }).from(events);
    expect((await asActor(attendeeId, () => importReq(bundle))).status).toBe(403);
    const bad = await asActor(organizerId, () => importReq(bundle.replace(/"seats": \d+/, '"seats": 0')));
    expect(bad.status).toBe(422);
    expect((await bad.json()).error).toMatch(/^数据包格式错误：buses\.0\.seats：车辆至少需要 1 个座位/); // no Accept-Language: zh-CN
    const notJson = await asActor(organizerId, () => importReq("{oops"));
    expect(notJson.status).toBe(400); // malformed JSON: 400 on every route (lib/http/json-body.ts)
    expect((await notJson.json()).error).toMatch(/请求体不是有效的 JSON/);
    const [{ n: unchanged }] = await h.db.select({ n: count() }).from(events);
    expect(unchanged).toBe(before);
    const ok = await asActor(organizerId, () => importReq(bundle));
    expect(ok.status).toBe(201);
    const { slug } = await ok.json();
    expect(slug).toBe(`${YANTAN_SLUG}-2`);
    const [row] = await h.db.select().from(events).where(eq(events.slug, slug));
    expect(row.status).toBe("draft");
  });

  it("PATCH: opens and publishes a forum without the UI; 422 on an invalid transition or value; others refused", async () => {
    const slug = `${YANTAN_SLUG}-2`;
    expect((await asActor(null, () => patch(slug, { status: "published" }))).status).toBe(401);
    expect((await asActor(attendeeId, () => patch(slug, { status: "published" }))).status).toBe(403);
    const res = await asActor(organizerId, () =>
      patch(slug, { status: "published", capacity: 300, registrationOpensAt: "2026-08-01T09:00:00+08:00", registrationClosesAt: "2026-08-30T18:00:00+08:00", requiresApproval: true }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      slug,
      status: "published",
      capacity: 300,
      registrationOpensAt: "2026-08-01T09:00:00+08:00",
      registrationClosesAt: "2026-08-30T18:00:00+08:00",
      requiresApproval: true,
    });
    for (const [body, field] of [
      [{ capacity: -1 }, "capacity"],
      [{ status: "archived" }, "status"],
      [{ registrationOpensAt: "tomorrow" }, "registrationOpensAt"],
      [{ registrationClosesAt: "2026-07-01T00:00:00+08:00" }, "registrationClosesAt"],
      [{ colour: "red" }, "_"],
    ] as const) {
      const r = await asActor(organizerId, () => patch(slug, body));
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(Object.keys((await r.json()).fieldErrors ?? {}).join(), JSON.stringify(body)).toContain(field);
    }
    await asActor(organizerId, () => patch(slug, { status: "cancelled" }));
    const back = await asActor(organizerId, () => patch(slug, { status: "published" }));
    expect(back.status).toBe(422);
    expect(await back.json()).toMatchObject({ code: "invalid", fieldErrors: { status: ["当前状态下不能进行此操作"] } }); // translated, zh-CN by default
    const [row] = await h.db.select().from(events).where(eq(events.slug, slug));
    expect(row).toMatchObject({ status: "cancelled", capacity: 300 });
  });
});
