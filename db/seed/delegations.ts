/**
 * Invited units (受邀单位, issue 10) of the seeded forums, written straight into the tables (db/ never imports lib/):
 * the units, their fictional liaisons (联络员) and delegates, exactly as the app would have stored a reply slip.
 *
 * Yantan (5 September 2025, over): the article's "省委省政府决咨委、省委政研室等十多个四川省直部门" and "全省有关
 * 产业园区主要负责人" become the invited units — twelve provincial departments and sixteen industrial parks
 * (high-tech zones, economic and technological development zones). Most replied: their delegates are the seeded
 * registrations of the same organization (so the forum stays exactly full at 206). A few never replied. Reply-by
 * passed long ago, so every unit's unused seats are released (what the reply-by loop would have done).
 *
 * Everything here is PLAUSIBLE, not reported: the article names no delegate, liaison, quota or deadline.
 */
import { sql } from "drizzle-orm";
import type { Tx } from "../client";
import { delegates, delegations, organizations, type TravelLeg } from "../schema";
import { mobileMaker, nameMaker, pickOf, prng, replyToken, type Rand } from "./fictional";
import type { SeededRegistration } from "./yantan";

type Rank = (typeof delegates.$inferInsert)["rank"];
type OrgKind = (typeof organizations.$inferInsert)["kind"];

const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);

/** The units' reply-by (回执截止): when public registration closed too. Plausible. */
export const YANTAN_REPLY_BY = at("2025-09-03", "18:00");
const INVITED_AT = at("2025-08-20", "10:00");

/** The organizer's order: provincial departments first, then the parks. `replied: false` = never sent a reply slip. */
const YANTAN_UNITS: { name: string; kind: OrgKind; replied?: false; local?: true }[] = [
  { name: "四川省委省政府决策咨询委员会", kind: "government" },
  { name: "中共四川省委政策研究室", kind: "government" },
  { name: "四川省人民政府研究室", kind: "government" },
  { name: "四川省发展和改革委员会", kind: "government" },
  { name: "四川省经济和信息化厅", kind: "government" },
  { name: "四川省科学技术厅", kind: "government" },
  { name: "四川省财政厅", kind: "government" },
  { name: "四川省自然资源厅", kind: "government" },
  { name: "四川省生态环境厅", kind: "government" },
  { name: "四川省商务厅", kind: "government" },
  { name: "四川省交通运输厅", kind: "government", replied: false },
  { name: "四川省住房和城乡建设厅", kind: "government", replied: false },
  { name: "自贡高新技术产业开发区管委会", kind: "park", local: true },
  { name: "绵阳高新技术产业开发区管委会", kind: "park" },
  { name: "德阳经济技术开发区管委会", kind: "park" },
  { name: "遂宁经济技术开发区管委会", kind: "park" },
  { name: "射洪经济开发区管委会", kind: "park" },
  { name: "宣汉经济开发区管委会", kind: "park" },
  { name: "泸州高新技术产业开发区管委会", kind: "park" },
  { name: "内江经济技术开发区管委会", kind: "park" },
  { name: "乐山高新技术产业开发区管委会", kind: "park" },
  { name: "宜宾临港经济技术开发区管委会", kind: "park" },
  { name: "眉山高新技术产业园区管委会", kind: "park" },
  { name: "南充经济开发区管委会", kind: "park" },
  { name: "广安经济技术开发区管委会", kind: "park" },
  { name: "达州高新技术产业开发区管委会", kind: "park" },
  { name: "雅安经济开发区管委会", kind: "park" },
  { name: "攀枝花钒钛高新技术产业开发区管委会", kind: "park", replied: false },
];

/** 级别 from the position the seed gave the registration (plausible; a park's head is usually 县处级). */
export function rankOfPosition(position: string | null): Rank {
  const p = position ?? "";
  if (/^(厅长|主任委员)$/.test(p)) return "provincial";
  if (/^(副厅长|巡视员|一级巡视员|二级巡视员)$/.test(p)) return "bureau";
  if (/处长|调研员|^主任$|常务副主任|^副主任$|党工委/.test(p)) return "county";
  if (/科员|局长|办公室主任|科长/.test(p)) return "township";
  return "other";
}

/** Senior people and the head of a unit get a single room (单间); the others share (标准间) or go home. */
export const wantsSingle = (rank: Rank, position: string | null) => rank === "provincial" || rank === "bureau" || /^(主任|党工委书记|处长|一级调研员)$/.test(position ?? "");

const RANK_ORDER: Rank[] = ["provincial", "bureau", "county", "township", "other"];

/** Ids of organizations by name, creating the ones that do not exist yet (names are unique, case-insensitively). */
export async function organizationIds(tx: Tx, orgs: { name: string; kind: OrgKind; nameEn?: string }[]): Promise<Map<string, string>> {
  if (!orgs.length) return new Map();
  await tx.insert(organizations).values(orgs).onConflictDoNothing();
  const rows = await tx
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(sql`lower(${organizations.name}) in (${sql.join(orgs.map((o) => sql`lower(${o.name})`), sql`, `)})`);
  const byLower = new Map(rows.map((r) => [r.name.toLowerCase(), r.id]));
  return new Map(orgs.map((o) => [o.name, byLower.get(o.name.toLowerCase())!]));
}

