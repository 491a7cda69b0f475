/**
 * A report that drafts itself from the forum as news prose (issue 13 item 6): a lede (date, place, co-hosts, who
 * attended, what happened), then "who spoke on what" from the agenda, then attendance computed from registrations
 * and check-ins. Written in Chinese (the forums' language; the reference article is the house style). The two
 * sections are regenerated on request ("refresh"); a section with no data is not created.
 */
import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { agendaSessions, checkins, eventOrganizations, events, registrations } from "@/db/schema";
import { protocolOrderOf } from "@/lib/seating/protocol";
import { dateFormat } from "@/lib/i18n/format";

type D = Db | Tx;

const KIND_ZH: Record<string, string> = {
  site_visit: "现场考察", plenary: "全体会议", keynote: "主题演讲", report_release: "报告发布", exchange: "经验交流", panel: "圆桌讨论",
  remarks: "发言", ceremony: "仪式", break: "茶歇", meal: "用餐", transfer: "转场", other: "其他",
};
export const CATEGORY_ZH: Record<string, string> = { government: "政府部门", park: "产业园区", expert: "专家学者", enterprise: "企业", media: "媒体", other: "其他" };

export type AttendanceStats = {
  registered: number;
  attended: number;
  waitlisted: number;
  cancelled: number;
  byCategory: { category: string; registered: number; attended: number }[];
  siteVisit: { signedUp: number; attended: number };
};

/** Registered = confirmed registrations; attended = confirmed registrations with at least one check-in. */
export async function attendanceStats(db: D, eventId: string): Promise<AttendanceStats> {
  const regs = await db
    .select({ id: registrations.id, status: registrations.status, category: registrations.category, siteVisit: registrations.siteVisit })
    .from(registrations)
    .where(eq(registrations.eventId, eventId));
  const ids = regs.map((r) => r.id);
  const ins = ids.length
    ? await db
        .select({ registrationId: checkins.registrationId, segment: checkins.segment, kind: agendaSessions.kind })
        .from(checkins)
        .leftJoin(agendaSessions, eq(agendaSessions.id, checkins.sessionId))
        .where(inArray(checkins.registrationId, ids))
    : [];
  const attended = new Set(ins.map((c) => c.registrationId));
  const visited = new Set(ins.filter((c) => c.segment === "site_visit" || c.kind === "site_visit").map((c) => c.registrationId));
  const confirmed = regs.filter((r) => r.status === "confirmed");
  const cats = new Map<string, { registered: number; attended: number }>();
  for (const r of confirmed) {
    const c = cats.get(r.category) ?? { registered: 0, attended: 0 };
    c.registered++;
    if (attended.has(r.id)) c.attended++;
    cats.set(r.category, c);
  }
  const order = Object.keys(CATEGORY_ZH);
  return {
    registered: confirmed.length,
    attended: confirmed.filter((r) => attended.has(r.id)).length,
    waitlisted: regs.filter((r) => r.status === "waitlisted").length,
    cancelled: regs.filter((r) => r.status === "cancelled").length,
    byCategory: [...cats.entries()].map(([category, v]) => ({ category, ...v })).sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category)),
    siteVisit: {
      signedUp: confirmed.filter((r) => r.siteVisit).length,
      attended: confirmed.filter((r) => visited.has(r.id)).length,
    },
  };
}

const pct = (a: number, b: number) => (b ? `${((a / b) * 100).toFixed(1)}%` : "—");

