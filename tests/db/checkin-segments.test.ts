/** Check-in segments are named from the forum's own agenda, not fixed words (issue 13 §11). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { agendaSessions, events } from "@/db/schema";
import { segmentLabels } from "@/lib/checkin/queries";
import { createTestDb, testEngines } from "../fixtures/db";

describe.each(testEngines())("check-in segment labels on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await createTestDb(engine);
  });
  afterAll(() => h?.close());

  const forum = async (slug: string, timezone: string) =>
    (
      await h.db
        .insert(events)
        .values({ slug, title: slug, timezone, startsAt: new Date("2026-05-20T00:00:00Z"), endsAt: new Date("2026-05-20T12:00:00Z") })
        .returning()
    )[0]!.id;

  it("a forum with a site visit: the visit and the session after it, with their part of the day in the forum's zone", async () => {
    const id = await forum("seg-visit", "Asia/Shanghai");
    await h.db.insert(agendaSessions).values([
      { eventId: id, kind: "plenary", title: "开幕式", titleEn: "Opening", startsAt: new Date("2026-05-20T00:30:00Z"), endsAt: new Date("2026-05-20T01:00:00Z") },
      { eventId: id, kind: "site_visit", title: "园区考察", titleEn: "Park visit", startsAt: new Date("2026-05-20T01:00:00Z"), endsAt: new Date("2026-05-20T04:00:00Z") },
      { eventId: id, kind: "exchange", title: "经验交流会", titleEn: "Exchange", startsAt: new Date("2026-05-20T06:00:00Z"), endsAt: new Date("2026-05-20T09:00:00Z") },
    ]);
    expect(await segmentLabels(h.db, id, "zh-CN")).toEqual({ event: "全天", site_visit: "上午 · 园区考察", symposium: "下午 · 经验交流会" });
    expect(await segmentLabels(h.db, id, "en")).toEqual({ event: "Whole forum", site_visit: "Morning · Park visit", symposium: "Afternoon · Exchange" });
  });

  it("an afternoon visit in another zone reads as such; a forum without one checks in for the whole forum", async () => {
    const id = await forum("seg-berlin", "Europe/Berlin");
    await h.db.insert(agendaSessions).values([
      { eventId: id, kind: "keynote", title: "主旨演讲", startsAt: new Date("2026-05-20T07:00:00Z"), endsAt: new Date("2026-05-20T08:00:00Z") },
      { eventId: id, kind: "site_visit", title: "工厂参观", startsAt: new Date("2026-05-20T12:00:00Z"), endsAt: new Date("2026-05-20T15:00:00Z") },
    ]);
    // 12:00Z is 14:00 in Berlin; no session after the visit → the other session (09:00 Berlin)
    expect(await segmentLabels(h.db, id, "zh-CN")).toEqual({ event: "全天", site_visit: "下午 · 工厂参观", symposium: "上午 · 主旨演讲" });
    await h.db.insert(agendaSessions).values([
      { eventId: id, kind: "panel", title: "圆桌", startsAt: new Date("2026-05-20T15:00:00Z"), endsAt: new Date("2026-05-20T16:00:00Z") },
      { eventId: id, kind: "exchange", title: "交流", startsAt: new Date("2026-05-20T16:00:00Z"), endsAt: new Date("2026-05-20T17:00:00Z") },
    ]);
    expect((await segmentLabels(h.db, id, "zh-CN")).symposium).toBe("下午 · 会议"); // several sessions after the visit (17:00 Berlin)
    expect((await segmentLabels(h.db, id, "en")).symposium).toBe("Afternoon · Sessions");
    const plain = await forum("seg-plain", "Asia/Shanghai");
    expect(await segmentLabels(h.db, plain, "zh-CN")).toEqual({ event: "全天" });
  });
});
