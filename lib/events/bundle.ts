/**
 * Forum bundles: one JSON document with everything needed to rebuild a forum elsewhere — details, co-hosts, agenda
 * with speakers (and their positions), site-visit stops, buses, registration settings and questions. Personal data
 * (registrations) only on request. Ids never appear: people, sessions, buses and questions are cross-referenced by
 * stable refs (p1, s1, b1, q1) assigned in display order, so export → import → export gives the same document apart
 * from the slug.
 *
 * Import validates the whole document first (zod + cross-references), then writes it in one transaction as a new
 * DRAFT forum with a unique slug: a malformed bundle writes nothing.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import {
  agendaSessions,
  buses,
  eventOrganizations,
  events,
  eventStaff,
  people,
  registrationQuestions,
  registrations,
  sessionSpeakers,
  siteVisitStops,
} from "@/db/schema";
import { DomainError, issueRefs, type FieldErrorRefs, type MessageParams } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/permissions";
import { isoInZone } from "@/lib/i18n/format";
import { createPerson } from "@/lib/people/commands";
import { recordAudit } from "@/lib/audit";
import { eventBySlug } from "./lookup";
import { loadEventTree } from "./tree";
import { findOrCreateOrganization, slugFrom, uniqueSlug } from "./commands";
import { HOST_ROLES, QUESTION_KINDS, type CloneEventInput } from "./validation";
import { isValidTimeZone } from "./zoned";
import { DELEGATE_CATEGORIES, holdsSeat, ORGANIZATION_KINDS, REGISTRATION_SOURCES, REGISTRATION_STATUSES, SESSION_KINDS, SESSION_ROLES } from "@/lib/shared/enums";

export const BUNDLE_FORMAT = "huiwu.event-bundle";
export const BUNDLE_VERSION = 1;

/** Columns a bundle carries as they are, named once for export and import (times, refs and order are converted). */
const EVENT_FIELDS = ["title", "titleEn", "summary", "summaryEn", "audience", "audienceEn", "venueName", "venueNameEn", "venueAddress", "venueAddressEn", "city", "cityEn"] as const;
const PERSON_FIELDS = ["name", "nameEn", "bio", "bioEn"] as const;
const SESSION_FIELDS = ["kind", "title", "titleEn", "description", "descriptionEn", "location", "locationEn"] as const;
const STOP_FIELDS = ["name", "nameEn", "organization", "description", "descriptionEn", "facts"] as const;
const BUS_FIELDS = ["name", "nameEn", "seats", "leaderName", "leaderNameEn", "leaderPhone"] as const;
const REGISTRATION_FIELDS = ["status", "fullName", "phone", "category", "organization", "position", "needs", "siteVisit", "source", "notes"] as const;

function fields<T, K extends keyof T>(o: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;
}

const ts = z.iso.datetime({ offset: true, message: "errors.bundle.isoTime" });
const str = (max: number) => z.string().max(max);
const optStr = (max: number) => z.string().max(max).nullable().default(null);

const positionB = z.object({ organization: str(200).min(1), organizationEn: optStr(300), title: str(200).default(""), titleEn: optStr(300) });
const factB = z.object({ label: str(100), value: str(300), labelEn: str(200).optional(), valueEn: str(500).optional() });