/** Chinese list: 甲、乙和丙 (the last pair joined by `last`). */
const listZh = (xs: string[], last = "和") => (xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join("、")}${last}${xs[xs.length - 1]}`);

/**
 * The attendance paragraph and table as Markdown (a table the sanitizer allows). Empty when nobody registered: the
 * report then has no attendance section (no empty sections).
 */
export function attendanceMarkdown(s: AttendanceStats): string {
  if (!s.registered && !s.waitlisted && !s.cancelled) return "";
  const cats = s.byCategory.filter((c) => c.registered && c.category !== "other").map((c) => CATEGORY_ZH[c.category] ?? c.category);
  const lines = [
    (cats.length ? `与会代表来自${listZh(cats)}等方面。` : "") +
      `本次会议确认报名 **${s.registered}** 人，签到出席 **${s.attended}** 人（出席率 ${pct(s.attended, s.registered)}）。` +
      (s.siteVisit.signedUp ? `报名参加现场考察 ${s.siteVisit.signedUp} 人，考察签到 ${s.siteVisit.attended} 人。` : ""),
  ];
  if (s.registered) {
    lines.push(
      "",
      "| 类别 | 报名 | 出席 | 出席率 |",
      "| --- | ---: | ---: | ---: |",
      ...s.byCategory.map((c) => `| ${CATEGORY_ZH[c.category] ?? c.category} | ${c.registered} | ${c.attended} | ${pct(c.attended, c.registered)} |`),
      `| **合计** | **${s.registered}** | **${s.attended}** | ${pct(s.attended, s.registered)} |`,
    );
    if (s.siteVisit.signedUp) lines.push(`| 现场考察 | ${s.siteVisit.signedUp} | ${s.siteVisit.attended} | ${pct(s.siteVisit.attended, s.siteVisit.signedUp)} |`);
  }
  if (s.waitlisted || s.cancelled) lines.push("", [s.waitlisted ? `候补 ${s.waitlisted} 人` : "", s.cancelled ? `取消报名 ${s.cancelled} 人` : ""].filter(Boolean).join("、").replace(/^/, "另有") + "。");
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------------------------
// News prose (issue 13 item 6): a lede — date, place, co-hosts, who attended, what happened — then who spoke on
// what, then attendance, in the house style of the reference article ("9月5日，……在……举行。……出席会议。").
// Everything comes from the forum's data; a part whose data is missing is left out, never written empty.
// ---------------------------------------------------------------------------------------------------------------

/** Sessions that are logistics, not news. */
const NOT_NEWS = new Set(["break", "meal", "transfer"]);
/** What a speaker does in a session of this kind (作主题演讲, 致辞 …), as the verb phrase after the name. */
const SPEECH_ZH: Record<string, string> = {
  keynote: "作主题演讲",
  exchange: "作经验交流发言",
  panel: "参加研讨",
  remarks: "致辞",
  plenary: "作大会发言",
  ceremony: "致辞",
  report_release: "作报告解读",
  site_visit: "作讲解",
  other: "发言",
};

function zonedParts(d: Date, timeZone: string) {
  const p = Object.fromEntries(
    dateFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric", hour: "numeric", hourCycle: "h23" }).formatToParts(d).map((x) => [x.type, x.value]),
  );
  return { year: Number(p.year), month: Number(p.month), day: Number(p.day), hour: Number(p.hour) };
}
/** 9月5日, or 9月5日至6日 / 9月30日至10月1日 for a forum over several days (the year is the dateline's business). */
export function dateZh(startsAt: Date, endsAt: Date, timeZone: string): string {
  const a = zonedParts(startsAt, timeZone);
  const b = zonedParts(endsAt, timeZone);
  const first = `${a.month}月${a.day}日`;
  if (a.year === b.year && a.month === b.month && a.day === b.day) return first;
  return `${first}至${a.month === b.month && a.year === b.year ? "" : `${b.month}月`}${b.day}日`;
}
/** 上午 / 下午 / 晚上 of a session, prefixed with its date when the forum runs over several days. */
function partOfDayZh(d: Date, timeZone: string, withDate: boolean): string {
  const p = zonedParts(d, timeZone);
  const part = p.hour < 12 ? "上午" : p.hour < 18 ? "下午" : "晚上";
  return withDate ? `${p.month}月${p.day}日${part}` : part;
}

type Cited = { name: string; positions: { organization: string; title: string }[] };
/** 四川省县域经济学会会长、四川省人民政府原秘书长唐利民 — the house style cites the posts before the name. */
/** Consecutive posts in one organization name it once: 四川新传媒集团党委副书记、副董事长、总经理. */
function citeZh(p: Cited): string {
  const posts = p.positions.map((x, i) => (i && p.positions[i - 1].organization === x.organization && x.title ? x.title : `${x.organization}${x.title}`));
  return `${posts.join("、")}${p.name}`;
}

async function forumForDraft(db: D, eventId: string) {
  return db.query.events.findFirst({
    where: eq(events.id, eventId),
    columns: { title: true, timezone: true, startsAt: true, endsAt: true, city: true, venueName: true },
    with: {
      hosts: { orderBy: [asc(eventOrganizations.order)], with: { organization: { columns: { name: true } } } },
      sessions: {
        orderBy: [asc(agendaSessions.startsAt), asc(agendaSessions.order)],
        with: {
          speakers: {
            orderBy: (s, { asc }) => [asc(s.order)],
            with: { person: { columns: { id: true, name: true }, with: { positions: { orderBy: (p, { asc }) => [asc(p.order)], columns: { organization: true, title: true } } } } },
          },
          stops: { orderBy: (s, { asc }) => [asc(s.order)], columns: { name: true } },
        },
      },
    },
  });
}
type Forum = NonNullable<Awaited<ReturnType<typeof forumForDraft>>>;

/** Who attended, for the lede: the protocol order (领导排序) first, then the agenda's other speakers in agenda order. */
async function dignitaries(db: D, eventId: string, forum: Forum): Promise<Cited[]> {
  const protocol = await protocolOrderOf(db as Db, eventId);
  const out: Cited[] = [];
  const seen = new Set<string>();
  for (const e of protocol) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    out.push({ name: e.name, positions: e.organization || e.title ? [{ organization: e.organization ?? "", title: e.title ?? "" }] : [] });
  }
  for (const s of forum.sessions)
    for (const sp of s.speakers) {
      if (seen.has(sp.person.id)) continue;
      seen.add(sp.person.id);
      out.push({ name: sp.person.name, positions: sp.person.positions });
    }
  return out;
}

/** The hosts as the article cites them: 由甲、乙与丙联合主办，丁承办，戊协办 (roles in protocol order, units in their order). */
function hostsZh(forum: Forum): string {
  const by = (roles: string[]) => forum.hosts.filter((h) => roles.includes(h.role)).map((h) => h.organization.name);
  const hosts = by(["host", "co_host"]);
  const parts = [
    hosts.length ? `由${listZh(hosts, "与")}${hosts.length > 1 ? "联合主办" : "主办"}` : "",
    by(["organizer"]).length ? `${listZh(by(["organizer"]), "与")}承办` : "",
    by(["co_organizer"]).length ? `${listZh(by(["co_organizer"]), "与")}协办` : "",
    by(["supporter", "media"]).length ? `${listZh(by(["supporter", "media"]), "与")}提供支持` : "",
  ].filter(Boolean);
  if (!parts.length) return "";
  return `本次会议${parts[0].startsWith("由") ? "" : "由"}${parts.join("，")}。`;
}

/**
 * The lede (导语), plain text: date, place, hosts, who attended and what happened. Returns "" for an unknown forum.
 * At most eight people are named; more are "等".
 */
export async function ledeZh(db: D, eventId: string, stats?: AttendanceStats): Promise<string> {
  const forum = await forumForDraft(db, eventId);
  if (!forum) return "";
  const tz = forum.timezone;
  const venue = forum.venueName ?? "";
  const city = forum.city ?? "";
  const where = venue ? `在${city && !venue.startsWith(city) ? city : ""}${venue}` : city ? `在${city}` : "";
  const out = [`${dateZh(forum.startsAt, forum.endsAt, tz)}，${forum.title}${where}举行。`, hostsZh(forum)];
  const people = await dignitaries(db, eventId, forum);
  const named = people.slice(0, 8).map(citeZh);
  const s = stats ?? (await attendanceStats(db, eventId));
  const total = s.attended || s.registered;
  if (named.length) out.push(`${named.join("，")}${people.length > named.length ? "等" : ""}出席会议${total ? `，与会代表共${total}人` : ""}。`);
  else if (total) out.push(`与会代表共${total}人。`);
  const kinds = [...new Set(forum.sessions.filter((s) => !NOT_NEWS.has(s.kind) && s.kind !== "other").map((s) => KIND_ZH[s.kind]))];
  if (kinds.length) out.push(`会议安排了${listZh(kinds)}${kinds.length > 1 ? "等环节" : "环节"}。`);
  return out.filter(Boolean).join("");
}

/** One session as a paragraph: when, what, who chaired, who spoke on what. "" when it has nothing to tell. */
function sessionZh(s: Forum["sessions"][number], when: string): string {
  const kind = KIND_ZH[s.kind] ?? s.kind;
  const named = s.title && s.title !== kind ? s.title : "";
  if (s.kind === "site_visit") {
    if (!s.stops.length) return named ? `${when}，与会代表参加了${named}。` : `${when}，与会代表进行了现场考察。`;
    return `${when}，与会代表实地考察了${listZh(s.stops.map((x) => x.name))}。`;
  }
  const chairs = s.speakers.filter((sp) => sp.role === "host" || sp.role === "moderator");
  const speakers = s.speakers.filter((sp) => sp.role === "speaker" || sp.role === "presenter");
  if (!chairs.length && !speakers.length) return named ? `${when}，举行了${named}。` : "";
  const verb = SPEECH_ZH[s.kind] ?? "发言";
  const clauses: string[] = [];
  if (chairs.length) clauses.push(`${named ? "" : "会议"}由${chairs.map((c) => citeZh(c.person)).join("，")}主持`);
  if (s.kind === "report_release") {
    for (const sp of speakers) clauses.push(sp.topic ? `${citeZh(sp.person)}发布了《${sp.topic.replace(/^《|》$/g, "")}》` : `${citeZh(sp.person)}进行了报告发布`);
  } else {
    // speakers without a topic are cited together ("……分别作主题演讲"), those with one each on their topic
    const plain = speakers.filter((sp) => !sp.topic).map((sp) => citeZh(sp.person));
    if (plain.length) clauses.push(`${plain.join("，")}${plain.length > 1 ? "分别" : ""}${verb}`);
    for (const sp of speakers.filter((x) => x.topic)) clauses.push(`${citeZh(sp.person)}围绕“${sp.topic}”${verb}`);
  }
  return `${when}${named ? `的${named}上` : ""}，${clauses.join("；")}。`;
}

/** "Who spoke on what": one paragraph per session, in agenda order, as Markdown paragraphs. "" when none tells anything. */
export async function programMarkdown(db: D, eventId: string): Promise<string> {
  const forum = await forumForDraft(db, eventId);
  if (!forum) return "";
  const multiDay = dateZh(forum.startsAt, forum.endsAt, forum.timezone).includes("至");
  const out: string[] = [];
  let told = "";
  for (const s of forum.sessions.filter((x) => !NOT_NEWS.has(x.kind))) {
    // the part of the day is said once; the sessions after it in the same half-day follow on ("随后")
    const part = partOfDayZh(s.startsAt, forum.timezone, multiDay);
    const text = sessionZh(s, part === told ? "随后" : part);
    if (!text) continue;
    out.push(text);
    told = part;
  }
  return out.join("\n\n");
}

export const GENERATED_HEADINGS = { program: "会议发言", attendance: "参会情况" } as const;

export async function generatedBody(db: D, eventId: string, kind: "program" | "attendance"): Promise<string> {
  return kind === "program" ? programMarkdown(db, eventId) : attendanceMarkdown(await attendanceStats(db, eventId));
}
