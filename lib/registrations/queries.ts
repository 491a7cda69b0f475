/** Reads for the registration pages and API. Every read of a registration is scoped by its owner's id. */
import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agendaSessions, buses, events, registrationQuestions, registrations } from "@/db/schema";
import { PUBLIC_EVENT_STATUSES } from "@/lib/events/queries";
import { withSeatsTaken } from "@/lib/buses/seats";
import { seatCounts } from "@/lib/delegations/seats";
import { eventBySlug, eventHeadColumns } from "@/lib/events/lookup";
import { sessionChoiceGroups } from "./session-choices";
import { registrationGate, waitlistPositionOf } from "./commands";
import { ACTIVE_REGISTRATION_STATUSES, isOneOf } from "@/lib/shared/enums";
import { isUuid } from "@/lib/shared/uuid";

/** Seats left and the button's state, for the forum page, the form and the API. */
export type Availability = {
  capacity: number | null;
  taken: number;
  left: number | null;
  waitlisted: number;
  /** open | notOpen | closed | ended | cancelledForum */
  gate: "open" | "notOpen" | "closed" | "ended" | "cancelledForum" | "notFound";
  /** "filling" when ≤ 20% (or ≤ 10) seats remain, "full" when none. */
  level: "unlimited" | "available" | "filling" | "full";
  waitlistEnabled: boolean;
  requiresApproval: boolean;
};

export async function eventAvailability(db: Db, event: typeof events.$inferSelect, now = new Date()): Promise<Availability> {
  // seats reserved for invited units count as taken: the public never sees (nor takes) them
  const c = await seatCounts(db, event.id);
  const taken = event.capacity == null ? c.holding : c.outsideQuotas + c.reserved;
  const waitlisted = c.waitlisted;
  const left = event.capacity == null ? null : Math.max(0, event.capacity - taken);
  const gate = registrationGate(event, now);
  let level: Availability["level"] = "unlimited";
  if (left != null) level = left === 0 ? "full" : left <= Math.max(10, Math.ceil((event.capacity ?? 0) * 0.2)) ? "filling" : "available";
  return {
    capacity: event.capacity,
    taken,
    left,
    waitlisted,
    gate: gate.open ? "open" : gate.reason,
    level,
    waitlistEnabled: event.waitlistEnabled,
    requiresApproval: event.requiresApproval,
  };
}

/** Everything the registration form needs: the forum, its questions, whether it has a site visit, its buses with seats left. */
export async function registrationFormData(db: Db, slug: string) {
  const event = await eventBySlug(db, slug, PUBLIC_EVENT_STATUSES);
  if (!event) return null;
  const [questions, busRows, visits, availability, trackGroups] = await Promise.all([
    db.select().from(registrationQuestions).where(eq(registrationQuestions.eventId, event.id)).orderBy(asc(registrationQuestions.order)),
    db.select().from(buses).where(eq(buses.eventId, event.id)).orderBy(asc(buses.order)),
    db.select({ id: agendaSessions.id }).from(agendaSessions).where(and(eq(agendaSessions.eventId, event.id), eq(agendaSessions.kind, "site_visit"))).limit(1),
    eventAvailability(db, event),
    sessionChoiceGroups(db, event.id),
  ]);
  return {
    event,
    questions,
    hasSiteVisit: visits.length > 0 || busRows.length > 0,
    buses: (await withSeatsTaken(db, busRows)).map((b) => ({ id: b.id, name: b.name, seats: b.seats, left: b.left })),
    availability,
    /** Parallel sessions to choose from, one group per time slot (lib/registrations/session-choices.ts). */
    trackGroups,
  };
}
export type RegistrationFormData = NonNullable<Awaited<ReturnType<typeof registrationFormData>>>;

