/**
 * Agenda builder writes: sessions, speakers, site-visit stops, buses. Each takes (db, actor, input) and reaches rows only
 * through the forum the guard checked (WHERE … event_id = input.eventId, or a join to it).
 */
import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agendaSessions, buses, events, sessionSpeakers, siteVisitStops } from "@/db/schema";
import { DomainError, type MessageParams } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/permissions";
import { seatsTakenOnBus } from "@/lib/buses/seats";
import { recordAudit } from "@/lib/audit";
import { dayKey } from "@/lib/i18n/format";
import { zonedToDate } from "@/lib/events/zoned";
import { assertPersonVisible, createPerson } from "@/lib/people/commands";
import { swapSlots } from "./reorder";
import type { AddSpeakerInput, BusInput, Direction, SessionInput, StopInput, UpdateSpeakerInput } from "./validation";

const invalid = (field: string, code: string, params?: MessageParams) => new DomainError("invalid", "errors.checkFields", { fieldErrors: { [field]: [{ key: `admin.errors.${code}`, params }] } });
const notFound = (what: "forum" | "session" | "speaker" | "stop" | "bus") =>
  what === "forum" ? new DomainError("not_found", "errors.forumNotFound") : new DomainError("not_found", "errors.notInForum", { params: { what } });

async function eventOf(db: Db, eventId: string) {
  const [e] = await db.select({ id: events.id, timezone: events.timezone }).from(events).where(eq(events.id, eventId));
  if (!e) throw notFound("forum");
  return e;
}

async function sessionOf(db: Db, eventId: string, sessionId: string) {
  const [s] = await db.select().from(agendaSessions).where(and(eq(agendaSessions.id, sessionId), eq(agendaSessions.eventId, eventId)));
  if (!s) throw notFound("session");
  return s;
}

// ---------------------------------------------------------------- sessions

export async function saveSession(db: Db, actor: Actor, input: SessionInput) {
  return db.transaction(async (tx) => {
    const event = await eventOf(tx, input.eventId);
    const startsAt = zonedToDate(input.startsAt, event.timezone);
    const endsAt = zonedToDate(input.endsAt, event.timezone);
    const errors: Record<string, string[]> = {};
    if (!startsAt) errors.startsAt = ["admin.errors.invalid_time"];
    if (!endsAt) errors.endsAt = ["admin.errors.invalid_time"];
    if (startsAt && endsAt && endsAt <= startsAt) errors.endsAt = ["admin.errors.end_before_start"];
    if (Object.keys(errors).length) throw new DomainError("invalid", "errors.checkFields", { fieldErrors: errors });
    const values = {
      kind: input.kind,
      title: input.title,
      titleEn: input.titleEn,
      description: input.description,
      descriptionEn: input.descriptionEn,
      startsAt: startsAt!,
      endsAt: endsAt!,
      location: input.location,
      locationEn: input.locationEn,
    };
    if (input.sessionId) {
      const [row] = await tx
        .update(agendaSessions)
        .set(values)
        .where(and(eq(agendaSessions.id, input.sessionId), eq(agendaSessions.eventId, input.eventId)))
        .returning({ id: agendaSessions.id });
      if (!row) throw notFound("session");
      await recordAudit(tx, actor, { action: "agenda.session.edit", entity: "agenda_session", entityId: row.id, eventId: input.eventId, after: values });
      return row;
    }
    const [{ max }] = await tx.select({ max: sql<number>`coalesce(max(${agendaSessions.order}), 0)::int` }).from(agendaSessions).where(eq(agendaSessions.eventId, input.eventId));
    const [row] = await tx.insert(agendaSessions).values({ ...values, eventId: input.eventId, order: max + 1 }).returning({ id: agendaSessions.id });
    await recordAudit(tx, actor, { action: "agenda.session.create", entity: "agenda_session", entityId: row.id, eventId: input.eventId, after: values });
    return row;
  });
}

export async function deleteSession(db: Db, actor: Actor, input: { eventId: string; sessionId: string }) {
  return db.transaction(async (tx) => {
    const rows = await tx
      .delete(agendaSessions)
      .where(and(eq(agendaSessions.id, input.sessionId), eq(agendaSessions.eventId, input.eventId)))
      .returning({ id: agendaSessions.id, title: agendaSessions.title });
    if (rows.length === 0) throw notFound("session");
    await recordAudit(tx, actor, { action: "agenda.session.delete", entity: "agenda_session", entityId: input.sessionId, eventId: input.eventId, before: rows[0] });
    return { id: input.sessionId };
  });
}

