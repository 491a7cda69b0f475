/** The seed: demo accounts + the Yantan forum exactly as the reference article tells it (DESIGN §1, §6). */
import { and, asc, count, eq, inArray, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import {
  agendaSessions,
  buses,
  checkins,
  delegates,
  delegations,
  eventOrganizations,
  events,
  eventStaff,
  organizations,
  people,
  personPositions,
  registrations,
  reportFigures,
  reportRevisions,
  reports,
  reportSections,
  sessionSpeakers,
  siteVisitStops,
  users,
} from "@/db/schema";
import { DEMO_ACCOUNTS, DEMO_FORUM_SLUG, demoForumLinks, seedIfEmpty, YANTAN_SLUG } from "@/db/seed";
import { verifyPassword } from "@/lib/auth/password";
import { roomGuests } from "@/lib/delegations/hotels";
import { delegationsOf, duplicatePhones, replyView } from "@/lib/delegations/queries";
import { rosterOf } from "@/lib/delegations/roster";
import { seatsTaken } from "@/lib/delegations/seats";
import { registrationGate } from "@/lib/registrations/commands";
import { eventAvailability, myRegistrations, nextRegistration } from "@/lib/registrations/queries";
import { sessionChoiceGroups } from "@/lib/registrations/session-choices";
import { createTestDb, testEngines } from "../fixtures/db";

const hhmm = (d: Date) => d.toLocaleTimeString("en-GB", { timeZone: "Asia/Shanghai", hour: "2-digit", minute: "2-digit", hour12: false });
const ymd = (d: Date) => d.toLocaleDateString("en-CA", { timeZone: "Asia/Shanghai" });

describe.each(testEngines())("seedIfEmpty on %s", (engine) => {
  let h: DbHandle;
  let eventId: string;

  beforeAll(async () => {
    h = await createTestDb(engine);
    const result = await seedIfEmpty(h.db);
    expect(result).toEqual({ seeded: true, slug: YANTAN_SLUG, demoSlug: DEMO_FORUM_SLUG });
    const [e] = await h.db.select({ id: events.id }).from(events).where(eq(events.slug, YANTAN_SLUG));
    eventId = e.id;
  });
  afterAll(() => h?.close());

  it("seeds the forum on 5 September 2025 in Yantan, published, full at 206 seats, registration closed before", async () => {
    const [e] = await h.db.select().from(events).where(eq(events.id, eventId));
    expect(YANTAN_SLUG).toBe("yantan-industrial-parks-2025");
    expect(e.title).toBe("产业园区赋能县域经济高质量发展座谈会");
    expect(e.titleEn).toMatch(/Industrial Parks/);
    expect(e.timezone).toBe("Asia/Shanghai");
    expect(e.startsAt.toISOString()).toBe(new Date("2025-09-05T09:00:00+08:00").toISOString());
    expect(e.endsAt.toISOString()).toBe(new Date("2025-09-05T17:30:00+08:00").toISOString());
    expect(e.city).toBe("自贡市沿滩区");
    expect(e.cityEn).toBe("Yantan District, Zigong");
    expect(e.venueName).toBe("沿滩高新技术产业园区");
    expect(e.summary).toContain("14.68平方公里");
    expect(e.summaryEn).toContain("14.68 km²");
    expect(e.audience).toBe("省直部门、园区负责人、专家学者、企业家");
    expect(e.status).toBe("published");
    expect(e.capacity).toBe(206);
    expect(e.registrationClosesAt!.getTime()).toBeLessThan(e.startsAt.getTime());
    expect(e.registrationOpensAt!.getTime()).toBeLessThan(e.registrationClosesAt!.getTime());
  });

  it("links the four co-hosts in the article's order", async () => {
    const rows = await h.db
      .select({ name: organizations.name, nameEn: organizations.nameEn, kind: organizations.kind, role: eventOrganizations.role, order: eventOrganizations.order })
      .from(eventOrganizations)
      .innerJoin(organizations, eq(organizations.id, eventOrganizations.organizationId))
      .where(eq(eventOrganizations.eventId, eventId))
      .orderBy(asc(eventOrganizations.order));
    expect(rows.map((r) => r.name)).toEqual(["四川省人民政府参事室", "自贡市人民政府", "四川新闻网传媒集团", "四川省县域经济学会"]);
    expect(rows.map((r) => r.kind)).toEqual(["government", "government", "media", "association"]);
    expect(rows.every((r) => r.role === "co_host" && r.nameEn)).toBe(true);
    expect(rows.map((r) => r.order)).toEqual([1, 2, 3, 4]);
  });

  it("has a morning site visit with four stops in order and four buses", async () => {
    const sessions = await h.db.select().from(agendaSessions).where(eq(agendaSessions.eventId, eventId)).orderBy(asc(agendaSessions.startsAt));
    expect(sessions.map((s) => s.kind)).toEqual(["site_visit", "report_release", "exchange", "keynote", "remarks"]);
    const visit = sessions[0];
    expect(visit.title).toBe("现场考察");
    expect([hhmm(visit.startsAt), hhmm(visit.endsAt)]).toEqual(["09:00", "12:00"]);
    expect(hhmm(sessions[1].startsAt)).toBe("14:30");
    expect(hhmm(sessions.at(-1)!.endsAt)).toBe("17:30");
    for (let i = 1; i < sessions.length; i++) expect(sessions[i].startsAt.getTime()).toBeGreaterThanOrEqual(sessions[i - 1].endsAt.getTime());

    const stops = await h.db.select().from(siteVisitStops).where(eq(siteVisitStops.sessionId, visit.id)).orderBy(asc(siteVisitStops.order));
    expect(stops.map((s) => s.name)).toEqual([
      "自贡食品产业园",
      "自贡川南新材料化工园区智慧管理中心和消防站",
      "凯盛(自贡)新能源有限公司",
      "中昊晨光(自贡)氟材料有限公司",
    ]);
    expect(stops.every((s) => s.nameEn && s.description && s.plannedArrival)).toBe(true);
    const arrivals = stops.map((s) => s.plannedArrival!.getTime());
    expect([...arrivals].sort((a, b) => a - b)).toEqual(arrivals);
    const food = stops[0].facts.map((f) => `${f.label}:${f.value}`);
    expect(food).toEqual(expect.arrayContaining(["签约企业:51户", "投产企业:30余户", "2027年总产值目标:≥30亿元", "主导产业:肉制品、调味品、预制菜"]));
    expect(stops[1].facts.map((f) => f.value)).toEqual(expect.arrayContaining(["12个功能模块", "全天候实时监控"]));
    expect(stops[2].description).toContain("光伏原片玻璃、钢化镀膜玻璃");

    const busRows = await h.db.select().from(buses).where(eq(buses.eventId, eventId)).orderBy(asc(buses.order));
    expect(busRows.map((b) => [b.name, b.seats])).toEqual([
      ["1号车", 45],
      ["2号车", 45],
      ["3号车", 45],
      ["4号车", 45],
    ]);
    expect(busRows.every((b) => b.sessionId === visit.id)).toBe(true);
  });

  it("has the eight named speakers, in order, with every position the article cites", async () => {
    const rows = await h.db
      .select({
        kind: agendaSessions.kind,
        sessionOrder: agendaSessions.order,
        order: sessionSpeakers.order,
        role: sessionSpeakers.role,
        topic: sessionSpeakers.topic,
        name: people.name,
        nameEn: people.nameEn,
        personId: people.id,
      })
      .from(sessionSpeakers)
      .innerJoin(agendaSessions, eq(agendaSessions.id, sessionSpeakers.sessionId))
      .innerJoin(people, eq(people.id, sessionSpeakers.personId))
      .where(eq(agendaSessions.eventId, eventId))
      .orderBy(asc(agendaSessions.order), asc(sessionSpeakers.order));
    expect(rows.map((r) => `${r.kind}:${r.name}`)).toEqual([
      "report_release:唐利民",
      "exchange:赵德本",
      "exchange:戴宇",
      "exchange:陈军",
      "keynote:范恒山",
      "keynote:李后强",
      "keynote:鲁荣东",
      "remarks:唐雄兴",
    ]);
    expect(rows[0].role).toBe("presenter");
    expect(rows[0].topic).toContain("产业园区赋能县域经济高质量发展自贡市沿滩区实践报告");
    expect(rows.every((r) => r.nameEn)).toBe(true);

    const positions = await h.db
      .select({ personId: personPositions.personId, organization: personPositions.organization, title: personPositions.title, titleEn: personPositions.titleEn, orgId: personPositions.organizationId })
      .from(personPositions)
      .where(inArray(personPositions.personId, rows.map((r) => r.personId)))
      .orderBy(asc(personPositions.personId), asc(personPositions.order));
    const cited = (name: string) =>
      positions.filter((p) => p.personId === rows.find((r) => r.name === name)!.personId).map((p) => `${p.organization} ${p.title}`);
    expect(cited("唐利民")).toEqual(["四川省县域经济学会 会长", "四川省委省政府决策咨询委员会 副主任", "四川省人民政府 原秘书长"]);
    expect(cited("赵德本")).toEqual(["自贡市沿滩区人民政府 区长"]);
    expect(cited("戴宇")).toEqual(["中共射洪市委 常委", "射洪市人民政府 常务副市长"]);
    expect(cited("陈军")).toEqual(["中共宣汉县委 副书记", "宣汉县人民政府 县长"]);
    expect(cited("范恒山")).toEqual(["国家低空经济融合创新研究中心专家指导委 主任"]);
    expect(cited("李后强")).toEqual(["四川省委省政府决策咨询委员会 副主任"]);
    expect(cited("鲁荣东")).toEqual(["四川省委省政府决策咨询委员会 委员"]);
    expect(cited("唐雄兴")).toEqual(["四川新传媒集团 党委副书记", "四川新传媒集团 副董事长", "四川新传媒集团 总经理"]);
    expect(positions.every((p) => p.titleEn && p.orgId)).toBe(true);
  });

  it("has ~200 fictional registrations, confirmed within capacity, buses never over their seats", async () => {
    const regs = await h.db.select().from(registrations).where(eq(registrations.eventId, eventId));
    const confirmed = regs.filter((r) => r.status === "confirmed");
    expect(regs.length).toBeGreaterThanOrEqual(200);
    expect(confirmed.length).toBeGreaterThanOrEqual(200);
    expect(confirmed.length).toBe(206); // a full forum: confirmed = capacity
    expect(regs.some((r) => r.status === "waitlisted")).toBe(true);
    expect(regs.some((r) => r.status === "cancelled")).toBe(true);
    expect(regs.every((r) => r.source === "seed" && r.notes === "演示数据 demo data")).toBe(true);
    expect(regs.every((r) => /^demo-\d{4}@example\.com$/.test(r.email!))).toBe(true);
    expect(regs.every((r) => r.ticketCode.length === 22 && /^[A-Za-z0-9_-]+$/.test(r.ticketCode))).toBe(true);
    expect(new Set(regs.map((r) => r.ticketCode)).size).toBe(regs.length);
    expect(new Set(regs.map((r) => r.fullName)).size).toBe(regs.length);
    expect(regs.some((r) => ["唐利民", "赵德本", "戴宇", "陈军", "范恒山", "李后强", "鲁荣东", "唐雄兴"].includes(r.fullName))).toBe(false);
    expect(new Set(regs.map((r) => r.category))).toEqual(new Set(["government", "park", "expert", "enterprise", "media", "other"]));
    expect(regs.every((r) => r.organization && r.position)).toBe(true);
    expect(confirmed.filter((r) => r.siteVisit).length).toBeGreaterThan(confirmed.length / 2);

    const [e] = await h.db.select().from(events).where(eq(events.id, eventId));
    for (const r of confirmed) {
      expect(r.confirmedAt!.getTime()).toBeGreaterThanOrEqual(e.registrationOpensAt!.getTime());
      expect(r.confirmedAt!.getTime()).toBeLessThanOrEqual(e.registrationClosesAt!.getTime());
    }
    const busRows = await h.db.select().from(buses).where(eq(buses.eventId, eventId));
    for (const b of busRows) {
      const riders = regs.filter((r) => r.busId === b.id);
      expect(riders.length).toBeLessThanOrEqual(b.seats);
      expect(riders.every((r) => r.status === "confirmed" && r.siteVisit)).toBe(true);
    }
    // every confirmed site-visit delegate has a seat on a bus
    expect(confirmed.filter((r) => r.siteVisit && !r.busId)).toEqual([]);
  });

  it("has check-ins on the day: site visit in the morning, symposium in the afternoon", async () => {
    const rows = await h.db
      .select({ registrationId: checkins.registrationId, segment: checkins.segment, at: checkins.checkedInAt, status: registrations.status, siteVisit: registrations.siteVisit })
      .from(checkins)
      .innerJoin(registrations, eq(registrations.id, checkins.registrationId))
      .where(eq(registrations.eventId, eventId));
    expect(new Set(rows.map((r) => r.registrationId)).size).toBe(180);
    expect(rows.every((r) => r.status === "confirmed" && ymd(r.at) === "2025-09-05")).toBe(true);
    for (const r of rows) {
      if (r.segment === "site_visit") {
        expect(r.siteVisit).toBe(true);
        expect(hhmm(r.at) < "12:00").toBe(true);
      } else {
        expect(r.segment).toBe("symposium");
        expect(hhmm(r.at) >= "12:00").toBe(true);
      }
    }
  });

  it("has the published report: the article's three sections, figures, byline, credit, tags, a first revision", async () => {
    const [r] = await h.db.select().from(reports).where(eq(reports.eventId, eventId));
    expect(r.slug).toBe("yantan-symposium-report-2025");
    expect(r.title).toBe("产业园区赋能县域经济高质量发展座谈会在自贡市沿滩区举行");
    expect(r.byline).toBe("川网传媒记者 邓柯");
    expect(r.photoCredit).toBe("图片由四川省县域经济学会提供");
    expect(r.tags).toEqual(["财经", "自贡市", "产业", "自贡", "省政府", "智慧", "省委", "射洪", "传媒", "全省", "集团"]);
    expect(r.status).toBe("published");
    expect(ymd(r.publishedAt!)).toBe("2025-09-06");
    // converted from the Markdown it was seeded in to the rich-text editor's HTML (db/legacy-reports.ts)
    expect(r.leadFormat).toBe("html");
    expect(r.lead.match(/<p>/g)).toHaveLength(2);
    expect(r.lead).toMatch(/^<p>9月5日,产业园区赋能县域经济高质量发展座谈会在自贡市沿滩区举行。/);
    expect(r.lead).toContain("共计200余人齐聚一堂");

    const sections = await h.db.select().from(reportSections).where(eq(reportSections.reportId, r.id)).orderBy(asc(reportSections.order));
    expect(sections.map((s) => s.heading)).toEqual(["一次好评满满的实地调研", "一份含金量十足的实践报告", "一次媒体推动的智慧赋能"]);
    expect(sections.map((s) => s.format)).toEqual(["html", "html", "html"]);
    expect(sections.map((s) => s.body.match(/<p>/g)?.length)).toEqual([7, 4, 4]);
    expect(sections[0].body).toContain("一个14.68平方公里的高新技术产业园区正遇水而兴、御风而行");
    expect(sections[0].body).toContain("管控平台由12个功能模块组成,能够全天候、无死角对园区和重点企业进行实时监控。");
    expect(sections[1].body).toContain("2024年营业收入246.23亿元,增速达20.56%,“一主两辅”产业格局成熟壮大");
    expect(sections[1].body).toContain("国家低空经济融合创新研究中心专家指导委主任范恒山");
    expect(sections[2].body).toContain("四川新传媒集团党委副书记、副董事长、总经理唐雄兴在会上表示");
    expect(sections[2].body).toMatch(/全力推动“数智\+应用场景”试点。<\/p>$/);

    const figures = await h.db.select().from(reportFigures).where(eq(reportFigures.reportId, r.id)).orderBy(asc(reportFigures.order));
    expect(figures.slice(0, 4).map((f) => [f.label, f.value, f.unit, f.change, f.period])).toEqual([
      ["2024年营业收入", "246.23", "亿元", "+20.56%", "2024"],
      ["技改投资", "13.42", "亿元", null, "2024"],
      ["新增发明专利授权", "26", "项", null, "2024"],
      ["技术合同成交额", "4.68", "亿元", null, "2024"],
    ]);

    const revisions = await h.db.select().from(reportRevisions).where(eq(reportRevisions.reportId, r.id));
    expect(revisions.map((v) => v.version)).toEqual([1]);
    expect(r.version).toBe(1);
    expect(revisions[0].snapshot).toMatchObject({ title: r.title, sections: expect.any(Array), figures: expect.any(Array) });
  });

  it("creates the demo accounts with argon2id hashes and grants organizer/staff on the forum", async () => {
    const rows = await h.db.select().from(users).orderBy(asc(users.email));
    expect(rows.map((u) => u.email).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
    for (const a of DEMO_ACCOUNTS) {
      const u = rows.find((x) => x.email === a.email)!;
      expect(a.password.length).toBeGreaterThanOrEqual(10);
      expect(u.siteRole).toBe(a.role === "admin" ? "admin" : "user");
      expect(u.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    }
    const admin = DEMO_ACCOUNTS.find((a) => a.role === "admin")!;
    expect(await verifyPassword(rows.find((u) => u.email === admin.email)!.passwordHash!, admin.password)).toBe(true);

    const staff = await h.db
      .select({ email: users.email, role: eventStaff.role })
      .from(eventStaff)
      .innerJoin(users, eq(users.id, eventStaff.userId))
      .where(eq(eventStaff.eventId, eventId))
      .orderBy(asc(users.email));
    expect(staff).toEqual([
      { email: "organizer@huiwu.demo", role: "organizer" },
      { email: "staff@huiwu.demo", role: "staff" },
    ]);
  });

  it("Yantan's invited units: the article's provincial departments and parks, most replied with seeded delegates, some never; all released at reply-by, the forum still exactly full", async () => {
    const units = await delegationsOf(h.db, eventId);
    expect(units.length).toBeGreaterThanOrEqual(20);
    // 省委省政府决咨委、省委政研室等十多个四川省直部门, in the organizer's order, then the parks
    expect(units.slice(0, 2).map((u) => u.organization)).toEqual(["四川省委省政府决策咨询委员会", "中共四川省委政策研究室"]);
    const provincial = units.filter((u) => /^(四川省|中共四川省委)/.test(u.organization));
    const parks = units.filter((u) => /(开发区|产业园区|高新区)管委会$/.test(u.organization));
    expect(provincial.length).toBeGreaterThan(10);
    expect(parks.length).toBeGreaterThan(10);
    expect(provincial.length + parks.length).toBe(units.length);
    const replied = units.filter((u) => u.status === "replied");
    const silent = units.filter((u) => u.status === "invited");
    expect(replied.length).toBeGreaterThan(silent.length);
    expect(silent.length).toBeGreaterThanOrEqual(2);
    expect(silent.every((u) => u.filled === 0 && u.remindedAt)).toBe(true);
    expect(replied.every((u) => u.filled >= 1 && u.filled <= u.quota)).toBe(true);
    expect(replied.some((u) => u.filled < u.quota)).toBe(true);
    expect(units.every((u) => u.releasedAt && u.replyBy < new Date("2025-09-05T00:00:00+08:00"))).toBe(true);
    expect(units.every((u) => /^139\d{8}$/.test(u.liaison.phone) && u.liaison.name.length >= 2)).toBe(true);
    expect(new Set(units.map((u) => u.liaison.name)).size).toBe(units.length);
    expect(await duplicatePhones(h.db, eventId)).toEqual([]);

    // the delegates are the seeded registrations of the same organization: nothing added, the forum stays full
    const rows = await h.db
      .select({ r: registrations, unit: organizations.name, rank: delegates.rank })
      .from(delegates)
      .innerJoin(registrations, eq(registrations.id, delegates.registrationId))
      .innerJoin(delegations, eq(delegations.id, delegates.delegationId))
      .innerJoin(organizations, eq(organizations.id, delegations.organizationId))
      .where(eq(delegations.eventId, eventId));
    expect(rows.length).toBe(replied.reduce((n, u) => n + u.filled, 0));
    expect(rows.every(({ r, unit }) => r.organization === unit && r.status === "confirmed" && r.source === "seed" && /^139\d{8}$/.test(r.phone ?? ""))).toBe(true);
    const [e] = await h.db.select().from(events).where(eq(events.id, eventId));
    expect(await seatsTaken(h.db, eventId)).toBe(e.capacity);
    const roster = await rosterOf(h.db, eventId);
    expect(roster[0].organization).toBe("四川省委省政府决策咨询委员会");
    expect(roster.reduce((n, u) => n + u.delegates.length, 0)).toBe(206);
    const travellers = rows.length - (await h.db.select({ id: delegates.id }).from(delegates).innerJoin(delegations, eq(delegations.id, delegates.delegationId)).where(and(eq(delegations.eventId, eventId), isNull(delegates.arrival)))).length;
    expect(travellers).toBeGreaterThan(rows.length / 2);
  });

  it("the upcoming demo forum: three weeks after the day of seeding, published, registration open, units still replying (reply-by ahead), rooms and buses, organizer and staff granted", async () => {
    const [e] = await h.db.select().from(events).where(eq(events.slug, DEMO_FORUM_SLUG));
    const today = ymd(new Date());
    const inDays = (Date.parse(ymd(e.startsAt)) - Date.parse(today)) / 86_400_000;
    expect(inDays).toBe(21);
    expect(hhmm(e.startsAt)).toBe("09:00");
    expect(e.status).toBe("published");
    expect(e.title).toContain("演示");
    expect(registrationGate(e).open).toBe(true);
    expect(e.delegationReplyBy!.getTime()).toBeGreaterThan(Date.now());
    expect(e.delegationReplyBy!.getTime()).toBeLessThan(e.startsAt.getTime());

    const units = await delegationsOf(h.db, e.id);
    expect(units.length).toBeGreaterThanOrEqual(10);
    expect(units.every((u) => u.replyBy > new Date() && !u.releasedAt && /^139\d{8}$/.test(u.liaison.phone))).toBe(true);
    const full = units.filter((u) => u.status === "replied" && u.filled === u.quota);
    const partial = units.filter((u) => u.status === "replied" && u.filled < u.quota);
    const waiting = units.filter((u) => u.status === "invited");
    expect([full.length > 0, partial.length > 0, waiting.length > 0]).toEqual([true, true, true]);

    // seats: Σ quota reserved + public registrations, with room left for the public
    const avail = await eventAvailability(h.db, e);
    expect(avail.gate).toBe("open");
    const publicRegs = await h.db.select().from(registrations).where(and(eq(registrations.eventId, e.id), inArray(registrations.source, ["seed", "self"])));
    expect(avail.taken).toBe(units.reduce((n, u) => n + u.quota, 0) + publicRegs.length);

    // the demo attendee holds a confirmed ticket to it, with a sub-forum chosen: "my ticket" opens at once
    const [attendee] = await h.db.select().from(users).where(eq(users.email, "attendee@huiwu.demo"));
    const mine = publicRegs.filter((r) => r.userId === attendee!.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ status: "confirmed", source: "self", email: "attendee@huiwu.demo", fullName: attendee!.name });
    expect(nextRegistration(await myRegistrations(h.db, attendee!.id))?.id).toBe(mine[0]!.id);
    expect(avail.left).toBeGreaterThan(100);

    // the delegates hold tickets; shared rooms never mix genders
    const delegateRegs = await h.db.select().from(registrations).where(and(eq(registrations.eventId, e.id), eq(registrations.source, "delegation")));
    expect(delegateRegs.length).toBe(units.reduce((n, u) => n + u.filled, 0));
    expect(delegateRegs.every((r) => r.status === "confirmed" && r.ticketCode.length >= 22)).toBe(true);
    const guests = await roomGuests(h.db, e.id);
    expect(guests.length).toBeGreaterThan(0);
    expect(guests.every((g) => g.blockId && g.room)).toBe(true);
    const rooms = new Map<string, Set<string | null>>();
    for (const g of guests) rooms.set(`${g.blockId}:${g.room}`, (rooms.get(`${g.blockId}:${g.room}`) ?? new Set()).add(g.gender));
    expect([...rooms.values()].every((s) => s.size === 1)).toBe(true);
    expect((await h.db.select().from(buses).where(eq(buses.eventId, e.id))).length).toBe(2);

    // two parallel sub-forums in their own rooms, chosen at registration, each with seats left
    const groups = await sessionChoiceGroups(h.db, e.id);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.map((s) => s.title)).toEqual(["分论坛一：县域园区协同招商", "分论坛二：绿色低碳园区建设"]);
    expect(new Set(groups[0]!.map((s) => s.roomId)).size).toBe(2);
    expect(groups[0]!.every((s) => s.taken > 0 && s.capacity !== null && s.taken < s.capacity)).toBe(true);

    const staff = await h.db.select({ email: users.email, role: eventStaff.role }).from(eventStaff).innerJoin(users, eq(users.id, eventStaff.userId)).where(eq(eventStaff.eventId, e.id)).orderBy(asc(users.email));
    expect(staff).toEqual([
      { email: "organizer@huiwu.demo", role: "organizer" },
      { email: "staff@huiwu.demo", role: "staff" },
    ]);

    // start-up prints a liaison's link that opens an empty, open reply slip
    const links = (await demoForumLinks(h.db))!;
    expect(links.slug).toBe(DEMO_FORUM_SLUG);
    const view = await replyView(h.db, links.replyPath.split("/").pop()!);
    expect(view).toMatchObject({ open: true, organization: links.unit, delegates: [], draft: null });
  });

  it("is a no-op on a database that is not empty", async () => {
    const counts = async () => {
      const [u] = await h.db.select({ n: count() }).from(users);
      const [e] = await h.db.select({ n: count() }).from(events);
      const [r] = await h.db.select({ n: count() }).from(registrations);
      return [u.n, e.n, r.n];
    };
    const before = await counts();
    expect(await seedIfEmpty(h.db)).toEqual({ seeded: false });
    expect(await counts()).toEqual(before);
  });
});

describe.each(testEngines())("seedIfEmpty concurrency on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await createTestDb(engine);
  });
  afterAll(() => h?.close());

  it("seeds exactly once when two starts race", async () => {
    const results = await Promise.all([seedIfEmpty(h.db), seedIfEmpty(h.db)]);
    expect(results.filter((r) => r.seeded)).toHaveLength(1);
    const [e] = await h.db.select({ n: sql<number>`count(*)::int` }).from(events);
    expect(e.n).toBe(2); // Yantan and the upcoming demo forum, once
  });

  it("never touches a database that has users but no events", async () => {
    const other = await createTestDb(engine);
    try {
      await other.db.insert(users).values({ name: "Someone", email: "someone@example.com" });
      expect(await seedIfEmpty(other.db)).toEqual({ seeded: false });
      const [e] = await other.db.select({ n: count() }).from(events);
      expect(e.n).toBe(0);
    } finally {
      await other.close();
    }
  });
});
