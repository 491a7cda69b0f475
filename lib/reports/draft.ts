/**
 * A report that drafts itself from the forum: co-hosts and "who spoke on what" from the agenda, and an
 * attendance statistics block computed from registrations and check-ins. Regenerated on request ("refresh").
 */
import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { agendaSessions, checkins, eventOrganizations, events, registrations } from "@/db/schema";
import { formatTimeRange } from "@/lib/i18n/format";

type D = Db | Tx;

const ROLE_ZH: Record<string, string> = { host: "主办", co_host: "联合主办", organizer: "承办", co_organizer: "协办", supporter: "支持单位", media: "媒体支持" };
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

/** The attendance block as Markdown (a table the sanitizer allows). */
export function attendanceMarkdown(s: AttendanceStats): string {
  const lines = [
    `本次会议确认报名 **${s.registered}** 人，签到出席 **${s.attended}** 人（出席率 ${pct(s.attended, s.registered)}）。` +
      (s.siteVisit.signedUp ? `报名参加现场考察 ${s.siteVisit.signedUp} 人，考察签到 ${s.siteVisit.attended} 人。` : ""),
    "",
    "| 类别 | 报名 | 出席 | 出席率 |",
    "| --- | ---: | ---: | ---: |",
    ...s.byCategory.map((c) => `| ${CATEGORY_ZH[c.category] ?? c.category} | ${c.registered} | ${c.attended} | ${pct(c.attended, c.registered)} |`),
    `| **合计** | **${s.registered}** | **${s.attended}** | ${pct(s.attended, s.registered)} |`,
  ];
  if (s.siteVisit.signedUp) lines.push(`| 现场考察 | ${s.siteVisit.signedUp} | ${s.siteVisit.attended} | ${pct(s.siteVisit.attended, s.siteVisit.signedUp)} |`);
  if (s.waitlisted || s.cancelled) lines.push("", `另有候补 ${s.waitlisted} 人、取消报名 ${s.cancelled} 人。`);
  return lines.join("\n");
}

/** Co-hosts and "who spoke on what", from the forum's hosts and agenda, as Markdown. */
export async function programMarkdown(db: D, eventId: string): Promise<string> {
  const event = await db.query.events.findFirst({
    where: eq(events.id, eventId),
    columns: { timezone: true },
    with: {
      hosts: { orderBy: [asc(eventOrganizations.order)], with: { organization: { columns: { name: true } } } },
      sessions: {
        orderBy: [asc(agendaSessions.startsAt), asc(agendaSessions.order)],
        with: {
          speakers: {
            orderBy: (s, { asc }) => [asc(s.order)],
            with: { person: { columns: { name: true }, with: { positions: { orderBy: (p, { asc }) => [asc(p.order)] } } } },
          },
          stops: { orderBy: (s, { asc }) => [asc(s.order)], columns: { name: true } },
        },
      },
    },
  });
  if (!event) return "";
  const out: string[] = [];
  const byRole = new Map<string, string[]>();
  for (const h of event.hosts) byRole.set(h.role, [...(byRole.get(h.role) ?? []), h.organization.name]);
  for (const [role, names] of byRole) out.push(`**${ROLE_ZH[role] ?? role}**：${names.join("、")}`, "");
  for (const s of event.sessions) {
    if (s.kind === "break" || s.kind === "meal" || s.kind === "transfer") continue;
    const when = formatTimeRange(s.startsAt, s.endsAt, event.timezone, "zh-CN");
    const kind = KIND_ZH[s.kind] ?? s.kind;
    const head = `- **${kind}**（${when}）${s.title && s.title !== kind ? `：${s.title}` : ""}`;
    if (s.kind === "site_visit" && s.stops.length) {
      out.push(`${head}：考察${s.stops.map((st) => st.name).join("、")}`);
      continue;
    }
    out.push(head);
    for (const sp of s.speakers) {
      const pos = sp.person.positions.map((p) => `${p.organization}${p.title}`).join("、");
      out.push(`  - ${sp.person.name}${pos ? `（${pos}）` : ""}${sp.topic ? `：${sp.topic}` : ""}`);
    }
  }
  return out.join("\n").trim();
}

export const GENERATED_HEADINGS = { program: "会议概况", attendance: "参会情况" } as const;

export async function generatedBody(db: D, eventId: string, kind: "program" | "attendance"): Promise<string> {
  return kind === "program" ? programMarkdown(db, eventId) : attendanceMarkdown(await attendanceStats(db, eventId));
}