/** Swap a session with its neighbour on the same day (see swapSlots). */
export async function moveSession(db: Db, actor: Actor, input: { eventId: string; sessionId: string; direction: Direction }) {
  return db.transaction(async (tx) => {
    const event = await eventOf(tx, input.eventId);
    const all = await tx
      .select()
      .from(agendaSessions)
      .where(eq(agendaSessions.eventId, input.eventId))
      .orderBy(asc(agendaSessions.startsAt), asc(agendaSessions.order));
    const i = all.findIndex((s) => s.id === input.sessionId);
    if (i < 0) throw notFound("session");
    const j = input.direction === "up" ? i - 1 : i + 1;
    const other = all[j];
    if (!other || dayKey(other.startsAt, event.timezone) !== dayKey(all[i].startsAt, event.timezone)) return { moved: false };
    const [first, second] = j < i ? [other, all[i]] : [all[i], other];
    const r = swapSlots(first, second);
    await tx.update(agendaSessions).set({ ...r.second, order: first.order }).where(and(eq(agendaSessions.id, second.id), eq(agendaSessions.eventId, input.eventId)));
    await tx.update(agendaSessions).set({ ...r.first, order: second.order }).where(and(eq(agendaSessions.id, first.id), eq(agendaSessions.eventId, input.eventId)));
    await recordAudit(tx, actor, { action: "agenda.session.move", entity: "agenda_session", entityId: input.sessionId, eventId: input.eventId, after: { direction: input.direction } });
    return { moved: true };
  });
}

// ---------------------------------------------------------------- speakers

export async function addSpeaker(db: Db, actor: Actor, input: AddSpeakerInput) {
  return db.transaction(async (tx) => {
    await sessionOf(tx, input.eventId, input.sessionId);
    if (input.personId) await assertPersonVisible(tx, actor, input.personId); // not someone from another organizer's draft
    const personId = input.personId ?? (await createPerson(tx, input.person!));
    const [dupe] = await tx
      .select({ id: sessionSpeakers.id })
      .from(sessionSpeakers)
      .where(and(eq(sessionSpeakers.sessionId, input.sessionId), eq(sessionSpeakers.personId, personId), eq(sessionSpeakers.role, input.role)));
    if (dupe) throw invalid("personId", "already_speaker");
    const [{ max }] = await tx.select({ max: sql<number>`coalesce(max(${sessionSpeakers.order}), 0)::int` }).from(sessionSpeakers).where(eq(sessionSpeakers.sessionId, input.sessionId));
    const [row] = await tx
      .insert(sessionSpeakers)
      .values({ sessionId: input.sessionId, personId, role: input.role, topic: input.topic, topicEn: input.topicEn, order: max + 1 })
      .returning({ id: sessionSpeakers.id });
    await recordAudit(tx, actor, { action: "agenda.speaker.add", entity: "session_speaker", entityId: row.id, eventId: input.eventId, after: { sessionId: input.sessionId, personId, role: input.role } });
    return { id: row.id, personId };
  });
}

/** Session-speaker rows of this forum only. */
const speakerInEvent = (speakerId: string, eventId: string) =>
  and(eq(sessionSpeakers.id, speakerId), inArray(sessionSpeakers.sessionId, sql`(select ${agendaSessions.id} from ${agendaSessions} where ${agendaSessions.eventId} = ${eventId})`));

export async function updateSpeaker(db: Db, actor: Actor, input: UpdateSpeakerInput) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(sessionSpeakers)
      .set({ role: input.role, topic: input.topic, topicEn: input.topicEn })
      .where(speakerInEvent(input.speakerId, input.eventId))
      .returning({ id: sessionSpeakers.id });
    if (!row) throw notFound("speaker");
    await recordAudit(tx, actor, { action: "agenda.speaker.edit", entity: "session_speaker", entityId: row.id, eventId: input.eventId, after: input });
    return row;
  });
}

