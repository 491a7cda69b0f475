/** Forum editor and agenda builder commands (issue 5 §2, §3): behaviour, bad input, and scoping by event (no IDOR). */
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { agendaSessions, auditLog, buses, eventOrganizations, events, eventStaff, outbox, registrations, siteVisitStops } from "@/db/schema";
import { YANTAN_SLUG } from "@/db/seed";
import { DomainError, type MessageRef } from "@/lib/actions/result";
import { addSpeaker, deleteStop, moveSession, moveStop, saveBus, saveSession, saveStop, updateSpeaker } from "@/lib/agenda/commands";
import { agendaConflicts } from "@/lib/agenda/conflicts";
import { parse } from "@/lib/actions/result";
import { busSchema, sessionSchema, stopSchema } from "@/lib/agenda/validation";
import type { Actor } from "@/lib/auth/permissions";
import { consoleEventTree, eventStats, myEvents } from "@/lib/events/admin-queries";
import { createEvent, patchEvent, saveHosts, saveQuestions, setEventStatus, updateRegistrationSettings } from "@/lib/events/commands";
import { createEventSchema, hostsSchema } from "@/lib/events/validation";
import { updatePerson } from "@/lib/people/commands";
import { testEngines } from "../fixtures/db";
import { seededDb } from "../fixtures/seeded";

/**
 * The DomainError a command throws, with its field messages as short codes: the key without "admin.errors." and its
 * parameters after a colon ({ key: "admin.errors.seats_below_assigned", params: { n: 2 } } → "seats_below_assigned:2").
 */
async function failure(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (x) => x,
  );
  expect(e).toBeInstanceOf(DomainError);
  const d = e as DomainError;
  const code = (r: MessageRef) => {
    const { key, params } = typeof r === "string" ? { key: r, params: undefined } : r;
    expect(key).toMatch(/^admin\.errors\./);
    return key.replace(/^admin\.errors\./, "") + (params ? `:${Object.values(params).join(">")}` : "");
  };
  return Object.assign(d, { fieldErrors: d.fieldErrors && Object.fromEntries(Object.entries(d.fieldErrors).map(([k, v]) => [k, v.map(code)])) });
}

