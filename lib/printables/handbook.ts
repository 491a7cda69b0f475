/**
 * The conference handbook (会议手册): cover with the hosts, agenda, site-visit route with stops and bus assignments,
 * speakers with their positions, and the delegate list by category — one standalone print HTML document, which the
 * console shows, the browser prints and Chromium turns into the PDF.
 */
import "server-only";
import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventProgramWith } from "@/lib/events/queries";
import { events, registrations } from "@/db/schema";
import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatEventWhen, formatTime, formatTimeRange, pick } from "@/lib/i18n/format";
import { CATEGORY_COLOURS, consoleT, documentHtml, esc, FONT_STACK, SERIF_STACK } from "./html";
import { DELEGATE_CATEGORIES, HOST_ROLES } from "@/lib/shared/enums";
import { protocolOrderOf } from "@/lib/seating/protocol";
import { seatingT } from "./seating";
import { sharedT } from "@/lib/i18n/shared";


export async function handbookData(db: Db, eventId: string) {
  const event = await db.query.events.findFirst({
    where: eq(events.id, eventId),
    with: eventProgramWith,
  });
  if (!event) return null;
  const passengers = await db
    .select({ busId: registrations.busId, name: registrations.fullName, organization: registrations.organization })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.status, "confirmed"), isNotNull(registrations.busId)))
    .orderBy(asc(registrations.fullName));
  const delegates = await db
    .select({ name: registrations.fullName, organization: registrations.organization, position: registrations.position, category: registrations.category })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.status, "confirmed")))
    .orderBy(asc(registrations.category), asc(registrations.organization), asc(registrations.fullName));
  // 出席领导: the forum's one protocol order (lib/seating/protocol.ts), most senior first
  const leaders = await protocolOrderOf(db, eventId);
  return { event, passengers, delegates, leaders };
}

export type HandbookData = NonNullable<Awaited<ReturnType<typeof handbookData>>>;

const CSS = `
@page { size: A4; margin: 16mm 15mm 18mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${FONT_STACK}; color: #0f172a; font-size: 10.5pt; line-height: 1.6; background: #e2e8f0; }
.sheet { background: #fff; width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 16mm 15mm 18mm; box-shadow: 0 2px 12px rgba(15,23,42,.15); }
h1, h2, h3 { font-family: ${SERIF_STACK}; color: #0f2f5f; margin: 0; }
h2 { font-size: 17pt; border-bottom: 2px solid #174c99; padding-bottom: 2mm; margin-bottom: 5mm; }
h3 { font-size: 12pt; margin: 5mm 0 2mm; }
.cover { display: flex; flex-direction: column; justify-content: space-between; text-align: center; background: linear-gradient(180deg, #0f2f5f 0 38%, #fff 38% 100%); color: #fff; }
.cover .kicker { letter-spacing: .6em; font-size: 13pt; margin-top: 22mm; opacity: .9; }
.cover h1 { color: #fff; font-size: 25pt; line-height: 1.35; margin: 8mm 6mm 0; }
.cover .en { font-size: 11pt; margin-top: 4mm; opacity: .85; }
.cover .meta { color: #0f172a; font-size: 12pt; margin-top: 14mm; }
.cover .meta div { margin: 1.5mm 0; }
.cover .hosts { color: #0f172a; margin-bottom: 10mm; }
.cover .hosts .role { color: #174c99; font-weight: 700; margin-top: 5mm; }
.cover .hosts ul { list-style: none; padding: 0; margin: 1mm 0 0; font-size: 12pt; }
.cover .title-block { min-height: 95mm; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; vertical-align: top; padding: 1.6mm 2mm; border-bottom: 0.3mm solid #cbd5e1; }
th { background: #eef6ff; color: #0f2f5f; font-weight: 700; }
tr { break-inside: avoid; }
.time { white-space: nowrap; font-variant-numeric: tabular-nums; color: #174c99; font-weight: 700; width: 26mm; }
.kind { display: inline-block; font-size: 8.5pt; color: #174c99; border: 0.3mm solid #174c99; border-radius: 1mm; padding: 0 1.2mm; margin-right: 1.5mm; }
.muted { color: #475569; }
.small { font-size: 9pt; }
.stop { display: grid; grid-template-columns: 11mm 1fr; gap: 3mm; margin-bottom: 4mm; break-inside: avoid; }
.stop .n { width: 9mm; height: 9mm; border-radius: 50%; background: #174c99; color: #fff; display: flex; align-items: center; justify-content: center; font-weight: 700; }
.facts { margin: 1mm 0 0; padding: 0; list-style: none; font-size: 9pt; color: #334155; }
.bus { border: 0.3mm solid #cbd5e1; border-radius: 2mm; padding: 3mm; margin-bottom: 3mm; break-inside: avoid; }
.bus .names { font-size: 9pt; color: #334155; columns: 4; column-gap: 4mm; margin-top: 1.5mm; }
.speaker { display: grid; grid-template-columns: 26mm 1fr; gap: 3mm; padding: 2.5mm 0; border-bottom: 0.3mm solid #e2e8f0; break-inside: avoid; }
.speaker .name { font-weight: 700; font-size: 12pt; font-family: ${SERIF_STACK}; }
.cat { display: inline-block; width: 3mm; height: 3mm; border-radius: 50%; margin-right: 2mm; vertical-align: middle; }
.foot { margin-top: 6mm; font-size: 8pt; color: #94a3b8; text-align: right; }
@media print {
  body { background: #fff; }
  .sheet { width: auto; min-height: auto; margin: 0; padding: 0; box-shadow: none; break-after: page; }
  .sheet:last-child { break-after: auto; }
  .cover { height: 263mm; margin: 0; }
}
@media screen and (max-width: 800px) {
  .sheet { width: auto; min-height: 0; margin: 3mm; padding: 6mm; }
  .bus .names { columns: 2; }
}
`;

