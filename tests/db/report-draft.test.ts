/**
 * Issue 13 item 6: the auto-draft reads as news prose — a lede (date, place, co-hosts, who attended, what happened),
 * then who spoke on what, then attendance — derived from the forum's data, with no empty section, no "undefined"
 * and no raw ISO date. On the seeded Yantan forum and on a bare forum (no speakers, no registrations).
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { agendaSessions, events, reportSections, reports, users } from "@/db/schema";
import { seedIfEmpty, YANTAN_SLUG } from "@/db/seed";
import type { Actor } from "@/lib/auth/permissions";
import { createReportFromEvent } from "@/lib/reports/commands";
import { dateZh } from "@/lib/reports/draft";
import { htmlToText } from "@/lib/shared/report-html";
import { createTestDb, testEngines } from "../fixtures/db";

const BAD = [/undefined/, /null/, /NaN/, /\d{4}-\d{2}-\d{2}T/, /\[object/, /：\s*$/m, /，。/, /、、/];

describe("dateZh", () => {
  it("writes the day in the forum's zone, a range over several days", () => {
    // 2025-09-04T17:30Z is already 5 September in Shanghai
    expect(dateZh(new Date("2025-09-04T17:30:00Z"), new Date("2025-09-05T09:00:00Z"), "Asia/Shanghai")).toBe("9月5日");
    expect(dateZh(new Date("2025-09-04T17:30:00Z"), new Date("2025-09-05T09:00:00Z"), "Europe/Berlin")).toBe("9月4日至5日");
    expect(dateZh(new Date("2025-09-30T02:00:00Z"), new Date("2025-10-01T09:00:00Z"), "Asia/Shanghai")).toBe("9月30日至10月1日");
  });
});

describe.each(testEngines())("the auto-draft on %s", (engine) => {
  let h: DbHandle;
  let organizer: Actor;

  beforeAll(async () => {
    h = await createTestDb(engine);
    await seedIfEmpty(h.db);
    const [u] = await h.db.select().from(users).where(eq(users.email, "organizer@huiwu.demo"));
    organizer = { id: u.id, siteRole: u.siteRole, name: u.name, email: u.email };
  });
  afterAll(() => h?.close());

  async function draftOf(eventId: string) {
    const { id } = await createReportFromEvent(h.db, { ...organizer, siteRole: "admin" }, { eventId });
    const [r] = await h.db.select({ lead: reports.lead }).from(reports).where(eq(reports.id, id));
    const sections = await h.db.select().from(reportSections).where(eq(reportSections.reportId, id)).orderBy(reportSections.order);
    // stored as sanitized HTML (the rich-text editor's format): the prose is checked as the text a reader sees
    return { lead: htmlToText(r.lead), leadHtml: r.lead, sections: sections.map((x) => ({ ...x, html: x.body, body: htmlToText(x.body) })) };
  }
  const clean = (text: string) => {
    for (const re of BAD) expect(text, `${re}`).not.toMatch(re);
  };

  it("the seeded forum: the lede in the article's style, then each session's speakers with their posts, then attendance", async () => {
    const [ev] = await h.db.select().from(events).where(eq(events.slug, YANTAN_SLUG));
    const { lead, sections } = await draftOf(ev.id);
    console.log(`\n${lead}\n\n${sections.map((s) => `## ${s.heading}\n${s.body}`).join("\n\n")}`);
    // date in the forum's zone, place, hosts in their order, who attended, what happened
    expect(lead).toMatch(/^9月5日，产业园区赋能县域经济高质量发展座谈会在[^。]*沿滩[^。]*举行。/);
    expect(lead).toContain("本次会议由四川省人民政府参事室、自贡市人民政府、四川新闻网传媒集团与四川省县域经济学会联合主办");
    expect(lead).toMatch(/四川省县域经济学会会长[^，。]*唐利民/);
    expect(lead).toMatch(/出席会议，与会代表共\d+人。/);
    expect(lead).toMatch(/会议安排了现场考察、[^。]*等环节。/);
    clean(lead);

    expect(sections.map((s) => s.generated)).toEqual(["program", "attendance"]);
    for (const s of sections) {
      expect(s.heading.trim()).not.toBe("");
      expect(s.body.trim()).not.toBe("");
      clean(s.body);
    }
    const [program, attendance] = sections;
    expect(program.body).toMatch(/^上午，与会代表实地考察了自贡食品产业园、/);
    expect(program.body).toContain("唐利民发布了《产业园区赋能县域经济高质量发展自贡市沿滩区实践报告》");
    expect(program.body).toMatch(/自贡市沿滩区人民政府区长赵德本，[^。]*陈军分别作经验交流发言/);
    expect(program.body).toContain("四川新传媒集团党委副书记、副董事长、总经理唐雄兴");
    for (const name of ["戴宇", "陈军", "范恒山", "李后强", "鲁荣东", "唐雄兴"]) expect(program.body).toContain(name);
    // the order of the article: site visit, report release, exchange, keynotes
    const at = (x: string) => program.body.indexOf(x);
    expect(at("自贡食品产业园")).toBeLessThan(at("唐利民"));
    expect(at("唐利民")).toBeLessThan(at("赵德本"));
    expect(attendance.body).toMatch(/^与会代表来自[^。]+等方面。本次会议确认报名 \d+ 人，签到出席 \d+ 人/);
    expect(attendance.html).toMatch(/确认报名 <strong>\d+<\/strong> 人/);
    expect(attendance.html).toMatch(/<table>[\s\S]*<strong>合计<\/strong>[\s\S]*<\/table>/);
  });

  it("a bare forum (no hosts, venue, speakers or registrations): a one-sentence lede and no sections at all", async () => {
    const [ev] = await h.db
      .insert(events)
      .values({ slug: "bare-forum-draft", title: "空白论坛", startsAt: new Date("2026-03-01T01:00:00Z"), endsAt: new Date("2026-03-01T08:00:00Z"), timezone: "Asia/Shanghai", status: "draft" })
      .returning({ id: events.id });
    const bare = await draftOf(ev.id);
    expect(bare.lead).toBe("3月1日，空白论坛举行。");
    expect(bare.sections).toEqual([]);

    // a session with no speakers and only a meal: still nothing empty
    await h.db.insert(agendaSessions).values([
      { eventId: ev.id, title: "午餐", kind: "meal", startsAt: new Date("2026-03-01T04:00:00Z"), endsAt: new Date("2026-03-01T05:00:00Z") },
      { eventId: ev.id, title: "开幕式", kind: "ceremony", startsAt: new Date("2026-03-01T01:00:00Z"), endsAt: new Date("2026-03-01T02:00:00Z") },
    ]);
    await h.db.update(events).set({ city: "自贡市", venueName: "自贡市会展中心" }).where(eq(events.id, ev.id));
    const withAgenda = await draftOf(ev.id);
    expect(withAgenda.lead).toBe("3月1日，空白论坛在自贡市会展中心举行。会议安排了仪式环节。");
    expect(withAgenda.sections.map((s) => [s.generated, s.body])).toEqual([["program", "上午，举行了开幕式。"]]);
    clean(withAgenda.lead);
  });
});
