/**
 * Issue 13 item 12: a speaker's photo is uploaded through a route (the guard first, the size limit while streaming)
 * and re-encoded by the report photos' pipeline (type by bytes, EXIF/GPS stripped, phone/desktop variants); who may
 * set it is who may edit the person (agenda.edit on every forum they speak at); /media serves it publicly while the
 * person speaks at a public forum, and the speaker's page shows it.
 */
import { eq, inArray } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { agendaSessions, events, media, mediaBlobs, people, sessionSpeakers, users } from "@/db/schema";
import { seedIfEmpty, YANTAN_SLUG } from "@/db/seed";
import type { Actor } from "@/lib/auth/permissions";
import { eventDetailJson } from "@/lib/events/serialize";
import { publicEventDetail } from "@/lib/events/queries";
import { speakerDetail, speakerDirectory } from "@/lib/people/queries";
import { useAppDb } from "../fixtures/app-db";
import { createTestDb, testEngines } from "../fixtures/db";

const who: { actor: Actor | null } = { actor: null };
vi.mock("@/lib/auth/actor", () => ({ currentActor: async () => who.actor }));

const { POST, DELETE } = await import("@/app/api/v1/events/[slug]/people/[personId]/photo/route");
const { GET: getMedia } = await import("@/app/media/[key]/route");

/** A 1600×1200 JPEG carrying EXIF (camera, GPS-like comment) that the pipeline must drop. */
async function photoWithExif() {
  return sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 40, g: 90, b: 160 } } })
    .jpeg()
    .withExif({ IFD0: { Make: "SecretCam", Copyright: "GPS 30.5N 104.0E" } })
    .toBuffer();
}

const upload = (slug: string, personId: string, body: BodyInit, headers: Record<string, string> = {}) =>
  POST(new Request(`http://x/api/v1/events/${slug}/people/${personId}/photo`, { method: "POST", body, headers: { "x-huiwu-upload": "1", "x-filename": encodeURIComponent("唐利民.jpg"), ...headers }, duplex: "half" } as RequestInit), {
    params: Promise.resolve({ slug, personId }),
  });
const remove = (slug: string, personId: string) =>
  DELETE(new Request(`http://x/api/v1/events/${slug}/people/${personId}/photo`, { method: "DELETE" }), { params: Promise.resolve({ slug, personId }) });
const fetchMedia = (key: string) => getMedia(new Request(`http://x/media/${key}`), { params: Promise.resolve({ key }) });