export async function removeSpeaker(db: Db, actor: Actor, input: { eventId: string; speakerId: string }) {
  return db.transaction(async (tx) => {
    const rows = await tx.delete(sessionSpeakers).where(speakerInEvent(input.speakerId, input.eventId)).returning({ id: sessionSpeakers.id });
    if (rows.length === 0) throw notFound("speaker");
    await recordAudit(tx, actor, { action: "agenda.speaker.remove", entity: "session_speaker", entityId: input.speakerId, eventId: input.eventId });
    return { id: input.speakerId };
  });
}

export async function moveSpeaker(db: Db, actor: Actor, input: { eventId: string; speakerId: string; direction: Direction }) {
  return db.transaction(async (tx) => {
    const [me] = await tx.select().from(sessionSpeakers).where(speakerInEvent(input.speakerId, input.eventId));
    if (!me) throw notFound("speaker");
    const list = await tx.select().from(sessionSpeakers).where(eq(sessionSpeakers.sessionId, me.sessionId)).orderBy(asc(sessionSpeakers.order), asc(sessionSpeakers.id));
    const i = list.findIndex((s) => s.id === me.id);
    const j = input.direction === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= list.length) return { moved: false };
    [list[i], list[j]] = [list[j], list[i]];
    for (const [order, s] of list.entries()) await tx.update(sessionSpeakers).set({ order: order + 1 }).where(eq(sessionSpeakers.id, s.id));
    await recordAudit(tx, actor, { action: "agenda.speaker.move", entity: "session_speaker", entityId: me.id, eventId: input.eventId, after: { direction: input.direction } });
    return { moved: true };
  });
}

// ---------------------------------------------------------------- site-visit stops

async function renumberStops(tx: Db, sessionId: string, ids: string[]) {
  // (session_id, order) is unique: park every row on a negative order first, then number 1..n.
  for (const [i, stopId] of ids.entries()) await tx.update(siteVisitStops).set({ order: -(i + 1) }).where(eq(siteVisitStops.id, stopId));
  for (const [i, stopId] of ids.entries()) await tx.update(siteVisitStops).set({ order: i + 1 }).where(and(eq(siteVisitStops.id, stopId), eq(siteVisitStops.sessionId, sessionId)));
}

export async function saveStop(db: Db, actor: Actor, input: StopInput) {
  return db.transaction(async (tx) => {
    const event = await eventOf(tx, input.eventId);
    const session = await sessionOf(tx, input.eventId, input.sessionId);
    if (session.kind !== "site_visit") throw invalid("sessionId", "not_site_visit");
    const plannedArrival = input.plannedArrival ? zonedToDate(input.plannedArrival, event.timezone) : null;
    if (input.plannedArrival && !plannedArrival) throw invalid("plannedArrival", "invalid_time");
    const values = {
      name: input.name,
      nameEn: input.nameEn,
      organization: input.organization,
      description: input.description,
      descriptionEn: input.descriptionEn,
      facts: input.facts,
      plannedArrival,
    };
    if (input.stopId) {
      const [row] = await tx
        .update(siteVisitStops)
        .set(values)
        .where(and(eq(siteVisitStops.id, input.stopId), eq(siteVisitStops.sessionId, session.id)))
        .returning({ id: siteVisitStops.id });
      if (!row) throw notFound("stop");
      await recordAudit(tx, actor, { action: "agenda.stop.edit", entity: "site_visit_stop", entityId: row.id, eventId: input.eventId, after: values });
      return row;
    }
    const [{ max }] = await tx.select({ max: sql<number>`coalesce(max(${siteVisitStops.order}), 0)::int` }).from(siteVisitStops).where(eq(siteVisitStops.sessionId, session.id));
    const [row] = await tx.insert(siteVisitStops).values({ ...values, sessionId: session.id, order: max + 1 }).returning({ id: siteVisitStops.id });
    await recordAudit(tx, actor, { action: "agenda.stop.create", entity: "site_visit_stop", entityId: row.id, eventId: input.eventId, after: values });
    return row;
  });
}

async function stopInEvent(tx: Db, eventId: string, stopId: string) {
  const [row] = await tx
    .select({ id: siteVisitStops.id, sessionId: siteVisitStops.sessionId })
    .from(siteVisitStops)
    .innerJoin(agendaSessions, eq(agendaSessions.id, siteVisitStops.sessionId))
    .where(and(eq(siteVisitStops.id, stopId), eq(agendaSessions.eventId, eventId)));
  if (!row) throw notFound("stop");
  return row;
}

