/**
 * The upcoming demo forum (issue 10 §8): a fictional forum three weeks after the day the database is seeded, so a
 * newcomer can try every flow on the day they install — public registration is open, invited units (受邀单位) are
 * mid-way through their replies (some replied in full, some in part, one saved a draft, the rest not yet), a hotel
 * has room blocks, and the site visit has buses. Every date is computed from `now`; every person and liaison is
 * fictional. The title says 演示 (demo) so nobody mistakes it for a real meeting.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../client";
import {
  agendaSessions,
  buses,
  delegates,
  delegations,
  eventOrganizations,
  events,
  hotels,
  organizations,
  registrations,
  registrationSessions,
  roomAssignments,
  roomBlocks,
  rooms as venueRooms,
  siteVisitStops,
  type TravelLeg,
} from "../schema";
import { journey, organizationIds, rankOfPosition, wantsSingle } from "./delegations";
import { mobileMaker, nameMaker, pickOf, prng, replyToken, ticketCode } from "./fictional";

export const DEMO_FORUM_SLUG = "county-parks-demo-forum";
/** Days from the seeding day to the forum. */
export const DEMO_FORUM_IN_DAYS = 21;

const DAY = 86_400_000;
/** The calendar day of `d` in Asia/Shanghai (UTC+8, no daylight saving). */
const shanghaiDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);

const HALL = "沿滩高新区会议中心";
const HALL_EN = "Yantan High-tech Zone Conference Center";

type Kind = (typeof agendaSessions.$inferInsert)["kind"];
type RoomKey = "main" | "one" | "two";
/** The venue's rooms: the plenary hall and two meeting rooms where the parallel sub-forums (分论坛) run. */
const ROOMS: Record<RoomKey, { name: string; nameEn: string; capacity: number; floor: string; layout: "rostrum_hall" | "classroom" | "round_tables" }> = {
  main: { name: "主会场（多功能厅）", nameEn: "Main hall (multi-function hall)", capacity: 260, floor: "1F", layout: "rostrum_hall" },
  one: { name: "第一会议室", nameEn: "Meeting room 1", capacity: 60, floor: "2F", layout: "classroom" },
  two: { name: "第二会议室", nameEn: "Meeting room 2", capacity: 40, floor: "2F", layout: "round_tables" },
};
const SESSIONS: { kind: Kind; title: string; titleEn: string; description: string; descriptionEn: string; starts: string; ends: string; location: string; locationEn: string; room?: RoomKey }[] = [
  {
    kind: "site_visit",
    title: "园区现场观摩",
    titleEn: "Park site visit",
    description: "乘车观摩沿滩高新技术产业园区的食品产业园和化工园区智慧管理中心。",
    descriptionEn: "By bus to the food industrial park and the chemical park's smart management center in the Yantan High-tech Industrial Park.",
    starts: "09:00",
    ends: "11:30",
    location: "沿滩高新技术产业园区",
    locationEn: "Yantan High-tech Industrial Park",
  },
  { kind: "meal", title: "工作午餐", titleEn: "Working lunch", description: "", descriptionEn: "", starts: "12:00", ends: "13:30", location: HALL, locationEn: HALL_EN },
  {
    kind: "plenary",
    title: "开幕致辞",
    titleEn: "Opening remarks",
    description: "主办单位负责同志致辞。",
    descriptionEn: "Remarks by the co-hosts.",
    starts: "14:00",
    ends: "14:20",
    location: HALL,
    locationEn: HALL_EN,
    room: "main",
  },
  {
    kind: "exchange",
    title: "园区经验交流",
    titleEn: "Experience exchange of the parks",
    description: "各受邀园区围绕链式招商、绿色转型、智慧园区建设交流做法。",
    descriptionEn: "The invited parks on chain-based investment promotion, green transition and smart parks.",
    starts: "14:20",
    ends: "15:40",
    location: HALL,
    locationEn: HALL_EN,
    room: "main",
  },
  {
    kind: "panel",
    title: "分论坛一：县域园区协同招商",
    titleEn: "Sub-forum 1: joint investment promotion of county parks",
    description: "省直部门、园区和企业代表围绕链式招商、飞地园区对话。",
    descriptionEn: "Provincial departments, parks and companies on chain-based promotion and enclave parks.",
    starts: "15:50",
    ends: "16:50",
    location: HALL,
    locationEn: HALL_EN,
    room: "one",
  },
  {
    kind: "exchange",
    title: "分论坛二：绿色低碳园区建设",
    titleEn: "Sub-forum 2: green and low-carbon parks",
    description: "化工、新材料园区交流循环化改造和智慧安全监管做法。",
    descriptionEn: "Chemical and new-material parks on circular retrofits and smart safety supervision.",
    starts: "15:50",
    ends: "16:50",
    location: HALL,
    locationEn: HALL_EN,
    room: "two",
  },
  {
    kind: "remarks",
    title: "总结讲话",
    titleEn: "Closing remarks",
    description: "",
    descriptionEn: "",
    starts: "17:00",
    ends: "17:30",
    location: HALL,
    locationEn: HALL_EN,
    room: "main",
  },
];