describe.each(testEngines())("speaker photos on %s", (engine) => {
  let h: DbHandle;
  let eventId: string;
  let personId: string;
  let organizer: Actor, staff: Actor, attendee: Actor;
  const as = (u: typeof users.$inferSelect): Actor => ({ id: u.id, siteRole: u.siteRole, name: u.name, email: u.email });

  beforeAll(async () => {
    h = await createTestDb(engine);
    await seedIfEmpty(h.db);
    useAppDb(h);
    [{ id: eventId }] = await h.db.select({ id: events.id }).from(events).where(eq(events.slug, YANTAN_SLUG));
    [{ id: personId }] = await h.db.select({ id: people.id }).from(people).where(eq(people.name, "唐利民"));
    const byEmail = async (e: string) => as((await h.db.select().from(users).where(eq(users.email, e)))[0]);
    organizer = await byEmail("organizer@huiwu.demo");
    staff = await byEmail("staff@huiwu.demo");
    attendee = await byEmail("attendee@huiwu.demo");
  });
  afterAll(() => h?.close());

  it("anonymous, attendee and staff are refused before the body is read; the person is unchanged", async () => {
    for (const [actor, status] of [
      [null, 401],
      [attendee, 403],
      [staff, 403],
    ] as const) {
      who.actor = actor;
      let pulled = 0;
      const body = new ReadableStream<Uint8Array>({ pull: (c) => void (pulled++, c.enqueue(new Uint8Array(1024))) }, { highWaterMark: 0 });
      expect((await upload(YANTAN_SLUG, personId, body)).status).toBe(status);
      expect(pulled).toBe(0);
      expect((await remove(YANTAN_SLUG, personId)).status).toBe(status);
    }
    expect((await h.db.select({ p: people.photoMediaId }).from(people).where(eq(people.id, personId)))[0].p).toBeNull();
  });

  it("the organizer uploads: re-encoded without EXIF, phone/desktop variants, served publicly, shown on the speaker pages and in the API", async () => {
    who.actor = organizer;
    const original = await photoWithExif();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const res = await upload(YANTAN_SLUG, personId, new Uint8Array(original), { "content-type": "application/octet-stream" });
    expect(res.status).toBe(201);
    const out = (await res.json()) as { key: string; url: string; width: number; height: number; mime: string };
    expect(out).toMatchObject({ url: `/media/${out.key}`, width: 1600, height: 1200, mime: "image/jpeg" });

    const [row] = await h.db.select().from(media).innerJoin(people, eq(people.photoMediaId, media.id)).where(eq(people.id, personId));
    expect(row.media.variants.map((v) => v.width)).toEqual([640, 1280]);
    expect(row.media.filename).toBe("唐利民.jpg");

    who.actor = null; // a public forum's speaker: anyone may fetch it, cached for a year
    const served = await fetchMedia(out.key);
    expect(served.status).toBe(200);
    expect(served.headers.get("cache-control")).toContain("immutable");
    const bytes = Buffer.from(await served.arrayBuffer());
    expect(bytes.equals(original)).toBe(false);
    const meta = await sharp(bytes).metadata();
    expect(meta.exif, "EXIF stripped by the re-encode").toBeUndefined();
    expect((await fetchMedia(`${out.key}.w640`)).status).toBe(200);

    const detail = await speakerDetail(h.db, personId);
    expect(detail?.person.photo).toMatchObject({ url: `/media/${out.key}.w640`, width: 640, height: 480 });
    const listed = (await speakerDirectory(h.db)).find((p) => p.id === personId);
    expect(listed?.photo?.url).toBe(`/media/${out.key}.w640`);
    const api = eventDetailJson((await publicEventDetail(h.db, YANTAN_SLUG))!);
    const sp = api.sessions.flatMap((s) => s.speakers).find((s) => s.id === personId)!;
    expect(sp).toMatchObject({ name: "唐利民", nameEn: "Tang Limin", photoUrl: `/media/${out.key}`, bioEn: expect.stringContaining("Practice Report") });
    expect(sp.bio).toContain("实践报告");
  });

  it("a draft forum's speaker photo is not public: anonymous 404, the organizer sees it", async () => {
    const [{ p }] = await h.db.select({ p: people.photoMediaId }).from(people).where(eq(people.id, personId));
    const [{ key }] = await h.db.select({ key: media.storageKey }).from(media).where(eq(media.id, p!));
    const [{ status }] = await h.db.select({ status: events.status }).from(events).where(eq(events.id, eventId));
    await h.db.update(events).set({ status: "draft" }).where(eq(events.id, eventId));
    try {
      who.actor = null;
      expect((await fetchMedia(key)).status).toBe(404);
      who.actor = staff;
      expect((await fetchMedia(key)).status).toBe(404);
      who.actor = organizer;
      const own = await fetchMedia(key);
      expect(own.status).toBe(200);
      expect(own.headers.get("cache-control")).toBe("private, no-store");
    } finally {
      await h.db.update(events).set({ status }).where(eq(events.id, eventId));
    }
  });

  it("a file that is not an image is refused (415) and the photo stays", async () => {
    who.actor = organizer;
    const [{ p: before }] = await h.db.select({ p: people.photoMediaId }).from(people).where(eq(people.id, personId));
    const res = await upload(YANTAN_SLUG, personId, "%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    expect(res.status).toBe(415);
    expect((await h.db.select({ p: people.photoMediaId }).from(people).where(eq(people.id, personId)))[0].p).toBe(before);
  });

  it("a person who does not speak at the forum is not found there", async () => {
    who.actor = organizer;
    const [stranger] = await h.db.insert(people).values({ name: "无关人员" }).returning({ id: people.id });
    expect((await upload(YANTAN_SLUG, stranger.id, new Uint8Array(await photoWithExif()))).status).toBe(404);
  });

  it("replacing deletes the previous photo's bytes; removing clears it and deletes the bytes", async () => {
    who.actor = organizer;
    const [{ p: first }] = await h.db.select({ p: people.photoMediaId }).from(people).where(eq(people.id, personId));
    const [{ key: firstKey }] = await h.db.select({ key: media.storageKey }).from(media).where(eq(media.id, first!));
    const png = await sharp({ create: { width: 300, height: 400, channels: 3, background: "#cc8844" } }).png().toBuffer();
    const res = await upload(YANTAN_SLUG, personId, new Uint8Array(png));
    expect(res.status).toBe(201);
    const second = (await res.json()) as { key: string; width: number; height: number };
    expect(second).toMatchObject({ width: 300, height: 400 });
    expect(await h.db.select().from(media).where(eq(media.id, first!))).toHaveLength(0);
    expect(await h.db.select({ k: mediaBlobs.key }).from(mediaBlobs).where(inArray(mediaBlobs.key, [firstKey, `${firstKey}.w640`, `${firstKey}.w1280`]))).toHaveLength(0);
    // a small photo has no variant: the page gets the main file and its own size
    expect((await speakerDetail(h.db, personId))?.person.photo).toEqual({ url: `/media/${second.key}`, width: 300, height: 400 });

    const gone = await remove(YANTAN_SLUG, personId);
    expect(gone.status).toBe(200);
    expect(await gone.json()).toEqual({ removed: true });
    expect((await h.db.select({ p: people.photoMediaId }).from(people).where(eq(people.id, personId)))[0].p).toBeNull();
    expect(await h.db.select({ k: mediaBlobs.key }).from(mediaBlobs).where(eq(mediaBlobs.key, second.key))).toHaveLength(0);
    expect((await fetchMedia(second.key)).status).toBe(404);
    expect(await (await remove(YANTAN_SLUG, personId)).json()).toEqual({ removed: false });
  });

  it("a person who also speaks at a forum the caller does not run is refused (403), as for editing their name", async () => {
    const [draft] = await h.db
      .insert(events)
      .values({ slug: "photo-other-forum", title: "别的论坛", startsAt: new Date("2026-10-01T01:00:00Z"), endsAt: new Date("2026-10-01T09:00:00Z"), timezone: "Asia/Shanghai", status: "draft" })
      .returning({ id: events.id });
    const [session] = await h.db
      .insert(agendaSessions)
      .values({ eventId: draft.id, title: "别的会", kind: "keynote", startsAt: new Date("2026-10-01T02:00:00Z"), endsAt: new Date("2026-10-01T03:00:00Z") })
      .returning({ id: agendaSessions.id });
    await h.db.insert(sessionSpeakers).values({ sessionId: session.id, personId, role: "speaker" });
    who.actor = organizer;
    const res = await upload(YANTAN_SLUG, personId, new Uint8Array(await photoWithExif()));
    expect(res.status).toBe(403);
    expect((await res.json()).error).toContain("别的论坛");
  });
});
