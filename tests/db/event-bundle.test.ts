/** Bundle export → import → export round trip (issue 5 §7) on PGlite and Postgres, and malformed bundles writing nothing. */
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translateError } from "@/lib/i18n/errors";
import type { DbHandle } from "@/db/client";
import { agendaSessions, events, eventStaff, people, registrations } from "@/db/schema";
import { YANTAN_SLUG } from "@/db/seed";
import type { Actor } from "@/lib/auth/permissions";
import { cloneEvent, exportBundle, importBundle, type Bundle } from "@/lib/events/bundle";
import { DomainError } from "@/lib/actions/result";
import { testEngines } from "../fixtures/db";
import { seededDb } from "../fixtures/seeded";
import { useAppDb } from "../fixtures/app-db";

const withoutSlug = (b: Bundle) => ({ ...b, event: { ...b.event, slug: undefined } });

describe.each(testEngines())("forum bundles on %s", (engine) => {
  let h: DbHandle;
  let actor: Actor;
  let yantanId: string;

  beforeAll(async () => {
    ({ h, organizer: actor, yantanId } = await seededDb(engine));
  });
  afterAll(() => h?.close());

  const counts = async () => {
    const [[e], [s], [p], [r]] = await Promise.all([
      h.db.select({ n: count() }).from(events),
      h.db.select({ n: count() }).from(agendaSessions),
      h.db.select({ n: count() }).from(people),
      h.db.select({ n: count() }).from(registrations),
    ]);
    return { events: e.n, sessions: s.n, people: p.n, registrations: r.n };
  };

  it("exports the Yantan forum without personal data, with hosts, speakers' positions, stops and buses", async () => {
    const b = await exportBundle(h.db, yantanId);
    expect(b.format).toBe("huiwu.event-bundle");
    expect(b.event.startsAt).toBe("2025-09-05T09:00:00+08:00");
    expect(b.hosts.map((x) => x.organization.name)).toEqual(["四川省人民政府参事室", "自贡市人民政府", "四川新闻网传媒集团", "四川省县域经济学会"]);
    const visit = b.sessions.find((s) => s.kind === "site_visit")!;
    expect(visit.stops).toHaveLength(4);
    expect(b.buses.length).toBeGreaterThan(0);
    expect(b.buses.every((x) => x.session === visit.ref)).toBe(true);
    const tang = b.people.find((p) => p.name === "唐利民")!;
    expect(tang.positions).toHaveLength(3);
    expect(b.registrations).toBeUndefined();
    expect(JSON.stringify(b)).not.toMatch(/@example\.com|demo-0001/);
  });

  it("export → import → export is identical apart from the slug; the copy is a new draft with a unique slug", async () => {
    const first = await exportBundle(h.db, yantanId);
    const before = await counts();
    const created = await importBundle(h.db, actor, JSON.parse(JSON.stringify(first)));
    expect(created.slug).toBe(`${YANTAN_SLUG}-2`);
    const [row] = await h.db.select().from(events).where(eq(events.id, created.id));
    expect(row.status).toBe("draft");
    const [staff] = await h.db.select().from(eventStaff).where(eq(eventStaff.eventId, created.id));
    expect(staff).toMatchObject({ userId: actor.id, role: "organizer" });
    const second = await exportBundle(h.db, created.id);
    expect(second.event.slug).toBe(`${YANTAN_SLUG}-2`);
    expect(withoutSlug(second)).toEqual(withoutSlug(first));
    const after = await counts();
    expect(after.events).toBe(before.events + 1);
    expect(after.people).toBe(before.people); // the same people (same name and positions) are reused, not duplicated
    const again = await importBundle(h.db, actor, first);
    expect(again.slug).toBe(`${YANTAN_SLUG}-3`);
  });

  it("the round trip keeps what the read API shows: GET /api/v1/events/{slug} before = after (host order too)", async () => {
    useAppDb(h);
    const { GET } = await import("@/app/api/v1/events/[slug]/route");
    const read = async (slug: string) => {
      const res = await GET(new Request(`http://x/api/v1/events/${slug}`), { params: Promise.resolve({ slug }) } as never);
      expect(res.status).toBe(200);
      return res.json();
    };
    const before = await read(YANTAN_SLUG);
    const created = await importBundle(h.db, actor, await exportBundle(h.db, yantanId));
    await h.db.update(events).set({ status: before.status }).where(eq(events.id, created.id)); // imports are drafts; the read API shows public forums
    // new rows: new slug and session ids; reports are not part of a bundle
    const comparable = (e: { sessions: { id: string }[]; reports: unknown[] }) => ({ ...e, slug: undefined, reports: undefined, sessions: e.sessions.map((x) => ({ ...x, id: undefined })) });
    const after = await read(created.slug);
    expect(before.hosts.map((x: { order: number }) => x.order)).toEqual([1, 2, 3, 4]);
    expect(comparable(after)).toEqual(comparable(before));
  });

  it("with ?include=registrations the personal data round-trips too (new ticket codes)", async () => {
    const first = await exportBundle(h.db, yantanId, { includeRegistrations: true });
    expect(first.registrations!.length).toBeGreaterThan(150);
    const created = await importBundle(h.db, actor, first);
    const second = await exportBundle(h.db, created.id, { includeRegistrations: true });
    expect(withoutSlug(second)).toEqual(withoutSlug(first));
    const codes = await h.db.select({ code: registrations.ticketCode, eventId: registrations.eventId }).from(registrations);
    expect(new Set(codes.map((c) => c.code)).size).toBe(codes.length);
  });

  it("malformed bundles: a specific message, nothing written", async () => {
    const good = await exportBundle(h.db, yantanId);
    const before = await counts();
    const bad: [unknown, RegExp][] = [
      [[], /a bundle is a JSON object/],
      [{ ...good, format: "other" }, /format/],
      [{ ...good, event: { ...good.event, startsAt: "5 Sept" } }, /event\.startsAt/],
      [{ ...good, sessions: good.sessions.map((s, i) => (i === 1 ? { ...s, endsAt: s.startsAt } : s)) }, /sessions\.1\.endsAt: must be after startsAt/],
      [{ ...good, sessions: good.sessions.map((s) => ({ ...s, stops: s.stops.map((st) => ({ ...st, name: " " })) })) }, /stops\.0\.name: a stop needs a name/],
      [{ ...good, buses: good.buses.map((x) => ({ ...x, seats: 0 })) }, /buses\.0\.seats: a bus needs at least 1 seat/],
      [{ ...good, people: good.people.slice(1) }, /unknown person "p1"/],
    ];
    for (const [input, msg] of bad) {
      const err = await importBundle(h.db, actor, input).catch((e) => e);
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe("invalid");
      expect(translateError(err as DomainError, "en").error).toMatch(msg);
    }
    expect(await counts()).toEqual(before);
  });

  it("clone: a new identity (title zh/en, slug, first day); every time shifts by whole days; with people keeps the speakers, without only the structure", async () => {
    const src = await exportBundle(h.db, yantanId);
    const withPeople = await cloneEvent(h.db, actor, { sourceEventId: yantanId, startsOn: "2026-09-04", withPeople: true, title: "第二届座谈会", titleEn: "Second Symposium", slug: "yantan-2026" });
    expect(withPeople.slug).toBe("yantan-2026");
    const b1 = await exportBundle(h.db, withPeople.id);
    expect(b1.event.title).toBe("第二届座谈会");
    expect(b1.event.titleEn).toBe("Second Symposium");
    expect(b1.event.startsAt).toBe("2026-09-04T09:00:00+08:00");
    const shift = Date.parse(b1.event.startsAt) - Date.parse(src.event.startsAt);
    expect(shift % (24 * 3600 * 1000)).toBe(0);
    const moved = (s: string | null) => (s ? Date.parse(s) - shift : null);
    expect(b1.sessions.map((s) => [moved(s.startsAt), moved(s.endsAt)])).toEqual(src.sessions.map((s) => [Date.parse(s.startsAt), Date.parse(s.endsAt)]));
    expect(b1.sessions.flatMap((s) => s.stops.map((st) => moved(st.plannedArrival)))).toEqual(src.sessions.flatMap((s) => s.stops.map((st) => (st.plannedArrival ? Date.parse(st.plannedArrival) : null))));
    expect([moved(b1.registration.opensAt), moved(b1.registration.closesAt)]).toEqual([src.registration.opensAt && Date.parse(src.registration.opensAt), src.registration.closesAt && Date.parse(src.registration.closesAt)]);
    expect(b1.sessions.flatMap((s) => s.speakers)).toHaveLength(8);
    // without an English title or slug: none of the source's identity is carried over
    const bare = await cloneEvent(h.db, actor, { sourceEventId: yantanId, startsOn: "2027-03-01", withPeople: false, title: "春季座谈会", titleEn: null, slug: undefined });
    expect(bare.slug).not.toContain(src.event.slug ?? "yantan-industrial-parks-2025");
    const b2 = await exportBundle(h.db, bare.id);
    expect(b2.event.titleEn).toBeNull();
    expect(b2.sessions.flatMap((s) => s.speakers)).toHaveLength(0);
    expect(b2.sessions).toHaveLength(b1.sessions.length);
    expect(b2.sessions[0].stops).toHaveLength(4);
    // a taken slug is a field error, not a silent suffix
    const err = await cloneEvent(h.db, actor, { sourceEventId: yantanId, startsOn: "2027-03-01", withPeople: false, title: "重复", titleEn: null, slug: "yantan-2026" }).catch((e) => e);
    expect(err).toMatchObject({ code: "invalid", fieldErrors: { slug: ["admin.errors.slug_taken"] } });
  });
});
