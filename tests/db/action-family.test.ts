/**
 * The entry-point family (lib/actions/define.ts, lib/actions/route.ts) and the one JSON body reader: the order
 * authenticate → parse → scope (from validated input) → permission → call, what each refusal looks like, and that
 * unexpected errors are logged and answered generically.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { buses, events } from "@/db/schema";
import { eventAction, publicAction, userAction } from "@/lib/actions/define";
import { eventRoute, publicRoute, userRoute } from "@/lib/actions/route";
import { logger } from "@/lib/log";
import { readJson } from "@/lib/http/json-body";
import { idParams, slugParams } from "@/lib/http/params";
import { asActor } from "../fixtures/actor";
import { useAppDb } from "../fixtures/app-db";
import { createTestDb, testEngines } from "../fixtures/db";
import { makeBus, makeOpenForum } from "../fixtures/registration";
import { grantEventRole, makeAdmin, makeUser } from "../fixtures/users";
import { cacheCalls, resetCacheCalls } from "../fixtures/request";

vi.mock("@/lib/auth/actor", () => import("../fixtures/actor"));

const renameSchema = z.object({ eventId: z.uuid(), title: z.string().trim().min(1).max(50) });
const calls: string[] = [];
const renameAction = eventAction(
  "event.edit",
  renameSchema,
  async ({ db, actor, input }) => {
    calls.push(`${actor.id}:${input.title}`);
    await db.update(events).set({ title: input.title }).where(eq(events.id, input.eventId));
    return { title: input.title };
  },
  { revalidate: "/admin" },
);
/** Scoped through another id: a bus → its forum. */
const busSchema = z.object({ busId: z.uuid(), seats: z.coerce.number().int().min(1) });
const resizeBusAction = eventAction(
  "agenda.edit",
  busSchema,
  async ({ db, input }) => {
    await db.update(buses).set({ seats: input.seats }).where(eq(buses.id, input.busId));
    return { seats: input.seats };
  },
  {
    scope: async (db, input) => {
      if (!input.busId) return null;
      const [b] = await db.select({ eventId: buses.eventId }).from(buses).where(eq(buses.id, input.busId));
      return b?.eventId ?? null;
    },
  },
);
const boomAction = eventAction("event.edit", z.object({ eventId: z.uuid() }), () => {
  throw new Error("secret internals: connection string postgres://u:p@h");
});
const whoAmIAction = userAction("profile.edit", z.object({ n: z.coerce.number().int() }), ({ actor, input }) => ({ id: actor.id, n: input.n }));
const echoAction = publicAction("a test: anyone may echo", z.object({ s: z.string().max(10) }), ({ actor, input }) => ({ s: input.s, signedIn: Boolean(actor) }));

const fd = (o: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) f.append(k, v);
  return f;
};