/** Give seeded registrations their phone numbers in one statement. */
export async function setPhones(tx: Tx, phones: { id: string; phone: string }[]) {
  if (!phones.length) return;
  await tx.execute(
    sql`update registrations set phone = v.phone from (values ${sql.join(
      phones.map((p) => sql`(${p.id}::uuid, ${p.phone})`),
      sql`, `,
    )}) as v(id, phone) where registrations.id = v.id`,
  );
}

const STATIONS = {
  train: ["自贡站", "自贡站", "内江北站"],
  flight: ["宜宾五粮液机场", "泸州云龙机场"],
} as const;

/** A plausible journey: arrive the day before by high-speed train (most) or plane, leave after the forum. */
export function journey(rand: Rand, arriveDay: string, leaveDay: string): { arrival: TravelLeg; departure: TravelLeg } {
  const pick = pickOf(rand);
  const byTrain = rand() < 0.75;
  const hhmm = (from: number, span: number) => {
    const m = from * 60 + Math.floor(rand() * span * 60);
    return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  };
  const number = () => (byTrain ? `${pick(["G", "G", "D"])}${8500 + Math.floor(rand() * 400)}` : `${pick(["3U", "CA", "MU"])}${8800 + Math.floor(rand() * 150)}`);
  const station = () => pick(byTrain ? STATIONS.train : STATIONS.flight);
  const by = byTrain ? ("train" as const) : ("flight" as const);
  return {
    arrival: { at: at(arriveDay, hhmm(13, 8)).toISOString(), by, number: number(), station: station() },
    departure: { at: at(leaveDay, hhmm(18, 3)).toISOString(), by, number: number(), station: station() },
  };
}

export async function seedYantanDelegations(tx: Tx, eventId: string, regs: SeededRegistration[]): Promise<void> {
  const rand = prng(20250903);
  const pick = pickOf(rand);
  const newName = nameMaker(rand, new Set(regs.map((r) => r.fullName)));
  const newPhone = mobileMaker(rand);
  const orgIds = await organizationIds(tx, YANTAN_UNITS.map((u) => ({ name: u.name, kind: u.kind })));

  const phones: { id: string; phone: string }[] = [];
  const delegateRows: (typeof delegates.$inferInsert)[] = [];
  const unitRows: (typeof delegations.$inferInsert)[] = [];
  const members = new Map<number, SeededRegistration[]>();
  for (const [i, u] of YANTAN_UNITS.entries()) {
    const mine = u.replied === false ? [] : regs.filter((r) => r.status === "confirmed" && r.organization === u.name);
    members.set(i, mine);
    const replied = mine.length > 0;
    const lastChange = replied ? new Date(Math.max(...mine.map((r) => r.createdAt.getTime()))) : null;
    unitRows.push({
      eventId,
      organizationId: orgIds.get(u.name)!,
      // some units sent fewer people than invited; their unused seats went back at reply-by
      quota: Math.max(2, mine.length + (rand() < 0.3 ? 1 : 0)),
      liaisonName: newName(),
      liaisonPhone: newPhone(),
      liaisonEmail: rand() < 0.4 ? `liaison-${String(i + 1).padStart(2, "0")}@example.com` : null,
      replyBy: YANTAN_REPLY_BY,
      note: u.local ? "本地单位，不安排接送站和住宿" : null,
      status: replied ? "replied" : "invited",
      replyToken: replyToken(),
      sortOrder: i + 1,
      releasedAt: YANTAN_REPLY_BY,
      lastChangeAt: lastChange,
      remindedAt: replied ? null : new Date(YANTAN_REPLY_BY.getTime() - 24 * 3600_000),
      linkSentAt: INVITED_AT,
      createdAt: INVITED_AT,
      updatedAt: lastChange ?? YANTAN_REPLY_BY,
    });
  }
  const units = await tx.insert(delegations).values(unitRows).returning({ id: delegations.id, sortOrder: delegations.sortOrder });
  const unitIdOf = new Map(units.map((u) => [u.sortOrder, u.id]));

  for (const [i, u] of YANTAN_UNITS.entries()) {
    const mine = [...members.get(i)!].sort((a, b) => RANK_ORDER.indexOf(rankOfPosition(a.position)) - RANK_ORDER.indexOf(rankOfPosition(b.position)));
    for (const [k, r] of mine.entries()) {
      const rank = rankOfPosition(r.position);
      const phone = newPhone();
      phones.push({ id: r.id, phone });
      const trip = u.local ? null : rand() < 0.8 ? journey(rand, "2025-09-04", rand() < 0.7 ? "2025-09-05" : "2025-09-06") : null;
      const halal = r.needs === "清真餐";
      delegateRows.push({
        delegationId: unitIdOf.get(i + 1)!,
        registrationId: r.id,
        gender: rand() < 0.68 ? "male" : "female",
        rank,
        orderInUnit: k + 1,
        diet: halal ? "清真" : r.needs === "素食" ? "素食" : null,
        ethnicity: halal ? pick(["回族", "维吾尔族"]) : null,
        siteVisit: r.siteVisit,
        arrival: trip?.arrival ?? null,
        departure: trip?.departure ?? null,
        accommodation: u.local ? "none" : wantsSingle(rank, r.position) ? "single" : rand() < 0.75 ? "shared" : "none",
        note: r.needs && !/素食|清真/.test(r.needs) ? r.needs : null,
        createdAt: r.createdAt,
        updatedAt: r.createdAt,
      });
    }
  }
  for (let i = 0; i < delegateRows.length; i += 200) await tx.insert(delegates).values(delegateRows.slice(i, i + 200));
  await setPhones(tx, phones);
}