export async function deleteStop(db: Db, actor: Actor, input: { eventId: string; stopId: string }) {
  return db.transaction(async (tx) => {
    const stop = await stopInEvent(tx, input.eventId, input.stopId);
    await tx.delete(siteVisitStops).where(and(eq(siteVisitStops.id, stop.id), eq(siteVisitStops.sessionId, stop.sessionId)));
    const rest = await tx.select({ id: siteVisitStops.id }).from(siteVisitStops).where(eq(siteVisitStops.sessionId, stop.sessionId)).orderBy(asc(siteVisitStops.order));
    await renumberStops(tx, stop.sessionId, rest.map((r) => r.id));
    await recordAudit(tx, actor, { action: "agenda.stop.delete", entity: "site_visit_stop", entityId: stop.id, eventId: input.eventId });
    return { id: stop.id };
  });
}

export async function moveStop(db: Db, actor: Actor, input: { eventId: string; stopId: string; direction: Direction }) {
  return db.transaction(async (tx) => {
    const stop = await stopInEvent(tx, input.eventId, input.stopId);
    const ids = (await tx.select({ id: siteVisitStops.id }).from(siteVisitStops).where(eq(siteVisitStops.sessionId, stop.sessionId)).orderBy(asc(siteVisitStops.order))).map((r) => r.id);
    const i = ids.indexOf(stop.id);
    const j = input.direction === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= ids.length) return { moved: false };
    [ids[i], ids[j]] = [ids[j], ids[i]];
    await renumberStops(tx, stop.sessionId, ids);
    await recordAudit(tx, actor, { action: "agenda.stop.move", entity: "site_visit_stop", entityId: stop.id, eventId: input.eventId, after: { direction: input.direction } });
    return { moved: true };
  });
}

// ---------------------------------------------------------------- buses

export async function saveBus(db: Db, actor: Actor, input: BusInput) {
  return db.transaction(async (tx) => {
    await eventOf(tx, input.eventId);
    if (input.sessionId) {
      const s = await sessionOf(tx, input.eventId, input.sessionId);
      if (s.kind !== "site_visit") throw invalid("sessionId", "not_site_visit");
    }
    const values = {
      name: input.name,
      nameEn: input.nameEn,
      seats: input.seats,
      leaderName: input.leaderName,
      leaderNameEn: input.leaderNameEn,
      leaderPhone: input.leaderPhone,
      sessionId: input.sessionId ?? null,
    };
    if (input.busId) {
      // Lock the bus so no assignment slips in between the count and the change.
      const [bus] = await tx.select().from(buses).where(and(eq(buses.id, input.busId), eq(buses.eventId, input.eventId))).for("update");
      if (!bus) throw notFound("bus");
      const taken = await seatsTakenOnBus(tx, bus.id);
      if (input.seats < taken) throw invalid("seats", "seats_below_assigned", { n: taken });
      const [row] = await tx.update(buses).set(values).where(and(eq(buses.id, bus.id), eq(buses.eventId, input.eventId))).returning({ id: buses.id });
      await recordAudit(tx, actor, { action: "agenda.bus.edit", entity: "bus", entityId: row.id, eventId: input.eventId, before: { seats: bus.seats }, after: values });
      return row;
    }
    const [{ max }] = await tx.select({ max: sql<number>`coalesce(max(${buses.order}), 0)::int` }).from(buses).where(eq(buses.eventId, input.eventId));
    const [row] = await tx.insert(buses).values({ ...values, eventId: input.eventId, order: max + 1 }).returning({ id: buses.id });
    await recordAudit(tx, actor, { action: "agenda.bus.create", entity: "bus", entityId: row.id, eventId: input.eventId, after: values });
    return row;
  });
}

export async function deleteBus(db: Db, actor: Actor, input: { eventId: string; busId: string }) {
  return db.transaction(async (tx) => {
    const rows = await tx.delete(buses).where(and(eq(buses.id, input.busId), eq(buses.eventId, input.eventId))).returning({ id: buses.id, name: buses.name });
    if (rows.length === 0) throw notFound("bus");
    await recordAudit(tx, actor, { action: "agenda.bus.delete", entity: "bus", entityId: input.busId, eventId: input.eventId, before: rows[0] });
    return { id: input.busId };
  });
}