describe.each(testEngines())("action family on %s", (engine) => {
  let h: DbHandle;
  let forum: typeof events.$inferSelect;
  let other: typeof events.$inferSelect;
  let organizer: { id: string };
  let otherOrganizer: { id: string };
  let attendee: { id: string };
  let admin: { id: string };
  let busId: string;

  beforeAll(async () => {
    h = await createTestDb(engine);
    useAppDb(h);
    forum = await makeOpenForum(h.db);
    other = await makeOpenForum(h.db);
    organizer = await makeUser(h.db);
    otherOrganizer = await makeUser(h.db);
    attendee = await makeUser(h.db);
    admin = await makeAdmin(h.db);
    await grantEventRole(h.db, forum.id, organizer.id, "organizer");
    await grantEventRole(h.db, other.id, otherOrganizer.id, "organizer");
    busId = (await makeBus(h.db, forum.id, 10)).id;
  });
  afterAll(() => h?.close());

  it("anonymous → unauthenticated, whatever the input (garbage, NUL, none), and nothing runs", async () => {
    calls.length = 0;
    for (const input of [fd({ eventId: forum.id, title: "x" }), { eventId: "not-a-uuid", title: "" }, { title: "\u0000" }, {}]) {
      const r = await asActor(null, () => renameAction(input));
      expect(r).toMatchObject({ ok: false, code: "unauthenticated" });
    }
    expect(await asActor(null, () => resizeBusAction({ busId: "garbage" }))).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await asActor(null, () => whoAmIAction({}))).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(calls).toEqual([]);
  });

  it("the forum comes from the validated input: another forum's organizer, an attendee, a malformed or unknown id → forbidden", async () => {
    expect(await asActor(otherOrganizer, () => renameAction({ eventId: forum.id, title: "hijack" }))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await asActor(attendee, () => renameAction({ eventId: forum.id, title: "hijack" }))).toMatchObject({ ok: false, code: "forbidden" });
    // malformed scope: refused like a too-weak caller, not "invalid" (no field errors for someone who may not act)
    const malformed = await asActor(organizer, () => renameAction({ eventId: `${forum.id}x`, title: "ok" }));
    expect(malformed).toMatchObject({ ok: false, code: "forbidden" });
    expect(await asActor(organizer, () => renameAction({ eventId: crypto.randomUUID(), title: "ok" }))).toMatchObject({ ok: false, code: "forbidden" });
    // a too-weak caller with invalid fields still gets "forbidden", not the field errors
    expect(await asActor(otherOrganizer, () => renameAction({ eventId: forum.id, title: "" }))).toMatchObject({ ok: false, code: "forbidden" });
    const [row] = await h.db.select({ title: events.title }).from(events).where(eq(events.id, forum.id));
    expect(row.title).toBe(forum.title);
  });

  it("scope resolved from another id AFTER parsing: the bus's forum decides; unknown bus → forbidden", async () => {
    expect(await asActor(otherOrganizer, () => resizeBusAction({ busId, seats: 3 }))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await asActor(organizer, () => resizeBusAction({ busId: crypto.randomUUID(), seats: 3 }))).toMatchObject({ ok: false, code: "forbidden" });
    // the organizer with an invalid field: the resolver sees the valid busId, so they get the field errors
    const invalid = await asActor(organizer, () => resizeBusAction({ busId, seats: "0" }));
    expect(invalid).toMatchObject({ ok: false, code: "invalid" });
    expect(invalid.ok === false && invalid.fieldErrors?.seats).toBeTruthy();
    expect(await asActor(organizer, () => resizeBusAction(fd({ busId, seats: "12" })))).toEqual({ ok: true, data: { seats: 12 } });
    const [b] = await h.db.select({ seats: buses.seats }).from(buses).where(eq(buses.id, busId));
    expect(b.seats).toBe(12);
  });

  it("success: FormData or object, or (prevState, formData) as useActionState calls it; revalidates", async () => {
    resetCacheCalls();
    expect(await asActor(organizer, () => renameAction(fd({ eventId: forum.id, title: " 新名字 " })))).toEqual({ ok: true, data: { title: "新名字" } });
    expect(await asActor(admin, () => renameAction(null, fd({ eventId: forum.id, title: "管理员改的" })))).toEqual({ ok: true, data: { title: "管理员改的" } });
    expect(cacheCalls.filter((c) => c.fn === "revalidatePath").map((c) => c.args[0])).toEqual(["/admin", "/admin"]);
    const invalid = await asActor(organizer, () => renameAction({ eventId: forum.id, title: "" }));
    expect(invalid).toMatchObject({ ok: false, code: "invalid", fieldErrors: { title: expect.any(Array) } });
  });

  it("NUL anywhere in the input is a field error, never a database error", async () => {
    const r = await asActor(organizer, () => renameAction({ eventId: forum.id, title: "a\u0000b" }));
    expect(r).toMatchObject({ ok: false, code: "invalid", fieldErrors: { title: [expect.stringContaining("NUL")] } });
    expect(await asActor(attendee, () => echoAction({ s: "\u0000" }))).toMatchObject({ ok: false, code: "invalid" });
  });

  it("unexpected error → generic message with a reference, logged with the details", async () => {
    const spy = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const r = await asActor(organizer, () => boomAction({ eventId: forum.id }));
    expect(r).toMatchObject({ ok: false, code: "internal" });
    expect(r.ok === false && r.error).not.toContain("secret");
    expect(JSON.stringify(spy.mock.calls)).toContain("secret internals");
    spy.mockRestore();
  });

  it("userAction and publicAction", async () => {
    expect(await asActor(attendee, () => whoAmIAction({ n: "2" }))).toEqual({ ok: true, data: { id: attendee.id, n: 2 } });
    expect(await asActor(null, () => echoAction({ s: "hi" }))).toEqual({ ok: true, data: { s: "hi", signedIn: false } });
    expect(await asActor(attendee, () => echoAction({ s: "hi" }))).toEqual({ ok: true, data: { s: "hi", signedIn: true } });
  });

  // ----------------------------------------------------------------------------------------------- routes

  const patchTitle = eventRoute("event.edit", { params: slugParams, body: z.object({ title: z.string().min(1).max(50) }) }, async ({ db, event, body }) => {
    await db.update(events).set({ titleEn: body.title }).where(eq(events.id, event.id));
    return { slug: event.slug, title: body.title };
  });
  const busRoute = eventRoute(
    "agenda.edit",
    { params: idParams, scope: async (db, { params }) => (await db.select({ e: buses.eventId }).from(buses).where(eq(buses.id, params.id)))[0]?.e ?? null },
    ({ event, params }) => ({ eventSlug: event.slug, busId: params.id }),
  );
  const meRoute = userRoute("profile.edit", { query: z.object({ n: z.coerce.number().int().max(10) }) }, ({ actor, query }) => ({ id: actor.id, n: query.n }));
  const openRoute = publicRoute("a test", { params: slugParams }, ({ params }) => new Response(params.slug, { status: 202 }));
  const req = (method: string, body?: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
    new Request("http://x/api/test", { method, body, headers });
  const ctx = (params: Record<string, string>) => ({ params: Promise.resolve(params) });

  it("eventRoute: 401 before anything (even with a garbage slug and body), 403 other forum, 404 unknown forum, success", async () => {
    expect((await asActor(null, () => patchTitle(req("PATCH", "{bad"), ctx({ slug: "\u0000" })))).status).toBe(401);
    expect((await asActor(otherOrganizer, () => patchTitle(req("PATCH", '{"title":"x"}'), ctx({ slug: forum.slug })))).status).toBe(403);
    expect((await asActor(attendee, () => patchTitle(req("PATCH", '{"title":"x"}'), ctx({ slug: "no-such-forum" })))).status).toBe(403);
    expect((await asActor(admin, () => patchTitle(req("PATCH", '{"title":"x"}'), ctx({ slug: "no-such-forum" })))).status).toBe(404);
    expect((await asActor(organizer, () => patchTitle(req("PATCH", '{"title":"x"}'), ctx({ slug: "a\u0000b" })))).status).toBe(404);
    const ok = await asActor(organizer, () => patchTitle(req("PATCH", '{"title":"Renamed"}'), ctx({ slug: forum.slug })));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ slug: forum.slug, title: "Renamed" });
  });

  it("eventRoute with a scope resolver: the bus id decides the forum", async () => {
    expect((await asActor(otherOrganizer, () => busRoute(req("GET"), ctx({ id: busId })))).status).toBe(403);
    expect((await asActor(organizer, () => busRoute(req("GET"), ctx({ id: "not-a-uuid" })))).status).toBe(404);
    const ok = await asActor(organizer, () => busRoute(req("GET"), ctx({ id: busId })));
    expect(await ok.json()).toEqual({ eventSlug: forum.slug, busId });
  });

  it("the one body reader: malformed 400, empty 400, non-object 422, wrong type 415, too large 413, NUL 422, bad fields 422", async () => {
    const as = (body: string | undefined, headers?: Record<string, string>) => asActor(organizer, () => patchTitle(req("PATCH", body, headers), ctx({ slug: forum.slug })));
    expect((await as("{bad")).status).toBe(400);
    expect((await as("")).status).toBe(400);
    expect((await as("[1]")).status).toBe(422);
    expect((await as('{"title":"x"}', { "content-type": "text/plain" })).status).toBe(415);
    expect((await as(JSON.stringify({ title: "x".repeat(5 * 1024 * 1024) }))).status).toBe(413);
    const nul = await as('{"title":"a\\u0000b"}');
    expect(nul.status).toBe(422);
    expect((await nul.json()).error).toContain("NUL");
    const bad = await as('{"title":""}');
    expect(bad.status).toBe(422);
    expect((await bad.json()).fieldErrors.title).toBeTruthy();
    await expect(readJson(new Request("http://x", { method: "POST", body: '{"a":{"b\\u0000":1}}', headers: { "content-type": "application/json" } }))).rejects.toMatchObject({ status: 422 });
  });

  it("userRoute and publicRoute: query parsed (422 on a bad value, NUL refused), Responses passed through", async () => {
    expect((await asActor(null, () => meRoute(new Request("http://x/?n=1"), ctx({})))).status).toBe(401);
    expect(await (await asActor(attendee, () => meRoute(new Request("http://x/?n=3"), ctx({})))).json()).toEqual({ id: attendee.id, n: 3 });
    expect((await asActor(attendee, () => meRoute(new Request("http://x/?n=1e308"), ctx({})))).status).toBe(422);
    expect((await asActor(attendee, () => meRoute(new Request("http://x/?n=%00"), ctx({})))).status).toBe(422);
    const open = await asActor(null, () => openRoute(req("GET"), ctx({ slug: "abc" })));
    expect(open.status).toBe(202);
    expect((await asActor(null, () => openRoute(req("GET"), ctx({ slug: "%00\u0000" })))).status).toBe(404);
  });
});