export function renderHandbookHtml(data: HandbookData, locale: Locale, now = new Date()): string {
  const t = consoleT(locale);
  const ts = sharedT(locale);
  const { event: e, passengers, delegates } = data;
  const tz = e.timezone;
  const title = pick(locale, e.title, e.titleEn);
  const other = locale === "en" ? e.title : e.titleEn;

  // cover: hosts grouped by role, in their order
  const hostBlocks = HOST_ROLES.map((role) => {
    const orgs = e.hosts.filter((h) => h.role === role);
    if (!orgs.length) return "";
    return `<div class="role">${esc(ts(`hostRole.${role}`))}</div><ul>${orgs.map((h) => `<li>${esc(pick(locale, h.organization.name, h.organization.nameEn))}</li>`).join("")}</ul>`;
  }).join("");
  const cover = `<section class="sheet cover" data-section="cover">
  <div class="title-block"><div class="kicker">${esc(t("handbook.cover"))}</div><h1>${esc(title)}</h1>${other ? `<div class="en">${esc(other)}</div>` : ""}</div>
  <div class="meta"><div><b>${esc(t("handbook.when"))}</b>　${esc(formatEventWhen(e.startsAt, e.endsAt, tz, locale))}</div>
  <div><b>${esc(t("handbook.venue"))}</b>　${esc([pick(locale, e.venueName, e.venueNameEn), pick(locale, e.venueAddress, e.venueAddressEn)].filter(Boolean).join(" · "))}</div></div>
  <div class="hosts">${hostBlocks}</div>
</section>`;

  const speakerLine = (s: HandbookData["event"]["sessions"][number]["speakers"][number]) =>
    `<div><b>${esc(pick(locale, s.person.name, s.person.nameEn))}</b>${s.topic ? ` <span class="muted">— ${esc(pick(locale, s.topic, s.topicEn))}</span>` : ""}</div>`;
  const agenda = `<section class="sheet" data-section="agenda"><h2>${esc(t("handbook.agenda"))}</h2>
<table><tbody>${e.sessions
    .map(
      (s) => `<tr><td class="time">${esc(formatTimeRange(s.startsAt, s.endsAt, tz, locale))}</td><td><div><b>${esc(pick(locale, s.title, s.titleEn))}</b></div>${
        s.location ? `<div class="muted small">${esc(pick(locale, s.location, s.locationEn))}</div>` : ""
      }${s.description ? `<div class="small">${esc(pick(locale, s.description, s.descriptionEn))}</div>` : ""}${s.speakers.map(speakerLine).join("")}</td></tr>`,
    )
    .join("")}</tbody></table></section>`;

  const visits = e.sessions.filter((s) => s.kind === "site_visit");
  const byBus = new Map<string, typeof passengers>();
  for (const p of passengers) byBus.set(p.busId!, [...(byBus.get(p.busId!) ?? []), p]);
  const route = visits.length
    ? `<section class="sheet" data-section="site-visit"><h2>${esc(t("handbook.siteVisit"))}</h2>${visits
        .map(
          (v) => `<h3>${esc(pick(locale, v.title, v.titleEn))} <span class="muted small">${esc(formatTimeRange(v.startsAt, v.endsAt, tz, locale))}</span></h3>
${v.stops
  .map(
    (st) => `<div class="stop"><div class="n">${st.order}</div><div><div><b>${esc(pick(locale, st.name, st.nameEn))}</b>${
      st.plannedArrival ? ` <span class="muted small">${esc(t("handbook.arrival", { time: formatTime(st.plannedArrival, tz, locale) }))}</span>` : ""
    }</div>${st.organization ? `<div class="muted small">${esc(st.organization)}</div>` : ""}${st.description ? `<div class="small">${esc(pick(locale, st.description, st.descriptionEn))}</div>` : ""}${
      st.facts.length ? `<ul class="facts">${st.facts.map((f) => `<li>${esc(pick(locale, f.label, f.labelEn))}：${esc(pick(locale, f.value, f.valueEn))}</li>`).join("")}</ul>` : ""
    }</div></div>`,
  )
  .join("")}
${v.buses.length ? `<h3>${esc(t("handbook.buses"))}</h3>` : ""}${v.buses
            .map((b) => {
              const ps = byBus.get(b.id) ?? [];
              return `<div class="bus"><b>${esc(t("handbook.bus", { name: pick(locale, b.name, b.nameEn), n: ps.length, seats: b.seats }))}</b>${
                b.leaderName ? ` <span class="muted small">${esc(t("handbook.leader", { name: pick(locale, b.leaderName, b.leaderNameEn) }))}${b.leaderPhone ? ` ${esc(b.leaderPhone)}` : ""}</span>` : ""
              }<div class="names">${ps.map((p) => `<div>${esc(p.name)}</div>`).join("")}</div></div>`;
            })
            .join("")}`,
        )
        .join("")}</section>`
    : "";

  // speakers: each person once, in order of first appearance, with every position and their topics
  const seen = new Map<string, { person: HandbookData["event"]["sessions"][number]["speakers"][number]["person"]; topics: string[] }>();
  for (const s of e.sessions)
    for (const sp of s.speakers) {
      const entry = seen.get(sp.person.id) ?? { person: sp.person, topics: [] };
      const topic = pick(locale, sp.topic, sp.topicEn);
      if (topic) entry.topics.push(topic);
      seen.set(sp.person.id, entry);
    }
  const speakers = seen.size
    ? `<section class="sheet" data-section="speakers"><h2>${esc(t("handbook.speakers"))}</h2>${[...seen.values()]
        .map(
          ({ person, topics }) => `<div class="speaker"><div class="name">${esc(pick(locale, person.name, person.nameEn))}</div><div>${person.positions
            .map((p) => `<div>${esc(pick(locale, p.organization, p.organizationEn))} ${esc(pick(locale, p.title, p.titleEn))}</div>`)
            .join("")}${topics.map((tp) => `<div class="muted small">${esc(tp)}</div>`).join("")}</div></div>`,
        )
        .join("")}</section>`
    : "";

  const leaders = data.leaders.length
    ? `<section class="sheet" data-section="leaders"><h2>${esc(seatingT(locale)("doc.leaders"))}</h2><table><tbody>${data.leaders
        .map((l) => `<tr><td style="width:28mm"><b>${esc(pick(locale, l.name, l.nameEn))}</b></td><td>${esc(pick(locale, l.organization ?? "", l.organizationEn))}</td><td class="muted">${esc(pick(locale, l.title ?? "", l.titleEn))}</td></tr>`)
        .join("")}</tbody></table></section>`
    : "";

  const groups = DELEGATE_CATEGORIES.map((c) => ({ c, list: delegates.filter((d) => d.category === c) })).filter((g) => g.list.length);
  const delegateList = `<section class="sheet" data-section="delegates"><h2>${esc(t("handbook.delegates"))}</h2>${
    groups.length
      ? groups
          .map(
            (g) => `<h3><span class="cat" style="background:${CATEGORY_COLOURS[g.c]}"></span>${esc(ts(`category.${g.c}`))} <span class="muted small">${esc(t("handbook.delegateCount", { n: g.list.length }))}</span></h3>
<table><tbody>${g.list.map((d) => `<tr><td style="width:28mm"><b>${esc(d.name)}</b></td><td>${esc(d.organization ?? "")}</td><td class="muted">${esc(d.position ?? "")}</td></tr>`).join("")}</tbody></table>`,
          )
          .join("")
      : `<p class="muted">${esc(t("handbook.noDelegates"))}</p>`
  }<div class="foot">${esc(t("handbook.generated", { date: formatDate(now, tz, locale) }))}</div></section>`;

  return documentHtml({ lang: locale, title: `${title} · ${t("handbook.title")}`, css: CSS, body: cover + agenda + route + leaders + speakers + delegateList });
}