export const bundleSchema = z.object({
  format: z.literal(BUNDLE_FORMAT, { message: "errors.bundle.format" }),
  version: z.literal(BUNDLE_VERSION, { message: "errors.bundle.version" }),
  event: z.object({
    slug: str(80).optional(),
    title: str(200).min(1, "errors.bundle.notEmpty"),
    titleEn: optStr(300),
    summary: str(10_000).default(""),
    summaryEn: optStr(20_000),
    audience: optStr(500),
    audienceEn: optStr(1000),
    startsAt: ts,
    endsAt: ts,
    timezone: z.string().refine(isValidTimeZone, "errors.bundle.timeZone"),
    venueName: optStr(200),
    venueNameEn: optStr(300),
    venueAddress: optStr(300),
    venueAddressEn: optStr(500),
    city: optStr(100),
    cityEn: optStr(200),
  }),
  registration: z
    .object({
      capacity: z.number().int().min(0).nullable().default(null),
      opensAt: ts.nullable().default(null),
      closesAt: ts.nullable().default(null),
      requiresApproval: z.boolean().default(false),
      waitlistEnabled: z.boolean().default(true),
      questions: z
        .array(
          z.object({
            key: str(40).min(1),
            label: str(300).min(1),
            labelEn: optStr(500),
            kind: z.enum(QUESTION_KINDS),
            options: z.array(str(200)).default([]),
            required: z.boolean().default(false),
          }),
        )
        .default([]),
    })
    .prefault({}),
  hosts: z
    .array(
      z.object({
        role: z.enum(HOST_ROLES),
        organization: z.object({
          name: str(200).min(1, "errors.bundle.notEmpty"),
          nameEn: optStr(300),
          shortName: optStr(100),
          kind: z.enum(ORGANIZATION_KINDS).default("other"),
          website: optStr(300),
        }),
      }),
    )
    .default([]),
  people: z
    .array(z.object({ ref: str(40).min(1), name: str(100).min(1, "errors.bundle.notEmpty"), nameEn: optStr(200), bio: optStr(5000), bioEn: optStr(10_000), positions: z.array(positionB).max(10).default([]) }))
    .default([]),
  sessions: z
    .array(
      z.object({
        ref: str(40).min(1),
        kind: z.enum(SESSION_KINDS),
        title: str(300).min(1, "errors.bundle.notEmpty"),
        titleEn: optStr(500),
        description: optStr(5000),
        descriptionEn: optStr(10_000),
        startsAt: ts,
        endsAt: ts,
        location: optStr(200),
        locationEn: optStr(300),
        speakers: z.array(z.object({ person: str(40), role: z.enum(SESSION_ROLES).default("speaker"), topic: optStr(300), topicEn: optStr(500) })).default([]),
        stops: z
          .array(
            z.object({
              name: z.string().trim().min(1, "errors.bundle.stopName").max(200),
              nameEn: optStr(300),
              organization: optStr(200),
              description: optStr(5000),
              descriptionEn: optStr(10_000),
              facts: z.array(factB).default([]),
              plannedArrival: ts.nullable().default(null),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
  buses: z
    .array(
      z.object({
        ref: str(40).min(1),
        name: str(100).min(1, "errors.bundle.notEmpty"),
        nameEn: optStr(200),
        seats: z.number().int().min(1, "errors.bundle.busSeats"),
        leaderName: optStr(100),
        leaderNameEn: optStr(200),
        leaderPhone: optStr(40),
        session: str(40).nullable().default(null),
      }),
    )
    .default([]),
  registrations: z
    .array(
      z.object({
        fullName: str(200).min(1, "errors.bundle.notEmpty"),
        email: z.email().nullable().default(null),
        phone: optStr(40),
        category: z.enum(DELEGATE_CATEGORIES).default("other"),
        organization: optStr(200),
        position: optStr(200),
        needs: optStr(2000),
        siteVisit: z.boolean().default(false),
        status: z.enum(REGISTRATION_STATUSES),
        source: z.enum(REGISTRATION_SOURCES).default("import"),
        bus: str(40).nullable().default(null),
        answers: z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({}),
        notes: optStr(5000),
      }),
    )
    .optional(),
});

export type Bundle = z.infer<typeof bundleSchema>;

// ------------------------------------------------------------------------------------------------ export

export async function exportBundle(db: Db, eventId: string, opts: { includeRegistrations?: boolean } = {}): Promise<Bundle> {
  const e = await loadEventTree(db, eq(events.id, eventId));
  if (!e) throw new DomainError("not_found", "errors.forumNotFound");
  const tz = e.timezone;
  const iso = (d: Date | null) => (d ? isoInZone(d, tz) : null);

  const personRef = new Map<string, string>();
  const peopleOut: Bundle["people"] = [];
  const sessionRef = new Map<string, string>();
  const sessionsOut: Bundle["sessions"] = e.sessions.map((s, i) => {
    const ref = `s${i + 1}`;
    sessionRef.set(s.id, ref);
    return {
      ref,
      ...fields(s, SESSION_FIELDS),
      startsAt: iso(s.startsAt)!,
      endsAt: iso(s.endsAt)!,
      speakers: s.speakers.map((sp) => {
        let pref = personRef.get(sp.personId);
        if (!pref) {
          pref = `p${personRef.size + 1}`;
          personRef.set(sp.personId, pref);
          const p = sp.person;
          peopleOut.push({
            ref: pref,
            ...fields(p, PERSON_FIELDS),
            positions: p.positions.map((x) => ({ organization: x.organization, organizationEn: x.organizationEn, title: x.title, titleEn: x.titleEn })),
          });
        }
        return { person: pref, role: sp.role, topic: sp.topic, topicEn: sp.topicEn };
      }),
      stops: s.stops.map((st) => ({ ...fields(st, STOP_FIELDS), plannedArrival: iso(st.plannedArrival) })),
    };
  });
  const busRef = new Map<string, string>();
  const busesOut: Bundle["buses"] = e.buses.map((b, i) => {
    busRef.set(b.id, `b${i + 1}`);
    return {
      ref: `b${i + 1}`,
      ...fields(b, BUS_FIELDS),
      session: b.sessionId ? (sessionRef.get(b.sessionId) ?? null) : null,
    };
  });
  const questionKey = new Map(e.questions.map((q, i) => [q.id, `q${i + 1}`]));

  const bundle: Bundle = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    event: {
      slug: e.slug,
      ...fields(e, EVENT_FIELDS),
      startsAt: iso(e.startsAt)!,
      endsAt: iso(e.endsAt)!,
      timezone: tz,
    },
    registration: {
      capacity: e.capacity,
      opensAt: iso(e.registrationOpensAt),
      closesAt: iso(e.registrationClosesAt),
      requiresApproval: e.requiresApproval,
      waitlistEnabled: e.waitlistEnabled,
      questions: e.questions.map((q) => ({ key: questionKey.get(q.id)!, label: q.label, labelEn: q.labelEn, kind: q.kind, options: q.options, required: q.required })),
    },
    hosts: e.hosts.map((h) => ({
      role: h.role,
      organization: { name: h.organization.name, nameEn: h.organization.nameEn, shortName: h.organization.shortName, kind: h.organization.kind, website: h.organization.website },
    })),
    people: peopleOut,
    sessions: sessionsOut,
    buses: busesOut,
  };

  if (opts.includeRegistrations) {
    const regs = await db.select().from(registrations).where(eq(registrations.eventId, eventId)).orderBy(asc(registrations.createdAt), asc(registrations.fullName), asc(registrations.id));
    bundle.registrations = regs.map((r) => ({
      ...fields(r, REGISTRATION_FIELDS),
      email: r.email,
      bus: r.busId ? (busRef.get(r.busId) ?? null) : null,
      answers: Object.fromEntries(Object.entries(r.answers).flatMap(([k, v]) => (questionKey.has(k) ? [[questionKey.get(k)!, v]] : []))),
    }));
  }
  return bundle;
}

// ------------------------------------------------------------------------------------------------ import

/** "Malformed bundle: <path>: <first problem>"; the problem is a message ref, translated with the rest. */
const malformed = (fieldErrors: FieldErrorRefs) => {
  const [path, refs] = Object.entries(fieldErrors)[0];
  return new DomainError("invalid", "errors.bundleMalformed", { params: { path, detail: typeof refs[0] === "string" ? { key: refs[0] } : refs[0] }, fieldErrors });
};

/** zod + cross-reference checks; throws DomainError("invalid") naming the first problem (all of them in fieldErrors). */
export function parseBundle(input: unknown): Bundle {
  if (input === null || typeof input !== "object" || Array.isArray(input)) throw malformed({ _: ["errors.bundle.notObject"] });
  const r = bundleSchema.safeParse(input);
  if (!r.success) {
    throw malformed(issueRefs(r.error.issues));
  }
  const b = r.data;
  const fe: FieldErrorRefs = {};
  const add = (path: string, key: string, params?: MessageParams) => (fe[path] ??= []).push({ key: `errors.bundle.${key}`, params });
  const dupes = (refs: string[], path: string) => refs.forEach((ref, i) => refs.indexOf(ref) !== i && add(`${path}.${i}.ref`, "duplicateRef", { ref }));
  dupes(b.people.map((p) => p.ref), "people");
  dupes(b.sessions.map((s) => s.ref), "sessions");
  dupes(b.buses.map((x) => x.ref), "buses");
  const keys = b.registration.questions.map((q) => q.key);
  keys.forEach((k, i) => keys.indexOf(k) !== i && add(`registration.questions.${i}.key`, "duplicateKey", { key: k }));
  const personRefs = new Set(b.people.map((p) => p.ref));
  const sessionRefs = new Set(b.sessions.map((s) => s.ref));
  const busRefs = new Set(b.buses.map((x) => x.ref));
  if (Date.parse(b.event.endsAt) < Date.parse(b.event.startsAt)) add("event.endsAt", "endsBeforeStart");
  if (b.registration.opensAt && b.registration.closesAt && Date.parse(b.registration.closesAt) < Date.parse(b.registration.opensAt))
    add("registration.closesAt", "closesBeforeOpens");
  b.sessions.forEach((s, i) => {
    if (Date.parse(s.endsAt) <= Date.parse(s.startsAt)) add(`sessions.${i}.endsAt`, "endAfterStart");
    if (s.stops.length && s.kind !== "site_visit") add(`sessions.${i}.stops`, "stopsOnlySiteVisit");
    const seen = new Set<string>();
    s.speakers.forEach((sp, j) => {
      if (!personRefs.has(sp.person)) add(`sessions.${i}.speakers.${j}.person`, "unknownPerson", { ref: sp.person });
      const k = `${sp.person}|${sp.role}`;
      if (seen.has(k)) add(`sessions.${i}.speakers.${j}`, "samePersonTwice");
      seen.add(k);
    });
  });
  const hostKeys = new Set<string>();
  b.hosts.forEach((h, i) => {
    const k = `${h.organization.name.trim().toLowerCase()}|${h.role}`;
    if (hostKeys.has(k)) add(`hosts.${i}`, "sameHostTwice");
    hostKeys.add(k);
  });
  b.buses.forEach((x, i) => {
    if (x.session && !sessionRefs.has(x.session)) add(`buses.${i}.session`, "unknownSession", { ref: x.session });
  });
  const perBus = new Map<string, number>();
  const emails = new Set<string>();
  b.registrations?.forEach((reg, i) => {
    if (reg.bus && !busRefs.has(reg.bus)) add(`registrations.${i}.bus`, "unknownBus", { ref: reg.bus });
    if (reg.bus && holdsSeat(reg.status)) perBus.set(reg.bus, (perBus.get(reg.bus) ?? 0) + 1);
    const email = reg.email?.toLowerCase();
    if (email && emails.has(email)) add(`registrations.${i}.email`, "duplicateEmail", { email });
    if (email) emails.add(email);
    for (const k of Object.keys(reg.answers)) if (!keys.includes(k)) add(`registrations.${i}.answers.${k}`, "unknownQuestion", { key: k });
  });
  b.buses.forEach((x, i) => {
    if ((perBus.get(x.ref) ?? 0) > x.seats) add(`buses.${i}.seats`, "busOverfull", { n: perBus.get(x.ref) ?? 0, seats: x.seats });
  });
  if (Object.keys(fe).length) throw malformed(fe);
  return b;
}

async function findOrCreatePerson(tx: Db, p: Bundle["people"][number]): Promise<string> {
  // Reuse a person only when name and every position match exactly (never merge namesakes).
  const candidates = await tx.query.people.findMany({
    where: eq(people.name, p.name),
    with: { positions: { orderBy: (x, { asc }) => [asc(x.order)] } },
    limit: 20,
  });
  const want = JSON.stringify([p.nameEn ?? null, p.positions.map((x) => [x.organization, x.organizationEn ?? null, x.title, x.titleEn ?? null])]);
  for (const c of candidates) {
    const have = JSON.stringify([c.nameEn ?? null, c.positions.map((x) => [x.organization, x.organizationEn ?? null, x.title, x.titleEn ?? null])]);
    if (have === want && (c.bio ?? null) === (p.bio ?? null)) return c.id;
  }
  return createPerson(tx, p);
}

/** Write a validated bundle as a new draft forum run by `actor`. */
export async function importBundle(db: Db, actor: Actor, raw: unknown, opts: { source?: string } = {}) {
  const b = parseBundle(raw);
  return db.transaction(async (tx) => {
    const e = b.event;
    const base = e.slug && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(e.slug) ? e.slug : slugFrom(e.titleEn, new Date(e.startsAt));
    const slug = await uniqueSlug(tx, base);
    const [ev] = await tx
      .insert(events)
      .values({
        slug,
        ...fields(e, EVENT_FIELDS),
        startsAt: new Date(e.startsAt),
        endsAt: new Date(e.endsAt),
        timezone: e.timezone,
        status: "draft",
        capacity: b.registration.capacity,
        registrationOpensAt: b.registration.opensAt ? new Date(b.registration.opensAt) : null,
        registrationClosesAt: b.registration.closesAt ? new Date(b.registration.closesAt) : null,
        requiresApproval: b.registration.requiresApproval,
        waitlistEnabled: b.registration.waitlistEnabled,
        createdById: actor.id,
      })
      .returning({ id: events.id, slug: events.slug });
    await tx.insert(eventStaff).values({ eventId: ev.id, userId: actor.id, role: "organizer" }).onConflictDoNothing();

    // Positions count from 1, like sessions, stops and buses (and the seed): the round trip keeps them.
    for (const [i, h] of b.hosts.entries()) {
      const { name, ...extra } = h.organization;
      const org = await findOrCreateOrganization(tx, name, extra);
      await tx.insert(eventOrganizations).values({ eventId: ev.id, organizationId: org.id, role: h.role, order: i + 1 });
    }

    const questionId = new Map<string, string>();
    for (const [i, q] of b.registration.questions.entries()) {
      const [row] = await tx
        .insert(registrationQuestions)
        .values({ eventId: ev.id, label: q.label, labelEn: q.labelEn, kind: q.kind, options: q.options, required: q.required, order: i + 1 })
        .returning({ id: registrationQuestions.id });
      questionId.set(q.key, row.id);
    }

    const personId = new Map<string, string>();
    for (const p of b.people) personId.set(p.ref, await findOrCreatePerson(tx, p));

    const sessionId = new Map<string, string>();
    for (const [order, s] of b.sessions.entries()) {
      const [row] = await tx
        .insert(agendaSessions)
        .values({
          eventId: ev.id,
          ...fields(s, SESSION_FIELDS),
          startsAt: new Date(s.startsAt),
          endsAt: new Date(s.endsAt),
          order: order + 1,
        })
        .returning({ id: agendaSessions.id });
      sessionId.set(s.ref, row.id);
      if (s.speakers.length)
        await tx
          .insert(sessionSpeakers)
          .values(s.speakers.map((sp, i) => ({ sessionId: row.id, personId: personId.get(sp.person)!, role: sp.role, topic: sp.topic, topicEn: sp.topicEn, order: i + 1 })));
      if (s.stops.length)
        await tx.insert(siteVisitStops).values(
          s.stops.map((st, i) => ({
            sessionId: row.id,
            order: i + 1,
            ...fields(st, STOP_FIELDS),
            plannedArrival: st.plannedArrival ? new Date(st.plannedArrival) : null,
          })),
        );
    }

    const busId = new Map<string, string>();
    for (const [i, x] of b.buses.entries()) {
      const [row] = await tx
        .insert(buses)
        .values({
          eventId: ev.id,
          sessionId: x.session ? sessionId.get(x.session)! : null,
          ...fields(x, BUS_FIELDS),
          order: i + 1,
        })
        .returning({ id: buses.id });
      busId.set(x.ref, row.id);
    }

    if (b.registrations?.length) {
      const now = new Date();
      const rows = b.registrations.map((r, i) => ({
        eventId: ev.id,
        ...fields(r, REGISTRATION_FIELDS),
        email: r.email?.toLowerCase() ?? null,
        busId: r.bus ? busId.get(r.bus)! : null,
        ticketCode: randomBytes(18).toString("base64url"),
        answers: Object.fromEntries(Object.entries(r.answers).map(([k, v]) => [questionId.get(k)!, v])),
        // Keep the bundle's order: createdAt increases by a millisecond per row.
        createdAt: new Date(now.getTime() + i),
        confirmedAt: r.status === "confirmed" ? now : null,
        waitlistedAt: r.status === "waitlisted" ? new Date(now.getTime() + i) : null,
        cancelledAt: r.status === "cancelled" ? now : null,
      }));
      for (let i = 0; i < rows.length; i += 500) await tx.insert(registrations).values(rows.slice(i, i + 500));
    }

    await recordAudit(tx, actor, {
      action: "event.import",
      entity: "event",
      entityId: ev.id,
      eventId: ev.id,
      after: { slug: ev.slug, source: opts.source ?? "bundle", sessions: b.sessions.length, registrations: b.registrations?.length ?? 0 },
    });
    return ev;
  });
}

/** Shift every time of a bundle by `ms` (cloning a forum to new dates). */
export function shiftBundle(b: Bundle, ms: number): Bundle {
  if (!ms) return b;
  const tz = b.event.timezone;
  const sh = (s: string) => isoInZone(new Date(Date.parse(s) + ms), tz);
  const shn = (s: string | null) => (s ? sh(s) : null);
  return {
    ...b,
    event: { ...b.event, startsAt: sh(b.event.startsAt), endsAt: sh(b.event.endsAt) },
    registration: { ...b.registration, opensAt: shn(b.registration.opensAt), closesAt: shn(b.registration.closesAt) },
    sessions: b.sessions.map((s) => ({ ...s, startsAt: sh(s.startsAt), endsAt: sh(s.endsAt), stops: s.stops.map((st) => ({ ...st, plannedArrival: shn(st.plannedArrival) })) })),
  };
}

/** Clone a forum into a new draft with its own title, slug and first day; the speakers only when asked. */
export async function cloneEvent(db: Db, actor: Actor, input: CloneEventInput) {
  let b = await exportBundle(db, input.sourceEventId);
  if (!input.withPeople) b = { ...b, people: [], sessions: b.sessions.map((s) => ({ ...s, speakers: [] })) };
  const from = Date.parse(`${b.event.startsAt.slice(0, 10)}T00:00:00Z`);
  const to = Date.parse(`${input.startsOn}T00:00:00Z`);
  if (Number.isNaN(to)) throw new DomainError("invalid", "errors.checkFields", { fieldErrors: { startsOn: ["admin.errors.invalid_date"] } });
  b = shiftBundle(b, to - from);
  if (input.slug) {
    if (await eventBySlug(db, input.slug)) throw new DomainError("invalid", "errors.checkFields", { fieldErrors: { slug: ["admin.errors.slug_taken"] } });
  }
  // never the source's identity: its slug or English title would make the copy look like the original
  b = { ...b, event: { ...b.event, title: input.title, titleEn: input.titleEn ?? null, slug: input.slug ?? "" } };
  return importBundle(db, actor, b, { source: "clone" });
}