describe.each(testEngines())("forum editor on %s", (engine) => {
  let h: DbHandle;
  let actor: Actor;
  let yantanId: string;
  let eventId: string;

  beforeAll(async () => {
    ({ h, organizer: actor, yantanId } = await seededDb(engine));
    const input = parse(createEventSchema, {
      title: "县域经济论坛",
      titleEn: "County Economy Forum",
      startsAt: "2026-05-20T09:00",
      endsAt: "2026-05-20T17:00",
      timezone: "Asia/Shanghai",
    });
    ({ id: eventId } = await createEvent(h.db, actor, input));
  });
  afterAll(() => h?.close());

  it("creates a draft with a slug from the English title, times in the forum's zone, the creator as organizer", async () => {
    const [e] = await h.db.select().from(events).where(eq(events.id, eventId));
    expect(e).toMatchObject({ slug: "county-economy-forum", status: "draft" });
    expect(e.startsAt.toISOString()).toBe("2026-05-20T01:00:00.000Z");
    const [s] = await h.db.select().from(eventStaff).where(eq(eventStaff.eventId, eventId));
    expect(s).toMatchObject({ userId: actor.id, role: "organizer" });
    expect((await myEvents(h.db, actor)).map((x) => x.id)).toContain(eventId);
  });

  it("refuses inverted times with a field error", async () => {
    const e = await failure(Promise.resolve().then(() => parse(createEventSchema, { title: "x", startsAt: "2026-05-20T09:00", endsAt: "2026-05-19T09:00" })));
    expect(e.fieldErrors).toEqual({ endsAt: ["end_before_start"] });
  });

  it("co-hosts: pick an existing organization or create one, with roles, in order; a duplicate is refused", async () => {
    const [org] = await h.db.select().from(eventOrganizations).where(eq(eventOrganizations.eventId, yantanId)).limit(1);
    await saveHosts(h.db, actor, { eventId, hosts: [{ name: "新的主办单位", role: "host" }, { organizationId: org.organizationId, name: null, role: "co_host" }] });
    const rows = await h.db.query.eventOrganizations.findMany({ where: eq(eventOrganizations.eventId, eventId), with: { organization: true }, orderBy: [asc(eventOrganizations.order)] });
    expect(rows.map((r) => [r.organization.name, r.role, r.order])).toEqual([
      ["新的主办单位", "host", 1], // orders count from 1, as the seed and the bundle import do (issue 12 item 14)
      ["四川省人民政府参事室", "co_host", 2],
    ]);
    const e = await failure(saveHosts(h.db, actor, { eventId, hosts: [{ name: "新的主办单位", role: "host" }, { name: " 新的主办单位 ", role: "host" }] }));
    expect(e.fieldErrors).toEqual({ "hosts.1.name": ["duplicate_host"] });
    expect(await h.db.select().from(eventOrganizations).where(eq(eventOrganizations.eventId, eventId))).toHaveLength(2);
  });

  it("co-hosts' English names: given = set on the organization (audited), omitted = unchanged, blank = cleared", async () => {
    const nameEnOf = async () =>
      (await h.db.query.eventOrganizations.findMany({ where: eq(eventOrganizations.eventId, eventId), with: { organization: true }, orderBy: [asc(eventOrganizations.order)] })).map((r) => r.organization.nameEn);
    await saveHosts(h.db, actor, parse(hostsSchema, { eventId, hosts: [{ name: "英文名测试单位", nameEn: "English Name Test Unit", role: "host" }] }));
    expect(await nameEnOf()).toEqual(["English Name Test Unit"]);
    const [orgRow] = await h.db.select().from(eventOrganizations).where(eq(eventOrganizations.eventId, eventId));
    const [a] = await h.db.select().from(auditLog).where(and(eq(auditLog.action, "organization.edit"), eq(auditLog.entityId, orgRow.organizationId)));
    expect(a).toMatchObject({ before: { nameEn: null }, after: { nameEn: "English Name Test Unit" } });
    await saveHosts(h.db, actor, parse(hostsSchema, { eventId, hosts: [{ organizationId: orgRow.organizationId, role: "host" }] }));
    expect(await nameEnOf()).toEqual(["English Name Test Unit"]);
    await saveHosts(h.db, actor, parse(hostsSchema, { eventId, hosts: [{ organizationId: orgRow.organizationId, nameEn: "  ", role: "host" }] }));
    expect(await nameEnOf()).toEqual([null]);
  });

  it("registration settings: window in the forum's zone, closing before opening refused, capacity, approval, waitlist, questions", async () => {
    const e = await failure(updateRegistrationSettings(h.db, actor, { eventId, capacity: 100, registrationOpensAt: "2026-05-01T09:00", registrationClosesAt: "2026-04-01T09:00", requiresApproval: true, waitlistEnabled: false }));
    expect(e.fieldErrors).toEqual({ registrationClosesAt: ["closes_before_opens"] });
    const row = await updateRegistrationSettings(h.db, actor, { eventId, capacity: 100, registrationOpensAt: "2026-05-01T09:00", registrationClosesAt: "2026-05-18T18:00", requiresApproval: true, waitlistEnabled: false });
    expect(row).toMatchObject({ capacity: 100, requiresApproval: true, waitlistEnabled: false });
    expect(row.registrationOpensAt!.toISOString()).toBe("2026-05-01T01:00:00.000Z");
    await saveQuestions(h.db, actor, { eventId, questions: [{ label: "饮食要求", labelEn: null, kind: "text", options: [], required: false }] });
    const ev = await consoleEventTree(h.db, "county-economy-forum");
    expect(ev!.questions.map((q) => q.label)).toEqual(["饮食要求"]);
    const capErr = await failure(updateRegistrationSettings(h.db, actor, { eventId: yantanId, capacity: 3, registrationOpensAt: null, registrationClosesAt: null, requiresApproval: false, waitlistEnabled: true }));
    expect(capErr.fieldErrors!.capacity[0]).toMatch(/^capacity_below_confirmed:\d+$/);
  });

  it("agenda: sessions, speakers (new person with several positions), conflicts, reorder; other forums' rows are out of reach", async () => {
    const s = (title: string, from: string, to: string, location = "主会场") =>
      saveSession(h.db, actor, parse(sessionSchema, { eventId, kind: "keynote", title, startsAt: `2026-05-20T${from}`, endsAt: `2026-05-20T${to}`, location }));
    const a = await s("主题演讲一", "14:00", "14:30");
    const b = await s("主题演讲二", "14:20", "15:00", "分会场");
    const bad = await failure(s("倒置", "15:00", "14:00"));
    expect(bad.fieldErrors).toEqual({ endsAt: ["end_before_start"] });
    const sp = await addSpeaker(h.db, actor, {
      eventId,
      sessionId: a.id,
      role: "speaker",
      topic: "园区高质量发展",
      topicEn: null,
      person: { name: "张三", nameEn: null, positions: [{ organization: "省经济学会", organizationEn: null, title: "会长", titleEn: null }, { organization: "某大学", organizationEn: null, title: "教授", titleEn: null }] },
    });
    await addSpeaker(h.db, actor, { eventId, sessionId: b.id, personId: sp.personId, role: "speaker", topic: null, topicEn: null });
    const dupe = await failure(addSpeaker(h.db, actor, { eventId, sessionId: b.id, personId: sp.personId, role: "speaker", topic: null, topicEn: null }));
    expect(dupe.fieldErrors).toEqual({ personId: ["already_speaker"] });

    let ev = (await consoleEventTree(h.db, "county-economy-forum"))!;
    const conflicts = () =>
      agendaConflicts(ev, ev.sessions.map((x) => ({ ...x, speakers: x.speakers.map((y) => ({ personId: y.personId, name: y.person.name })) })));
    expect(conflicts()).toEqual([{ kind: "speaker_overlap", sessionIds: [a.id, b.id], personId: sp.personId, personName: "张三" }]);
    // Fix it: move the second talk after the first.
    await saveSession(h.db, actor, parse(sessionSchema, { eventId, sessionId: b.id, kind: "keynote", title: "主题演讲二", startsAt: "2026-05-20T14:30", endsAt: "2026-05-20T15:00", location: "分会场" }));
    ev = (await consoleEventTree(h.db, "county-economy-forum"))!;
    expect(conflicts()).toEqual([]);
    expect(ev.sessions[0].speakers[0].person.positions.map((p) => p.title)).toEqual(["会长", "教授"]);

    // Edit positions (a person keeps several).
    await updatePerson(h.db, actor, { eventId, personId: sp.personId, name: "张三", nameEn: "Zhang San", positions: [{ organization: "某大学", organizationEn: null, title: "教授", titleEn: null }] });
    ev = (await consoleEventTree(h.db, "county-economy-forum"))!;
    expect(ev.sessions[0].speakers[0].person).toMatchObject({ nameEn: "Zhang San" });
    expect(ev.sessions[0].speakers[0].person.positions).toHaveLength(1);
    // The biography (zh/en) is set when given and left alone when the input omits it.
    await updatePerson(h.db, actor, { eventId, personId: sp.personId, name: "张三", nameEn: "Zhang San", bio: "经济学家。", bioEn: "An economist.", positions: [{ organization: "某大学", organizationEn: "A University", title: "教授", titleEn: "Professor" }] });
    await updatePerson(h.db, actor, { eventId, personId: sp.personId, name: "张三", nameEn: "Zhang San", positions: [{ organization: "某大学", organizationEn: "A University", title: "教授", titleEn: "Professor" }] });
    ev = (await consoleEventTree(h.db, "county-economy-forum"))!;
    expect(ev.sessions[0].speakers[0].person).toMatchObject({ bio: "经济学家。", bioEn: "An economist." });

    // Move the second session up: it takes the 14:00 slot and keeps its 30 minutes.
    await moveSession(h.db, actor, { eventId, sessionId: b.id, direction: "up" });
    const [moved] = await h.db.select().from(agendaSessions).where(eq(agendaSessions.id, b.id));
    expect(moved.startsAt.toISOString()).toBe("2026-05-20T06:00:00.000Z");

    // IDOR: a Yantan session id with this forum's id is not found, and nothing changes there.
    const [yantanSession] = await h.db.select().from(agendaSessions).where(eq(agendaSessions.eventId, yantanId)).limit(1);
    const idor = await failure(saveSession(h.db, actor, parse(sessionSchema, { eventId, sessionId: yantanSession.id, kind: "other", title: "hijack", startsAt: "2026-05-20T09:00", endsAt: "2026-05-20T10:00" })));
    expect(idor.code).toBe("not_found");
    const [still] = await h.db.select().from(agendaSessions).where(eq(agendaSessions.id, yantanSession.id));
    expect(still.title).toBe(yantanSession.title);
    const yantanSpeaker = (await consoleEventTree(h.db, YANTAN_SLUG))!.sessions.flatMap((x) => x.speakers)[0];
    expect((await failure(updateSpeaker(h.db, actor, { eventId, speakerId: yantanSpeaker.id, role: "host", topic: "x", topicEn: null }))).code).toBe("not_found");
    expect((await failure(updatePerson(h.db, actor, { eventId, personId: yantanSpeaker.personId, name: "x", nameEn: null, positions: [] }))).code).toBe("not_found");
  });

  it("site visit: ordered stops (a stop needs a name), buses never below 1 seat or the seats already taken", async () => {
    const visit = await saveSession(h.db, actor, parse(sessionSchema, { eventId, kind: "site_visit", title: "现场考察", startsAt: "2026-05-20T09:00", endsAt: "2026-05-20T12:00", location: "园区" }));
    const noName = await failure(Promise.resolve().then(() => parse(stopSchema, { eventId, sessionId: visit.id, name: "  " })));
    expect(noName.fieldErrors).toEqual({ name: ["stop_name_required"] });
    const ids: string[] = [];
    for (const [i, name] of ["食品产业园", "智慧管理中心", "新能源公司"].entries()) {
      ids.push((await saveStop(h.db, actor, parse(stopSchema, { eventId, sessionId: visit.id, name, facts: [{ label: "签约企业", value: `${i + 50} 户` }], plannedArrival: `2026-05-20T${String(9 + i).padStart(2, "0")}:30` }))).id);
    }
    await moveStop(h.db, actor, { eventId, stopId: ids[2], direction: "up" });
    const order = async () => (await h.db.select().from(siteVisitStops).where(eq(siteVisitStops.sessionId, visit.id)).orderBy(asc(siteVisitStops.order))).map((x) => [x.order, x.name]);
    expect(await order()).toEqual([[1, "食品产业园"], [2, "新能源公司"], [3, "智慧管理中心"]]);
    await deleteStop(h.db, actor, { eventId, stopId: ids[0] });
    expect(await order()).toEqual([[1, "新能源公司"], [2, "智慧管理中心"]]);

    expect((await failure(Promise.resolve().then(() => parse(busSchema, { eventId, name: "1号车", seats: "0" })))).fieldErrors).toEqual({ seats: ["seats_min"] });
    const bus = await saveBus(h.db, actor, parse(busSchema, { eventId, sessionId: visit.id, name: "1号车", seats: "3", leaderName: "王领队", leaderPhone: "13800000000" }));
    await h.db.insert(registrations).values(
      [1, 2].map((i) => ({ eventId, status: "confirmed" as const, fullName: `乘客${i}`, email: `bus${i}@example.com`, busId: bus.id, ticketCode: `ticket-code-for-bus-test-${i}-xxxx` })),
    );
    const below = await failure(saveBus(h.db, actor, parse(busSchema, { eventId, busId: bus.id, sessionId: visit.id, name: "1号车", seats: "1" })));
    expect(below.fieldErrors).toEqual({ seats: ["seats_below_assigned:2"] });
    await saveBus(h.db, actor, parse(busSchema, { eventId, busId: bus.id, sessionId: visit.id, name: "1号车", nameEn: "Bus 1", seats: "2", leaderName: "王领队", leaderNameEn: "Wang Ling" }));
    const [b] = await h.db.select().from(buses).where(eq(buses.id, bus.id));
    expect(b).toMatchObject({ seats: 2, nameEn: "Bus 1", leaderNameEn: "Wang Ling" });
    const stats = (await eventStats(h.db, [eventId])).get(eventId)!;
    expect(stats.confirmed).toBe(2);
    expect(stats.overTime.at(-1)!.total).toBe(2);
  });

  it("status: publish, unpublish, cancel notifies live registrants via the outbox; invalid transitions refused", async () => {
    await setEventStatus(h.db, actor, { eventId, status: "published", reason: null });
    await setEventStatus(h.db, actor, { eventId, status: "draft", reason: null });
    await setEventStatus(h.db, actor, { eventId, status: "published", reason: null });
    const res = await setEventStatus(h.db, actor, { eventId, status: "cancelled", reason: "因故延期" });
    expect(res).toMatchObject({ status: "cancelled", notified: 2 });
    const mails = await h.db.select().from(outbox).where(and(eq(outbox.eventId, eventId), eq(outbox.kind, "event_cancelled")));
    expect(mails.map((m) => m.toEmail).sort()).toEqual(["bus1@example.com", "bus2@example.com"]);
    expect(mails[0].body).toContain("因故延期");
    const [log] = await h.db.select().from(auditLog).where(and(eq(auditLog.eventId, eventId), eq(auditLog.action, "event.cancelled")));
    expect(log).toMatchObject({ actorId: actor.id, entity: "event", entityId: eventId });
    const e = await failure(setEventStatus(h.db, actor, { eventId, status: "published", reason: null }));
    expect(e.fieldErrors).toEqual({ status: ["invalid_transition:cancelled>published"] });
  });

  it("PATCH semantics: settings and status together, all or nothing", async () => {
    const { id } = await createEvent(h.db, actor, parse(createEventSchema, { title: "API 论坛", titleEn: "API Forum", startsAt: "2026-06-01T09:00", endsAt: "2026-06-01T12:00" }));
    const row = await patchEvent(h.db, actor, id, { status: "published", capacity: 50, registrationOpensAt: "2026-05-01T09:00:00+08:00", requiresApproval: true });
    expect(row).toMatchObject({ status: "published", capacity: 50, requiresApproval: true });
    const err = await failure(patchEvent(h.db, actor, id, { capacity: 10, status: "draft", registrationClosesAt: "2026-04-01T00:00:00+08:00" }));
    expect(err.fieldErrors).toEqual({ registrationClosesAt: ["closes_before_opens"] });
    const [after] = await h.db.select().from(events).where(eq(events.id, id));
    expect(after).toMatchObject({ status: "published", capacity: 50 });
  });
});
