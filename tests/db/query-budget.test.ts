/**
 * The hot commands' statements are counted too (issue 15): a check-in by ticket code is ONE statement (the bearer
 * token cached: tests/db/token-cache.test.ts), a registration six (seven when waitlisted) — lower these when you cut
 * more, never raise them without saying why in the commit.
 *
 * No N+1 on public pages: the reads behind the forum, agenda, speaker and report pages issue a fixed number of SQL
 * statements, whatever the size of the forum. Counted on a forum grown tenfold (50 sessions × 4 speakers × 3
 * positions, 40 stops) — the same budget as for the seeded one.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { agendaSessions, events, people, personPositions, sessionSpeakers, siteVisitStops } from "@/db/schema";
import { seedIfEmpty, YANTAN_SLUG } from "@/db/seed";
import { publicEventDetail, publicEventList } from "@/lib/events/queries";
import { speakerDetail, speakerDirectory } from "@/lib/people/queries";
import { eventAvailability } from "@/lib/registrations/queries";
import { publicReportDetail, publicReportList } from "@/lib/reports/queries";
import { registrations, users } from "@/db/schema";
import { checkIn } from "@/lib/checkin/commands";
import { registerForEvent } from "@/lib/registrations/commands";
import { createTestDb, testEngines } from "../fixtures/db";
import { makeDelegates, makeOpenForum, sampleInput } from "../fixtures/registration";

describe.each(testEngines())("queries per public page on %s", (engine) => {
  let h: DbHandle;
  let counting = false;
  let statements = 0;
  const count = async (fn: () => Promise<unknown>) => {
    statements = 0;
    counting = true;
    try {
      await fn();
    } finally {
      counting = false;
    }
    return statements;
  };

  beforeAll(async () => {
    h = await createTestDb(engine, { onQuery: () => counting && statements++ });
    await seedIfEmpty(h.db);
  });
  afterAll(() => h?.close());

  async function budgets(slug: string) {
    const [ev] = await h.db.select().from(events).where(eq(events.slug, slug));
    const detail = await publicEventDetail(h.db, slug);
    const speakerId = detail!.sessions.flatMap((s) => s.speakers)[0].person.id;
    return {
      list: await count(() => publicEventList(h.db)),
      forum: await count(async () => {
        await publicEventDetail(h.db, slug);
        await eventAvailability(h.db, ev);
      }),
      speakers: await count(() => speakerDirectory(h.db)),
      speaker: await count(() => speakerDetail(h.db, speakerId)),
      reports: await count(() => publicReportList(h.db)),
      report: await count(() => publicReportDetail(h.db, "yantan-symposium-report-2025")),
    };
  }

  it("a fixed number of statements, independent of the forum's size", async () => {
    const small = await budgets(YANTAN_SLUG);
    expect(small.forum).toBeLessThanOrEqual(2);
    expect(small.list).toBe(1);

    // grow the forum tenfold
    const [ev] = await h.db.select().from(events).where(eq(events.slug, YANTAN_SLUG));
    const base = ev.startsAt.getTime();
    for (let i = 0; i < 50; i++) {
      const [s] = await h.db
        .insert(agendaSessions)
        .values({ eventId: ev.id, kind: i === 0 ? "site_visit" : "panel", title: `环节${i}`, startsAt: new Date(base + i * 60_000), endsAt: new Date(base + i * 60_000 + 30_000), order: 100 + i })
        .returning();
      for (let k = 0; k < 4; k++) {
        const [p] = await h.db.insert(people).values({ name: `嘉宾${i}-${k}` }).returning();
        await h.db.insert(personPositions).values([0, 1, 2].map((o) => ({ personId: p.id, organization: `单位${o}`, title: `职务${o}`, order: o })));
        await h.db.insert(sessionSpeakers).values({ sessionId: s.id, personId: p.id, order: k });
      }
      if (i === 0) await h.db.insert(siteVisitStops).values(Array.from({ length: 40 }, (_, o) => ({ sessionId: s.id, order: o + 1, name: `考察点${o + 1}` })));
    }
    const large = await budgets(YANTAN_SLUG);
    expect((await publicEventDetail(h.db, YANTAN_SLUG))!.sessions.length).toBeGreaterThan(50);
    expect(large).toEqual(small);
  });

  it("hot commands: a check-in is one statement, a registration six (seven when waitlisted)", async () => {
    const ev = await makeOpenForum(h.db, { capacity: 1 });
    const [a, b] = await makeDelegates(h.db, 2);
    const confirmed = await count(() => registerForEvent(h.db, a, { eventSlug: ev.slug, data: sampleInput() }));
    const waitlisted = await count(() => registerForEvent(h.db, b, { eventSlug: ev.slug, data: sampleInput() }));
    expect(confirmed).toBe(6);
    expect(waitlisted).toBe(7);
    const [reg] = await h.db.select({ code: registrations.ticketCode }).from(registrations).where(eq(registrations.userId, a.id));
    const [staff] = await h.db.select().from(users).where(eq(users.id, a.id));
    const scan = await count(() => checkIn(h.db, { ...staff, siteRole: "admin" }, { ticketCode: reg.code, segment: "event" }));
    expect(scan).toBe(1);
  });
});
