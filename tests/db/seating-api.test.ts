/**
 * The seating API (issue 11 §API) and prints: PUT rostrum (organizer; 422 unknown/duplicate; 403 others), GET seating
 * (organizer or staff), table cards PDF carrying every rostrum name, the seat-map PDF carrying the rostrum order,
 * and the public event API's speaker ids and session rooms. Runs the route handlers against the seeded Yantan forum.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { agendaSessions, events, rooms, users } from "@/db/schema";
import { seedIfEmpty, YANTAN_SLUG } from "@/db/seed";
import { htmlToPdf } from "@/lib/printables/pdf";
import { seatingPrintHtml } from "@/lib/seating/prints";
import { useAppDb } from "../fixtures/app-db";
import { createTestDb, testEngines } from "../fixtures/db";
import { grantEventRole, makeUser } from "../fixtures/users";

vi.mock("@/lib/auth/actor", () => import("../fixtures/actor"));
const { asActor } = await import("../fixtures/actor");
const { PUT } = await import("@/app/api/v1/events/[slug]/seating/rostrum/route");
const { GET: SEATING } = await import("@/app/api/v1/events/[slug]/seating/route");
const { GET: CARDS } = await import("@/app/api/v1/events/[slug]/seating/table-cards.pdf/route");
const { GET: EVENT } = await import("@/app/api/v1/events/[slug]/route");

const ctx = (slug: string) => ({ params: Promise.resolve({ slug }) }) as never;
const put = (body: unknown) =>
  PUT(new Request(`http://x/api/v1/events/${YANTAN_SLUG}/seating/rostrum`, { method: "PUT", body: JSON.stringify(body), headers: { "content-type": "application/json" } }), ctx(YANTAN_SLUG));
const squash = (s: string) => s.replace(/\s+/g, "");

function pdfText(pdf: Buffer | Uint8Array): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "huiwu-seat-"));
  try {
    fs.writeFileSync(path.join(dir, "a.pdf"), pdf);
    return execFileSync("pdftotext", ["-enc", "UTF-8", path.join(dir, "a.pdf"), "-"]).toString("utf8");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(testEngines())("seating API on %s", (engine) => {
  let h: DbHandle;
  let organizerId: string;
  let staffId: string;
  let attendeeId: string;
  let speakers: { id: string; name: string }[];
  let eventId: string;

  beforeAll(async () => {
    h = await createTestDb(engine);
    await seedIfEmpty(h.db);
    useAppDb(h);
    [{ id: organizerId }] = await h.db.select({ id: users.id }).from(users).where(eq(users.email, "organizer@huiwu.demo"));
    [{ id: eventId }] = await h.db.select({ id: events.id }).from(events).where(eq(events.slug, YANTAN_SLUG));
    staffId = (await makeUser(h.db)).id;
    await grantEventRole(h.db, eventId, staffId, "staff");
    attendeeId = (await makeUser(h.db)).id;
    const detail = await (await EVENT(new Request(`http://x/api/v1/events/${YANTAN_SLUG}`), ctx(YANTAN_SLUG))).json();
    const seen = new Map<string, string>();
    for (const s of detail.sessions) for (const sp of s.speakers) seen.set(sp.id, sp.name);
    speakers = [...seen].map(([id, name]) => ({ id, name }));
  });
  afterAll(() => h?.close());

  it("public event API: speakers carry their person id, sessions their room", async () => {
    expect(speakers.length).toBeGreaterThanOrEqual(8);
    expect(speakers.map((s) => s.name)).toContain("范恒山");
    const [room] = await h.db.insert(rooms).values({ eventId, name: "沿滩区会议中心一号厅", capacity: 300, floor: "2F" }).returning();
    const [first] = await h.db.select().from(agendaSessions).where(eq(agendaSessions.eventId, eventId)).limit(1);
    await h.db.update(agendaSessions).set({ roomId: room!.id }).where(eq(agendaSessions.id, first!.id));
    const detail = await (await EVENT(new Request(`http://x/api/v1/events/${YANTAN_SLUG}`), ctx(YANTAN_SLUG))).json();
    const s = detail.sessions.find((x: { id: string }) => x.id === first!.id);
    expect(s.room).toMatchObject({ id: room!.id, name: "沿滩区会议中心一号厅", floor: "2F", capacity: 300 });
    expect(detail.sessions.filter((x: { room: unknown }) => x.room === null).length).toBe(detail.sessions.length - 1);
  });

  it("PUT rostrum: organizer gets the seats by the government rule; 422 unknown or duplicate; 403 staff and attendees, 401 anonymous", async () => {
    const five = speakers.slice(0, 5);
    const res = await asActor(organizerId, () => put({ convention: "government", rows: [{ people: five.map((s) => s.id) }] }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.convention).toBe("government");
    expect(body.rows).toHaveLength(1);
    // 5 people, from the audience's left: No.5 No.3 No.1 No.2 No.4
    expect(body.rows[0].seats.map((s: { seat: number; id: string }) => [s.seat, s.id])).toEqual([5, 3, 1, 2, 4].map((n, i) => [i + 1, five[n - 1]!.id]));
    expect(body.rows[0].seats[0]).toEqual({ seat: 1, id: five[4]!.id, name: five[4]!.name, rank: null });

    const dup = await asActor(organizerId, () => put({ convention: "government", rows: [{ people: [five[0]!.id] }, { people: [five[0]!.id] }] }));
    expect(dup.status).toBe(422);
    expect((await dup.json()).error).toContain(five[0]!.id);
    const unknown = await asActor(organizerId, () => put({ convention: "international", rows: [{ people: ["00000000-0000-4000-8000-000000000000"] }] }));
    expect(unknown.status).toBe(422);
    expect((await asActor(organizerId, () => put({ convention: "sideways", rows: [] }))).status).toBe(422);
    expect((await asActor(staffId, () => put({ convention: "government", rows: [{ people: [five[0]!.id] }] }))).status).toBe(403);
    expect((await asActor(attendeeId, () => put({ convention: "government", rows: [{ people: [five[0]!.id] }] }))).status).toBe(403);
    expect((await asActor(null, () => put({ convention: "government", rows: [{ people: [five[0]!.id] }] }))).status).toBe(401);

    // still the first plan: the refused calls changed nothing
    const seating = await asActor(staffId, () => SEATING(new Request(`http://x/api/v1/events/${YANTAN_SLUG}/seating`), ctx(YANTAN_SLUG)));
    expect(seating.status).toBe(200);
    const s = await seating.json();
    expect(s.rostrum.rows[0].seats.map((x: { name: string }) => x.name)).toEqual([5, 3, 1, 2, 4].map((n) => five[n - 1]!.name));
    expect(s.hall).toBeNull();
    expect(s.tables).toEqual([]);
    expect((await asActor(attendeeId, () => SEATING(new Request(`http://x/api/v1/events/${YANTAN_SLUG}/seating`), ctx(YANTAN_SLUG)))).status).toBe(403);
  });

  it("table cards PDF (staff): every rostrum name is in the text; the seat-map PDF carries the rostrum order", async () => {
    const eight = speakers.slice(0, 8);
    const r = await asActor(organizerId, () => put({ convention: "government", rows: [{ people: eight.slice(0, 5).map((s) => s.id) }, { people: eight.slice(5).map((s) => s.id) }] }));
    expect(r.status).toBe(200);
    const res = await asActor(staffId, () => CARDS(new Request(`http://x/api/v1/events/${YANTAN_SLUG}/seating/table-cards.pdf`), ctx(YANTAN_SLUG)));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = squash(pdfText(pdf)).replace(/\u3000/g, "");
    for (const s of eight) expect(text, s.name).toContain(squash(s.name));
    expect((await asActor(attendeeId, () => CARDS(new Request(`http://x/api/v1/events/${YANTAN_SLUG}/seating/table-cards.pdf`), ctx(YANTAN_SLUG)))).status).toBe(403);

    const [ev] = await h.db.select().from(events).where(eq(events.id, eventId));
    const map = await htmlToPdf(await seatingPrintHtml(h.db, ev!, { kind: "rostrum_map", paper: "a3", locale: "zh-CN", position: true, mark: true }));
    const lines = pdfText(map).replace(/\u3000/g, "");
    const front = [5, 3, 1, 2, 4].map((n) => eight[n - 1]!.name.replace(/\s/g, ""));
    const at = front.map((n) => squash(lines).indexOf(n));
    expect(at.every((i) => i >= 0), `front row names in ${lines}`).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at); // left to right as seen from the audience
  }, 120_000);
});
