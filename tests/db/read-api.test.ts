/** The read API's contract, through the real route handlers, on PGlite and on Postgres. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { seedIfEmpty, YANTAN_SLUG } from "@/db/seed";
import { GET as listEvents } from "@/app/api/v1/events/route";
import { GET as eventDetail } from "@/app/api/v1/events/[slug]/route";
import { GET as health } from "@/app/api/health/route";
import { createTestDb, testEngines } from "../fixtures/db";
import { useAppDb } from "../fixtures/app-db";

const SPEAKERS: Record<string, string[]> = {
  唐利民: ["四川省县域经济学会", "四川省委省政府决策咨询委员会", "四川省人民政府"],
  赵德本: ["自贡市沿滩区人民政府"],
  戴宇: ["中共射洪市委", "射洪市人民政府"],
  陈军: ["中共宣汉县委", "宣汉县人民政府"],
  范恒山: ["国家低空经济融合创新研究中心专家指导委"],
  李后强: ["四川省委省政府决策咨询委员会"],
  鲁荣东: ["四川省委省政府决策咨询委员会"],
  唐雄兴: ["四川新传媒集团", "四川新传媒集团", "四川新传媒集团"],
};

describe.each(testEngines())("read API on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await createTestDb(engine);
    await seedIfEmpty(h.db);
    useAppDb(h);
  });
  afterAll(() => h?.close());

  const detail = async (slug: string) => eventDetail(new Request(`http://x/api/v1/events/${slug}`), { params: Promise.resolve({ slug }) });

  it("health names the engine", async () => {
    const res = await health();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, db: engine, cache: { enabled: expect.any(Boolean), entries: expect.any(Number), bytes: expect.any(Number) } });
  });

  it("lists the published Yantan forum with times in its zone", async () => {
    const body = await (await listEvents(new Request("http://x/api/v1/events"))).json();
    expect(body.events).toContainEqual(
      expect.objectContaining({
        slug: YANTAN_SLUG,
        title: "产业园区赋能县域经济高质量发展座谈会",
        startsAt: "2025-09-05T09:00:00+08:00",
        endsAt: "2025-09-05T17:30:00+08:00",
        timezone: "Asia/Shanghai",
        city: "自贡市沿滩区",
      }),
    );
  });

  it("returns the 4 co-hosts in order, the site visit with 4 stops, all 8 speakers with their positions", async () => {
    const res = await detail(YANTAN_SLUG);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    const e = await res.json();
    expect(e.hosts.map((x: { name: string; role: string; order: number }) => [x.name, x.role, x.order])).toEqual([
      ["四川省人民政府参事室", "co_host", 1],
      ["自贡市人民政府", "co_host", 2],
      ["四川新闻网传媒集团", "co_host", 3],
      ["四川省县域经济学会", "co_host", 4],
    ]);
    expect(e.venue.city).toBe("自贡市沿滩区");
    const visit = e.sessions.find((s: { kind: string }) => s.kind === "site_visit");
    expect(visit.stops.map((s: { order: number }) => s.order)).toEqual([1, 2, 3, 4]);
    expect(visit.stops[0].name).toBe("自贡食品产业园");
    const speakers = new Map<string, string[]>();
    for (const s of e.sessions) for (const sp of s.speakers) speakers.set(sp.name, sp.positions.map((p: { organization: string }) => p.organization));
    for (const [name, orgs] of Object.entries(SPEAKERS)) expect(speakers.get(name), name).toEqual(orgs);
    const kinds = e.sessions.map((s: { kind: string }) => s.kind);
    expect(kinds).toEqual(["site_visit", "report_release", "exchange", "keynote", "remarks"]);
    expect(e.reports).toEqual([{ slug: "yantan-symposium-report-2025", title: expect.stringContaining("座谈会"), publishedAt: expect.stringMatching(/^2025-09-06T.*\+08:00$/) }]);
  });

  it("404 JSON for unknown and for unpublished forums", async () => {
    const unknown = await detail("no-such-forum");
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error).toMatch(/no-such-forum/);
    const { events } = await import("@/db/schema");
    await h.db.insert(events).values({ slug: "secret-draft", title: "草稿", startsAt: new Date(), endsAt: new Date(), status: "draft" });
    expect((await detail("secret-draft")).status).toBe(404);
    const list = await (await listEvents(new Request("http://x/api/v1/events"))).json();
    expect(list.events.map((x: { slug: string }) => x.slug)).not.toContain("secret-draft");
  });
});
