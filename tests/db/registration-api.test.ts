/** The registration API over its route handlers: 201/409/422/403/404/401, own-only cancel, calendar exports. */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { agendaSessions, events, registrations } from "@/db/schema";
import { seedIfEmpty, YANTAN_SLUG } from "@/db/seed";
import { parseIcs } from "@/lib/calendar/ics";
import { calendarFeedToken, selectSession } from "@/lib/registrations/personal-agenda";
import { createTestDb, testEngines } from "../fixtures/db";
import { useAppDb } from "../fixtures/app-db";
import { makeBus, makeOpenForum } from "../fixtures/registration";
import { makeUser } from "../fixtures/users";

vi.mock("@/lib/auth/actor", () => import("../fixtures/actor"));
const fixtures = await import("../fixtures/actor");
/** Call as someone, with the browser language of the request (English unless said otherwise). */
const asActor = <T,>(who: Parameters<typeof fixtures.asActor>[0], fn: () => Promise<T>, lang = "en") => fixtures.asActor(who, fn, { headers: { "accept-language": lang } });
const { POST } = await import("@/app/api/v1/events/[slug]/registrations/route");
const { GET: MINE } = await import("@/app/api/v1/me/registrations/route");
const { DELETE } = await import("@/app/api/v1/registrations/[id]/route");
const { GET: AGENDA_ICS } = await import("@/app/api/v1/events/[slug]/agenda.ics/route");
const { GET: FEED } = await import("@/app/api/v1/calendar/[file]/route");

const post = (slug: string, body: unknown) =>
  POST(
    new Request(`http://x/api/v1/events/${slug}/registrations`, {
      method: "POST",
      body: typeof body === "string" ? body : JSON.stringify(body),
      headers: { "content-type": "application/json" },
    }),
    { params: Promise.resolve({ slug }) } as never,
  );
const del = (id: string) => DELETE(new Request(`http://x/api/v1/registrations/${id}`, { method: "DELETE" }), { params: Promise.resolve({ id }) } as never);
const good = { category: "park", organization: "沿滩高新区管委会", position: "主任" };