type UnitState = "full" | "partial" | "draft" | "invited";
type OrgKind = "government" | "park";
/** The invited units in the organizer's order, each with its quota and how far its reply is. */
const UNITS: { name: string; kind: OrgKind; quota: number; state: UnitState; filled?: number; local?: true }[] = [
  { name: "四川省发展和改革委员会", kind: "government", quota: 4, state: "full" },
  { name: "四川省经济和信息化厅", kind: "government", quota: 4, state: "full" },
  { name: "四川省科学技术厅", kind: "government", quota: 3, state: "partial", filled: 2 },
  { name: "四川省商务厅", kind: "government", quota: 3, state: "draft" },
  { name: "四川省财政厅", kind: "government", quota: 2, state: "invited" },
  { name: "四川省自然资源厅", kind: "government", quota: 2, state: "invited" },
  { name: "四川省生态环境厅", kind: "government", quota: 2, state: "invited" },
  { name: "绵阳高新技术产业开发区管委会", kind: "park", quota: 3, state: "full" },
  { name: "德阳经济技术开发区管委会", kind: "park", quota: 3, state: "partial", filled: 1 },
  { name: "泸州高新技术产业开发区管委会", kind: "park", quota: 3, state: "full" },
  { name: "宜宾临港经济技术开发区管委会", kind: "park", quota: 3, state: "invited" },
  { name: "遂宁经济技术开发区管委会", kind: "park", quota: 3, state: "invited" },
  { name: "内江经济技术开发区管委会", kind: "park", quota: 2, state: "invited" },
  { name: "自贡川南新材料化工园区管委会", kind: "park", quota: 3, state: "invited", local: true },
];

const POSITIONS: Record<OrgKind, string[]> = {
  government: ["副厅长", "处长", "副处长", "一级主任科员"],
  park: ["主任", "副主任", "招商局局长"],
};

const PUBLIC: { organization: string; position: string; category: "enterprise" | "expert" | "media" | "other" }[] = [
  { organization: "自贡盐帮风味食品有限公司", position: "总经理", category: "enterprise" },
  { organization: "川南新材料科技有限公司", position: "董事长", category: "enterprise" },
  { organization: "沿滩智造装备有限公司", position: "副总经理", category: "enterprise" },
  { organization: "蜀南预制菜供应链有限公司", position: "市场总监", category: "enterprise" },
  { organization: "自贡氟硅新材料有限公司", position: "总工程师", category: "enterprise" },
  { organization: "天府园区运营管理有限公司", position: "投资发展部经理", category: "enterprise" },
  { organization: "四川大学经济学院", position: "教授", category: "expert" },
  { organization: "西南财经大学", position: "副教授", category: "expert" },
  { organization: "四川省社会科学院", position: "研究员", category: "expert" },
  { organization: "四川轻化工大学", position: "教授", category: "expert" },
  { organization: "自贡日报社", position: "记者", category: "media" },
  { organization: "四川广播电视台", position: "编辑", category: "media" },
  { organization: "自贡市工商业联合会", position: "副秘书长", category: "other" },
  { organization: "四川省企业联合会", position: "项目主管", category: "other" },
];

/** `attendee`: the demo attendee account, who holds a ticket to this forum (a sub-forum chosen), so "my ticket"
 * can be tried at once. */
export type SeedDemoForumOptions = { organizerId: string; now?: Date; attendee?: { id: string; name: string; email: string; organization: string; position: string } };