const listColumns = {
  id: registrations.id,
  status: registrations.status,
  category: registrations.category,
  organization: registrations.organization,
  position: registrations.position,
  phone: registrations.phone,
  needs: registrations.needs,
  siteVisit: registrations.siteVisit,
  busId: registrations.busId,
  answers: registrations.answers,
  ticketCode: registrations.ticketCode,
  fullName: registrations.fullName,
  email: registrations.email,
  eventId: registrations.eventId,
  waitlistedAt: registrations.waitlistedAt,
  createdAt: registrations.createdAt,
  cancelledAt: registrations.cancelledAt,
  busName: buses.name,
  event: {
    ...eventHeadColumns,
    venueName: events.venueName,
    venueNameEn: events.venueNameEn,
    venueAddress: events.venueAddress,
    venueAddressEn: events.venueAddressEn,
    status: events.status,
    registrationOpensAt: events.registrationOpensAt,
    registrationClosesAt: events.registrationClosesAt,
  },
};


/** Adds the waitlist position and what the person may still do (edit while registration is open, cancel until the end). */
async function withState<R extends { id: string; eventId: string; status: (typeof registrations.$inferSelect)["status"]; event: Parameters<typeof registrationGate>[0] }>(db: Db, r: R) {
  const active = isOneOf(ACTIVE_REGISTRATION_STATUSES, r.status);
  return {
    ...r,
    waitlistPosition: await waitlistPositionOf(db, r),
    editable: active && registrationGate(r.event).open,
    cancellable: active && r.event.endsAt.getTime() > Date.now(),
  };
}

/** The signed-in person's registrations, newest forum first, each with its waitlist position. */
export async function myRegistrations(db: Db, userId: string) {
  const rows = await db
    .select(listColumns)
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .leftJoin(buses, eq(buses.id, registrations.busId))
    .where(eq(registrations.userId, userId))
    .orderBy(desc(events.startsAt), desc(registrations.createdAt));
  return Promise.all(rows.map((r) => withState(db, r)));
}
export type MyRegistration = Awaited<ReturnType<typeof myRegistrations>>[number];

/** One of the person's own registrations (null for someone else's or an unknown id). */
export async function myRegistration(db: Db, userId: string, registrationId: string) {
  if (!isUuid(registrationId)) return null;
  const [r] = await db
    .select(listColumns)
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .leftJoin(buses, eq(buses.id, registrations.busId))
    .where(and(eq(registrations.id, registrationId), eq(registrations.userId, userId)));
  return r ? withState(db, r) : null;
}

/** The person's registration for one forum, if any (for the forum page's button). */
export async function myRegistrationFor(db: Db, userId: string, eventId: string) {
  const [r] = await db
    .select({ id: registrations.id, status: registrations.status })
    .from(registrations)
    .where(and(eq(registrations.userId, userId), eq(registrations.eventId, eventId)));
  return r ?? null;
}

/** The API's JSON shape of a registration. */
export function registrationJson(r: MyRegistration) {
  return {
    id: r.id,
    event: { slug: r.event.slug, title: r.event.title, startsAt: r.event.startsAt.toISOString(), endsAt: r.event.endsAt.toISOString(), timezone: r.event.timezone },
    status: r.status,
    category: r.category,
    organization: r.organization,
    position: r.position,
    phone: r.phone,
    needs: r.needs,
    siteVisit: r.siteVisit,
    groupId: r.busId,
    answers: r.answers,
    ticketCode: r.status === "confirmed" ? r.ticketCode : undefined,
    waitlistPosition: r.waitlistPosition ?? undefined,
    createdAt: r.createdAt.toISOString(),
  };
}

/** The ticket the person needs next: their active registration for the earliest forum that has not ended yet. */
export function nextRegistration<R extends { status: string; event: { startsAt: Date; endsAt: Date } }>(regs: readonly R[], now = new Date()): R | null {
  const upcoming = regs.filter((r) => isOneOf(ACTIVE_REGISTRATION_STATUSES, r.status) && r.event.endsAt.getTime() > now.getTime());
  upcoming.sort((a, b) => a.event.startsAt.getTime() - b.event.startsAt.getTime());
  return upcoming[0] ?? null;
}