describe.each(testEngines())("registration API on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await createTestDb(engine, { maxConnections: 20 });
    await seedIfEmpty(h.db);
    useAppDb(h);
  });
  afterAll(() => h?.close());

  it("POST: a body over the JSON size limit is refused with 413 before anything is written", async () => {
    const e = await makeOpenForum(h.db, { capacity: 5 });
    const u = await makeUser(h.db);
    const huge = await asActor(u, () => post(e.slug, { ...good, needs: "x".repeat(5 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    expect((await huge.json()).error).toMatch(/too large/);
    const rows = await h.query<{ n: number }>("select count(*)::int as n from registrations where event_id = $1", [e.id]);
    expect(rows[0].n).toBe(0);
  });

  it("POST: 201 with ticket, 409 twice, 422 invalid, 401 anonymous, 403 closed, 404 unknown", async () => {
    const e = await makeOpenForum(h.db, { capacity: 1 });
    const [a, b] = [await makeUser(h.db), await makeUser(h.db)];
    expect((await asActor(null, () => post(e.slug, good))).status).toBe(401);
    const created = await asActor(a, () => post(e.slug, good));
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body).toMatchObject({ status: "confirmed" });
    expect(body.ticketCode).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const twice = await asActor(a, () => post(e.slug, good));
    expect(twice.status).toBe(409);
    expect((await twice.json()).error).toBe("You are already registered for this forum.");
    const zh = await asActor(a, () => post(e.slug, good), "zh-CN,zh;q=0.9");
    expect((await zh.json()).error).toBe("您已报名该论坛，无需重复报名。");
    const waitlisted = await asActor(b, () => post(e.slug, good));
    expect(await waitlisted.json()).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });

    const c = await makeUser(h.db);
    const bad = await asActor(c, () => post(e.slug, { ...good, organization: "x".repeat(5000), category: "spy" }));
    expect(bad.status).toBe(422);
    expect((await bad.json()).fieldErrors).toEqual({ category: ["Choose a delegate category"], organization: ["At most 200 characters"] });
    // malformed JSON is 400 on every route (one body reader, lib/http/json-body.ts; issue 12 item 12)
    expect((await asActor(c, () => post(e.slug, "{not json"))).status).toBe(400);
    expect((await asActor(c, () => post(e.slug, '{"organization":"a\\u0000b"}'))).status).toBe(422); // NUL never reaches Postgres
    const other = await makeOpenForum(h.db, { withSiteVisit: true });
    const foreignBus = await makeBus(h.db, e.id, 10);
    const forged = await asActor(c, () => post(other.slug, { ...good, siteVisit: true, groupId: foreignBus.id }));
    expect(forged.status).toBe(422);
    expect((await forged.json()).fieldErrors).toEqual({ groupId: ["That bus does not exist."] });

    const closed = await asActor(c, () => post(YANTAN_SLUG, good)); // the seeded 2025 forum: its window has closed
    expect(closed.status).toBe(403);
    expect((await asActor(c, () => post("no-such-forum", good))).status).toBe(404);
    const drafts = await makeOpenForum(h.db, { status: "draft" });
    expect((await asActor(c, () => post(drafts.slug, good))).status).toBe(404);
    expect(await h.db.select().from(registrations).where(eq(registrations.userId, c.id))).toHaveLength(0);
  });

  it("script in text fields is stored and returned as plain text", async () => {
    const e = await makeOpenForum(h.db);
    const u = await makeUser(h.db);
    const xss = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    expect((await asActor(u, () => post(e.slug, { ...good, organization: xss, needs: xss }))).status).toBe(201);
    const list = await (await asActor(u, () => MINE(new Request("http://x/api/v1/me/registrations")))).json();
    expect(list.registrations[0]).toMatchObject({ organization: xss, needs: xss });
  });

  it("GET /me/registrations and DELETE: own only (someone else's id → 404), cancellation promotes the waitlist", async () => {
    const e = await makeOpenForum(h.db, { capacity: 1 });
    const [a, b, mallory] = [await makeUser(h.db), await makeUser(h.db), await makeUser(h.db)];
    const ra = await (await asActor(a, () => post(e.slug, good))).json();
    const rb = await (await asActor(b, () => post(e.slug, good))).json();
    expect((await asActor(null, () => MINE(new Request("http://x/api/v1/me/registrations")))).status).toBe(401);
    const mine = await (await asActor(b, () => MINE(new Request("http://x/api/v1/me/registrations")))).json();
    expect(mine.registrations).toHaveLength(1);
    expect(mine.registrations[0]).toMatchObject({ id: rb.id, status: "waitlisted", waitlistPosition: 1, event: { slug: e.slug } });
    expect(mine.registrations[0].ticketCode).toBeUndefined();

    expect((await asActor(mallory, () => del(ra.id))).status).toBe(404);
    expect((await asActor(mallory, () => del("../../etc"))).status).toBe(404);
    expect((await asActor(null, () => del(ra.id))).status).toBe(401);
    const cancelled = await asActor(a, () => del(ra.id));
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toEqual({ id: ra.id, status: "cancelled", promoted: 1 });
    expect((await asActor(a, () => del(ra.id))).status).toBe(409);
    const after = await (await asActor(b, () => MINE(new Request("http://x/api/v1/me/registrations")))).json();
    expect(after.registrations[0]).toMatchObject({ status: "confirmed" });
    expect(after.registrations[0].ticketCode).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("a rush over HTTP: 60 people, 40 seats → 40 × 201 confirmed, 20 × 201 waitlisted, no 5xx", async () => {
    const e = await makeOpenForum(h.db, { capacity: 40 });
    const people = await Promise.all(Array.from({ length: 60 }, () => makeUser(h.db)));
    const res = await Promise.all(people.map((p) => asActor(p, () => post(e.slug, good))));
    expect(res.map((r) => r.status)).toEqual(Array(60).fill(201));
    const bodies = await Promise.all(res.map((r) => r.json()));
    expect(bodies.filter((b) => b.status === "confirmed")).toHaveLength(40);
    expect(bodies.filter((b) => b.status === "waitlisted").map((b) => b.waitlistPosition).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it("agenda.ics of the Yantan forum: valid iCalendar, one VEVENT per session, UTC times, CRLF, folded lines", async () => {
    const res = await asActor(null, () => AGENDA_ICS(new Request(`http://x/api/v1/events/${YANTAN_SLUG}/agenda.ics`), { params: Promise.resolve({ slug: YANTAN_SLUG }) } as never), "zh-CN");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const text = await res.text();
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/); // every line break is CRLF
    for (const line of text.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const props = parseIcs(text);
    const [yantan] = await h.db.select().from(events).where(eq(events.slug, YANTAN_SLUG));
    const sessions = await h.db.select().from(agendaSessions).where(eq(agendaSessions.eventId, yantan.id));
    expect(props.filter((p) => p.name === "BEGIN" && p.value === "VEVENT")).toHaveLength(sessions.length);
    expect(props.filter((p) => p.name === "END" && p.value === "VEVENT")).toHaveLength(sessions.length);
    expect(props.find((p) => p.name === "VERSION")?.value).toBe("2.0");
    expect(props.find((p) => p.name === "PRODID")).toBeTruthy();
    const starts = props.filter((p) => p.name === "DTSTART").map((p) => p.value);
    expect(starts.every((s) => /^\d{8}T\d{6}Z$/.test(s))).toBe(true);
    expect(starts).toContain("20250905T010000Z"); // 09:00 in Asia/Shanghai: the site visit
    expect(props.filter((p) => p.name === "UID").map((p) => p.value).sort()).toEqual(sessions.map((s) => `${s.id}@huiwu`).sort());
    expect(props.some((p) => p.name === "SUMMARY" && p.value.includes("现场考察"))).toBe(true);
    expect((await AGENDA_ICS(new Request("http://x"), { params: Promise.resolve({ slug: "nope" }) } as never)).status).toBe(404);
  });

  it("personal feed: marked sessions plus the joined site visit, by secret token; unknown token 404", async () => {
    const e = await makeOpenForum(h.db, { withSiteVisit: true });
    const [keynote] = await h.db
      .insert(agendaSessions)
      .values({ eventId: e.id, kind: "keynote", title: "主题演讲, 含逗号; 分号", startsAt: new Date(e.startsAt.getTime() + 5 * 3600_000), endsAt: new Date(e.startsAt.getTime() + 6 * 3600_000) })
      .returning();
    const [other] = await h.db
      .insert(agendaSessions)
      .values({ eventId: e.id, kind: "exchange", title: "未选的环节", startsAt: keynote.endsAt, endsAt: new Date(keynote.endsAt.getTime() + 3600_000) })
      .returning();
    const u = await makeUser(h.db);
    expect((await asActor(u, () => post(e.slug, { ...good, siteVisit: true }))).status).toBe(201);
    // a new registration starts with every session on the personal agenda: take one off, keep the keynote
    await selectSession(h.db, u, { sessionId: other.id, selected: false });
    await selectSession(h.db, u, { sessionId: keynote.id, selected: true });
    const token = await calendarFeedToken(h.db, u.id);
    expect(await calendarFeedToken(h.db, u.id)).toBe(token);
    expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16);
    const res = await FEED(new Request("http://x"), { params: Promise.resolve({ file: `${token}.ics` }) } as never);
    expect(res.status).toBe(200);
    const props = parseIcs(await res.text());
    const summaries = props.filter((p) => p.name === "SUMMARY").map((p) => p.value);
    expect(summaries).toHaveLength(2);
    expect(summaries.some((s) => s.startsWith("现场考察"))).toBe(true);
    expect(summaries.some((s) => s.startsWith("主题演讲\\, 含逗号\\; 分号"))).toBe(true); // RFC 5545 escaping
    expect((await FEED(new Request("http://x"), { params: Promise.resolve({ file: "x".repeat(32) + ".ics" }) } as never)).status).toBe(404);
  });
});