export async function seedDemoForum(db: Db, opts: SeedDemoForumOptions): Promise<{ eventId: string; slug: string }> {
  const now = opts.now ?? new Date();
  const today = shanghaiDay(now);
  const day = plusDays(today, DEMO_FORUM_IN_DAYS);
  const startsAt = at(day, "09:00");
  const replyBy = at(plusDays(day, -7), "18:00");
  const rand = prng(Number(today.replaceAll("-", "")) % 2 ** 31);
  const pick = pickOf(rand);
  const newName = nameMaker(rand);
  const newPhone = mobileMaker(rand);
  /** A moment `daysAgo` (fractional) before now: when a liaison replied, a public registrant signed up … */
  const ago = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);

  return db.transaction(async (tx) => {
    const [event] = await tx
      .insert(events)
      .values({
        slug: DEMO_FORUM_SLUG,
        title: "县域产业园区协同发展推进会（演示）",
        titleEn: "County Industrial Parks Collaboration Forum (demo)",
        summary:
          "演示论坛：日期按安装当天推算（约三周后），公开报名开放，受邀单位回执进行中——可以体验报名、受邀单位与回执、换人、参会名单、接送站、住宿、签到等全部流程。会议内容、单位联络员和代表均为虚构的演示数据。",
        summaryEn:
          "A demo forum dated about three weeks after installation, with public registration open and invited units mid-way through their replies: try registration, invited units and reply slips, substitutions, the roster, pickups, hotel rooms and check-in. Its content, liaisons and delegates are fictional demo data.",
        audience: "省直有关部门、各市（州）产业园区负责人、专家学者、企业代表",
        audienceEn: "Provincial departments, heads of industrial parks, experts and scholars, business representatives",
        startsAt,
        endsAt: at(day, "17:30"),
        timezone: "Asia/Shanghai",
        venueName: HALL,
        venueNameEn: HALL_EN,
        venueAddress: "四川省自贡市沿滩区（演示）",
        venueAddressEn: "Yantan District, Zigong, Sichuan (demo)",
        city: "自贡市沿滩区",
        cityEn: "Yantan District, Zigong",
        capacity: 240,
        status: "published",
        registrationOpensAt: at(plusDays(today, -3), "09:00"),
        registrationClosesAt: at(plusDays(day, -2), "18:00"),
        requiresApproval: false,
        waitlistEnabled: true,
        delegationReplyBy: replyBy,
        createdById: opts.organizerId,
        createdAt: ago(4),
      })
      .returning({ id: events.id, slug: events.slug });

    const hosts = await organizationIds(tx, [
      { name: "四川省县域经济学会", kind: "association" },
      { name: "自贡市人民政府", kind: "government" },
    ]);
    await tx.insert(eventOrganizations).values([...hosts.values()].map((organizationId, i) => ({ eventId: event.id, organizationId, role: "co_host" as const, order: i + 1 })));

    const roomIds = new Map<RoomKey, string>();
    for (const [i, [key, r]] of (Object.entries(ROOMS) as [RoomKey, (typeof ROOMS)[RoomKey]][]).entries()) {
      const [row] = await tx.insert(venueRooms).values({ eventId: event.id, ...r, order: i + 1 }).returning({ id: venueRooms.id });
      roomIds.set(key, row.id);
    }
    let visitId = "";
    /** The two parallel sub-forums, which registrants choose between (each seats its room). */
    const parallel: string[] = [];
    for (const [i, s] of SESSIONS.entries()) {
      const [row] = await tx
        .insert(agendaSessions)
        .values({ eventId: event.id, kind: s.kind, title: s.title, titleEn: s.titleEn, description: s.description || null, descriptionEn: s.descriptionEn || null, startsAt: at(day, s.starts), endsAt: at(day, s.ends), location: s.location, locationEn: s.locationEn, roomId: s.room ? roomIds.get(s.room)! : null, order: i + 1 })
        .returning({ id: agendaSessions.id });
      if (s.kind === "site_visit") visitId = row.id;
      if (s.room === "one" || s.room === "two") parallel.push(row.id);
    }
    await tx.insert(siteVisitStops).values([
      { sessionId: visitId, order: 1, name: "自贡食品产业园", nameEn: "Zigong Food Industrial Park", description: "肉制品、调味品、预制菜特色产业。", descriptionEn: "Meat products, condiments and prepared dishes.", facts: [], plannedArrival: at(day, "09:25") },
      {
        sessionId: visitId,
        order: 2,
        name: "自贡川南新材料化工园区智慧管理中心",
        nameEn: "Smart Management Center, Zigong Chuannan New Materials Chemical Park",
        description: "园区安全与能耗的实时监测平台。",
        descriptionEn: "Real-time monitoring of the park's safety and energy use.",
        facts: [],
        plannedArrival: at(day, "10:30"),
      },
    ]);
    await tx.insert(buses).values([
      { eventId: event.id, sessionId: visitId, name: "1号车", seats: 45, leaderName: "演示领队 周宁", order: 1 },
      { eventId: event.id, sessionId: visitId, name: "2号车", seats: 45, leaderName: "演示领队 吴桐", order: 2 },
    ]);

    // ── invited units, their liaisons and (for those who replied) delegates with tickets
    const orgIds = await organizationIds(tx, UNITS.map((u) => ({ name: u.name, kind: u.kind })));
    const unitRows = await tx
      .insert(delegations)
      .values(
        UNITS.map((u, i) => {
          const answered = u.state === "full" || u.state === "partial";
          const changed = u.state === "invited" ? null : ago(0.5 + rand() * 2);
          return {
            eventId: event.id,
            organizationId: orgIds.get(u.name)!,
            quota: u.quota,
            liaisonName: newName(),
            liaisonPhone: newPhone(),
            liaisonEmail: rand() < 0.4 ? `liaison-demo-${String(i + 1).padStart(2, "0")}@example.com` : null,
            replyBy,
            note: u.local ? "本地单位，不安排接送站和住宿" : null,
            status: answered ? ("replied" as const) : ("invited" as const),
            replyToken: replyToken(),
            sortOrder: i + 1,
            lastChangeAt: changed,
            draft:
              u.state === "draft"
                ? { delegates: [{ name: newName(), position: "处长", rank: "county", phone: newPhone() }, { name: newName(), position: "一级主任科员", rank: "township", phone: newPhone() }], savedAt: changed!.toISOString() }
                : null,
            linkSentAt: ago(3),
            createdAt: ago(3),
            updatedAt: changed ?? ago(3),
          };
        }),
      )
      .returning({ id: delegations.id, sortOrder: delegations.sortOrder, lastChangeAt: delegations.lastChangeAt });

    const guests: { delegateId: string; unit: number; gender: "male" | "female"; accommodation: "single" | "shared" | "none" }[] = [];
    for (const [i, u] of UNITS.entries()) {
      const n = u.state === "full" ? u.quota : u.state === "partial" ? u.filled! : 0;
      if (!n) continue;
      const unit = unitRows.find((r) => r.sortOrder === i + 1)!;
      const positions = POSITIONS[u.kind];
      for (let k = 0; k < n; k++) {
        const position = positions[Math.min(k, positions.length - 1)];
        const rank = rankOfPosition(position);
        const fullName = newName();
        const gender = rand() < 0.65 ? ("male" as const) : ("female" as const);
        const [reg] = await tx
          .insert(registrations)
          .values({
            eventId: event.id,
            status: "confirmed",
            fullName,
            phone: newPhone(),
            category: u.kind,
            organization: u.name,
            position,
            siteVisit: rand() < 0.85,
            ticketCode: ticketCode(),
            source: "delegation",
            confirmedAt: unit.lastChangeAt,
            createdAt: unit.lastChangeAt!,
            updatedAt: unit.lastChangeAt!,
          })
          .returning({ id: registrations.id, siteVisit: registrations.siteVisit });
        const trip: { arrival: TravelLeg; departure: TravelLeg } | null = u.local ? null : rand() < 0.85 ? journey(rand, plusDays(day, -1), rand() < 0.7 ? day : plusDays(day, 1)) : null;
        const accommodation = u.local ? "none" : wantsSingle(rank, position) ? "single" : rand() < 0.8 ? "shared" : "none";
        const [d] = await tx
          .insert(delegates)
          .values({
            delegationId: unit.id,
            registrationId: reg.id,
            gender,
            rank,
            orderInUnit: k + 1,
            diet: rand() < 0.08 ? pick(["素食", "清真"]) : null,
            siteVisit: reg.siteVisit,
            arrival: trip?.arrival ?? null,
            departure: trip?.departure ?? null,
            accommodation,
            createdAt: unit.lastChangeAt!,
            updatedAt: unit.lastChangeAt!,
          })
          .returning({ id: delegates.id });
        guests.push({ delegateId: d.id, unit: i, gender, accommodation });
      }
    }

    // ── a hotel with room blocks; the delegates who asked for a room already have one (the organizer can re-run 自动分房)
    const [hotel] = await tx.insert(hotels).values({ eventId: event.id, name: "沿滩国际酒店（演示）", address: "自贡市沿滩区（演示地址）", phone: "0813-0000000", sortOrder: 1 }).returning({ id: hotels.id });
    const [singles, shared] = await tx
      .insert(roomBlocks)
      .values([
        { hotelId: hotel.id, type: "single" as const, count: 12, nights: 1, roomNumbers: Array.from({ length: 12 }, (_, i) => String(801 + i)), sortOrder: 1 },
        { hotelId: hotel.id, type: "shared" as const, count: 30, nights: 1, roomNumbers: Array.from({ length: 30 }, (_, i) => String(601 + i)), sortOrder: 2 },
      ])
      .returning({ id: roomBlocks.id });
    const rooms: (typeof roomAssignments.$inferInsert)[] = guests.filter((g) => g.accommodation === "single").map((g, i) => ({ delegateId: g.delegateId, blockId: singles.id, room: i + 1, bed: 1 }));
    // shared rooms: same gender, a unit's people next to each other
    const sharers = guests.filter((g) => g.accommodation === "shared").sort((a, b) => a.gender.localeCompare(b.gender) || a.unit - b.unit);
    let room = 0;
    let bed = 2;
    let lastGender = "";
    for (const g of sharers) {
      if (bed === 2 || g.gender !== lastGender) [room, bed] = [room + 1, 1];
      else bed = 2;
      lastGender = g.gender;
      rooms.push({ delegateId: g.delegateId, blockId: shared.id, room, bed });
    }
    if (rooms.length) await tx.insert(roomAssignments).values(rooms);

    // ── public registrations (open sign-up), fictional, already confirmed; most chose a sub-forum when signing up
    const publicRegs = await tx.insert(registrations).values(
      PUBLIC.map((p, i) => {
        const when = ago(0.1 + rand() * 2.5);
        return {
          eventId: event.id,
          status: "confirmed" as const,
          fullName: newName(),
          email: `demo-upcoming-${String(i + 1).padStart(2, "0")}@example.com`,
          category: p.category,
          organization: p.organization,
          position: p.position,
          siteVisit: rand() < 0.6,
          ticketCode: ticketCode(),
          source: "seed" as const,
          notes: "演示数据 demo data",
          confirmedAt: when,
          createdAt: when,
          updatedAt: when,
        };
      }),
    ).returning({ id: registrations.id });
    const choices = publicRegs.flatMap((r, i) => (i % 5 === 4 ? [] : [{ registrationId: r.id, sessionId: parallel[i % 2]! }]));
    if (choices.length) await tx.insert(registrationSessions).values(choices);

    if (opts.attendee) {
      const a = opts.attendee;
      const when = ago(1);
      const [mine] = await tx
        .insert(registrations)
        .values({
          eventId: event.id,
          userId: a.id,
          status: "confirmed",
          fullName: a.name,
          email: a.email,
          category: "park",
          organization: a.organization,
          position: a.position,
          siteVisit: true,
          ticketCode: ticketCode(),
          source: "self",
          confirmedAt: when,
          createdAt: when,
          updatedAt: when,
        })
        .returning({ id: registrations.id });
      await tx.insert(registrationSessions).values({ registrationId: mine!.id, sessionId: parallel[0]! });
    }
    return { eventId: event.id, slug: event.slug };
  });
}

/** What start-up prints about the demo forum: its page and one liaison's reply link that has not been used yet. */
export async function demoForumLinks(db: Db): Promise<{ slug: string; unit: string; replyPath: string } | null> {
  const [row] = await db
    .select({ slug: events.slug, token: delegations.replyToken, unit: organizations.name })
    .from(delegations)
    .innerJoin(events, eq(events.id, delegations.eventId))
    .innerJoin(organizations, eq(organizations.id, delegations.organizationId))
    .where(and(eq(events.slug, DEMO_FORUM_SLUG), eq(delegations.status, "invited"), isNull(delegations.draft), isNull(delegations.releasedAt)))
    .orderBy(asc(delegations.sortOrder))
    .limit(1);
  return row ? { slug: row.slug, unit: row.unit, replyPath: `/reply/${row.token}` } : null;
}
