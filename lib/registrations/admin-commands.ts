/**
 * Organizer-side registration commands (审核, 候补, 取消, 手工添加, 分车). Each takes (db, actor, input), runs in ONE
 * transaction and scopes every UPDATE by the event id, so an id from another forum is simply not found (no IDOR).
 *
 * Capacity (DESIGN §3.4): every command first locks the forum row (SELECT … FOR UPDATE) — the same lock attendee
 * registration (./commands.ts) takes, so organizers and attendees queue on one row and the forum is never oversold.
 * Seats are counted as attendee registration counts them (`seatsTaken`: confirmed + pending hold a seat), and a seat
 * freed by cancel / reject / waitlist goes to the waitlist first come first served (`promoteWaitlisted`). Bus seats:
 * the bus rows are locked the same way and counted by the one rule (lib/buses/seats.ts); cancel, reject and waitlist
 * also clear the bus. Every change writes its notification to the outbox and an audit row.
 */
import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { buses, events, registrationQuestions, registrations, users } from "@/db/schema";
import { DomainError } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit";
import { busesKeptOnPromotion, busSeatsTaken, seatsTakenOnBus } from "@/lib/buses/seats";
import type { Actor } from "@/lib/auth/permissions";
import type { Locale } from "@/lib/i18n/config";
import { type GuestInput, type StatusAction, type UpdateRegistrationInput } from "./admin-validation";
import { newTicketCode, promoteWaitlisted, seatsTaken } from "./commands";
import { enqueueRegistrationMail, type MailKind } from "./notify";
import { checkAnswers as checkAnswersFor } from "./validation";
import { ACTIVE_REGISTRATION_STATUSES, DELEGATE_CATEGORIES, holdsSeat } from "@/lib/shared/enums";

export { newTicketCode };

type Status = (typeof registrations.$inferSelect)["status"];

/** Which statuses each action applies to, and where it leads. */
export const TRANSITIONS: Record<StatusAction, { from: Status[]; to: Status }> = {
  approve: { from: ["pending"], to: "confirmed" },
  promote: { from: ["waitlisted"], to: "confirmed" },
  reject: { from: ["pending", "waitlisted"], to: "rejected" },
  waitlist: { from: ["pending", "confirmed"], to: "waitlisted" },
  cancel: { from: [...ACTIVE_REGISTRATION_STATUSES], to: "cancelled" },
};

const MAIL: Record<StatusAction, MailKind> = { approve: "approved", promote: "promoted", reject: "rejected", waitlist: "waitlisted", cancel: "cancelled" };

/** Lock the forum row for the rest of the transaction. */
export async function lockEvent(tx: Db, eventId: string) {
  const [e] = await tx.select().from(events).where(eq(events.id, eventId)).for("update");
  if (!e) throw new DomainError("not_found", "errors.forumNotFound");
  return e;
}

/** Seats left after locking (Infinity when the forum has no capacity); confirmed and pending hold seats. */
export async function seatsLeft(tx: Db, ev: { id: string; capacity: number | null }): Promise<number> {
  if (ev.capacity == null) return Number.POSITIVE_INFINITY;
  return Math.max(0, ev.capacity - Number(await seatsTaken(tx, ev.id)));
}

export type StatusChangeResult = { changed: number; skipped: number; notFound: number };

/**
 * Approve / reject / waitlist / promote / cancel one or many registrations. Registrations not in a state the action
 * applies to are skipped (and counted). Confirming more than the seats left changes nothing and says how many fit.
 */
export async function changeRegistrationStatus(
  db: Db,
  actor: Actor,
  input: { eventId: string; action: StatusAction; registrationIds: string[]; locale?: Locale },
): Promise<StatusChangeResult & { promoted: number }> {
  const ids = [...new Set(input.registrationIds)];
  const t = TRANSITIONS[input.action];
  return db.transaction(async (tx) => {
    const ev = await lockEvent(tx, input.eventId);
    const rows = await tx
      .select()
      .from(registrations)
      .where(and(eq(registrations.eventId, input.eventId), inArray(registrations.id, ids)))
      .for("update");
    const eligible = rows.filter((r) => t.from.includes(r.status));
    const needed = eligible.filter((r) => !holdsSeat(r.status) && holdsSeat(t.to)).length;
    if (needed > 0) {
      const left = await seatsLeft(tx, ev);
      if (needed > left) {
        throw new DomainError("conflict", left === 0 ? "console.errors.full" : "console.errors.seatsLeft", { params: { left }, extra: { seatsLeft: left } });
      }
    }
    let promoted = 0;
    if (eligible.length > 0) {
      const now = new Date();
      const set: Partial<typeof registrations.$inferInsert> = { status: t.to };
      if (t.to === "confirmed") Object.assign(set, { confirmedAt: now, cancelledAt: null });
      if (t.to === "waitlisted") Object.assign(set, { waitlistedAt: now, busId: null });
      if (t.to === "cancelled") Object.assign(set, { cancelledAt: now, busId: null });
      if (t.to === "rejected") Object.assign(set, { busId: null });
      // Promoted by hand: each keeps the bus it asked for while that bus has a seat, as promotion from the queue does
      // (decided before the update: the rows do not hold a seat yet).
      const entering = eligible.filter((r) => r.busId && !holdsSeat(r.status) && holdsSeat(t.to));
      const kept = entering.length > 0 ? await busesKeptOnPromotion(tx, entering) : new Map<string, string | null>();
      const dropBus = entering.filter((r) => kept.get(r.id) == null).map((r) => r.id);
      const updated = await tx
        .update(registrations)
        .set(set)
        .where(and(eq(registrations.eventId, input.eventId), inArray(registrations.id, eligible.map((r) => r.id))))
        .returning();
      if (dropBus.length > 0) {
        await tx.update(registrations).set({ busId: null }).where(and(eq(registrations.eventId, input.eventId), inArray(registrations.id, dropBus)));
        for (const r of updated) if (dropBus.includes(r.id)) r.busId = null;
      }
      const userIds = [...new Set(updated.map((r) => r.userId).filter((u): u is string => Boolean(u)))];
      const locales = new Map(
        userIds.length ? (await tx.select({ id: users.id, locale: users.locale }).from(users).where(inArray(users.id, userIds))).map((u) => [u.id, u.locale as Locale]) : [],
      );
      const before = new Map(eligible.map((r) => [r.id, r.status]));
      for (const r of updated) {
        await enqueueRegistrationMail(tx, MAIL[input.action], { ...r, locale: r.userId ? locales.get(r.userId) : null }, ev);
        await recordAudit(tx, actor, { action: `registration.${input.action}`, entity: "registration", entityId: r.id, eventId: ev.id, before: { status: before.get(r.id) }, after: { status: t.to } });
      }
      // A seat freed by cancel / reject / waitlist goes to the waitlist, first come first served (as for attendees).
      if (eligible.some((r) => holdsSeat(r.status)) && !holdsSeat(t.to) && ev.waitlistEnabled) promoted = (await promoteWaitlisted(tx, ev, actor)).length;
    }
    return { changed: eligible.length, skipped: rows.length - eligible.length, notFound: ids.length - rows.length, promoted };
  });
}

/** The person's details as both add and edit write them. */
const personFields = (i: GuestInput | UpdateRegistrationInput) => ({
  fullName: i.fullName,
  email: i.email,
  phone: i.phone,
  organization: i.organization,
  position: i.position,
  category: i.category,
  siteVisit: i.siteVisit,
  notes: i.notes,
  needs: i.needs,
});

/** A second registration with the same email at this forum: a field error, not a crash. */
function rethrowEmailTaken(e: unknown): never {
  if (uniqueViolation(e, "registrations_event_email_unique")) {
    throw new DomainError("conflict", "console.errors.emailTaken", { fieldErrors: { email: ["console.errors.emailTaken"] } });
  }
  throw e;
}

function uniqueViolation(e: unknown, constraint: string): boolean {
  const err = e as { cause?: Record<string, unknown> } & Record<string, unknown>;
  const c = (err?.cause ?? err) as Record<string, unknown>;
  return c?.code === "23505" && String(c.constraint ?? c.constraint_name ?? c.message ?? "").includes(constraint);
}

/** Add a guest by hand (手工添加嘉宾). Confirmed when a seat is free, else waitlisted (or refused without a waitlist). */
export async function addGuest(db: Db, actor: Actor, input: GuestInput): Promise<{ id: string; status: Status }> {
  try {
    return await db.transaction(async (tx) => {
      const ev = await lockEvent(tx, input.eventId);
      let status: Status = input.status;
      if (status === "confirmed" && (await seatsLeft(tx, ev)) < 1) {
        if (!ev.waitlistEnabled) throw new DomainError("conflict", "console.errors.fullNoWaitlist");
        status = "waitlisted";
      }
      const now = new Date();
      const [row] = await tx
        .insert(registrations)
        .values({
          eventId: input.eventId,
          status,
          ...personFields(input),
          source: "organizer",
          ticketCode: newTicketCode(),
          confirmedAt: status === "confirmed" ? now : null,
          waitlistedAt: status === "waitlisted" ? now : null,
        })
        .returning({ id: registrations.id, status: registrations.status });
      await recordAudit(tx, actor, { action: "registration.add_guest", entity: "registration", entityId: row.id, eventId: ev.id, after: { status, fullName: input.fullName, email: input.email } });
      return row;
    });
  } catch (e) {
    rethrowEmailTaken(e);
  }
}

/** Check answers against the forum's own questions (the same rules as the attendee's form). */
async function checkAnswers(tx: Db, eventId: string, answers: Record<string, string | string[]>, locale: Locale) {
  const qs = await tx.select().from(registrationQuestions).where(eq(registrationQuestions.eventId, eventId)).orderBy(asc(registrationQuestions.order));
  const r = checkAnswersFor(qs, answers, locale);
  if (!r.ok) throw new DomainError("invalid", "errors.checkFields", { fieldErrors: r.fieldErrors });
  return r.answers;
}

/** Edit a registration's details and answers (the detail drawer). */
export async function updateRegistration(db: Db, actor: Actor, input: UpdateRegistrationInput, locale: Locale = "en"): Promise<{ id: string }> {
  try {
    return await db.transaction(async (tx) => {
      const answers = await checkAnswers(tx, input.eventId, input.answers, locale);
      const [row] = await tx
        .update(registrations)
        .set({ ...personFields(input), answers })
        .where(and(eq(registrations.eventId, input.eventId), eq(registrations.id, input.registrationId)))
        .returning({ id: registrations.id });
      if (!row) throw new DomainError("not_found", "console.errors.notFound");
      const { eventId: _e, registrationId: _r, ...after } = input;
      await recordAudit(tx, actor, { action: "registration.edit", entity: "registration", entityId: row.id, eventId: input.eventId, after });
      return row;
    });
  } catch (e) {
    rethrowEmailTaken(e);
  }
}

/** Put registrations on a bus (or take them off with busId null) — never over its seats (bus row locked). */
export async function assignBus(
  db: Db,
  actor: Actor,
  input: { eventId: string; registrationIds: string[]; busId: string | null; locale?: Locale },
): Promise<{ assigned: number }> {
  const ids = [...new Set(input.registrationIds)];
  return db.transaction(async (tx) => {
    if (input.busId) {
      const [bus] = await tx
        .select({ id: buses.id, seats: buses.seats, name: buses.name })
        .from(buses)
        .where(and(eq(buses.id, input.busId), eq(buses.eventId, input.eventId)))
        .for("update");
      if (!bus) throw new DomainError("not_found", "console.errors.noBus");
      const taken = await seatsTakenOnBus(tx, bus.id);
      const moving = await tx
        .select({ id: registrations.id })
        .from(registrations)
        .where(
          and(
            eq(registrations.eventId, input.eventId),
            inArray(registrations.id, ids),
            inArray(registrations.status, ["confirmed", "pending"]),
            sql`${registrations.busId} is distinct from ${bus.id}`,
          ),
        );
      const free = bus.seats - taken;
      if (moving.length > free) {
        throw new DomainError("conflict", "console.errors.busFull", { params: { bus: bus.name, free, n: moving.length }, extra: { free } });
      }
      if (moving.length === 0) return { assigned: 0 };
      await tx
        .update(registrations)
        .set({ busId: bus.id, siteVisit: true })
        .where(and(eq(registrations.eventId, input.eventId), inArray(registrations.id, moving.map((m) => m.id))));
      await recordAudit(tx, actor, { action: "registration.assign_bus", entity: "bus", entityId: bus.id, eventId: input.eventId, after: { registrationIds: moving.map((m) => m.id) } });
      return { assigned: moving.length };
    }
    const off = await tx
      .update(registrations)
      .set({ busId: null })
      .where(and(eq(registrations.eventId, input.eventId), inArray(registrations.id, ids)))
      .returning({ id: registrations.id });
    await recordAudit(tx, actor, { action: "registration.unassign_bus", entity: "registration", eventId: input.eventId, after: { registrationIds: off.map((o) => o.id) } });
    return { assigned: off.length };
  });
}

/**
 * Auto-fill buses (按类别自动分车): confirmed site-visit delegates without a bus, grouped by delegate category (so a
 * bus carries one group where possible), fill the buses in order up to their seats. Returns how many were seated
 * and how many are still without a seat.
 */
export async function autoFillBuses(db: Db, actor: Actor, input: { eventId: string; locale?: Locale }): Promise<{ assigned: number; unseated: number }> {
  return db.transaction(async (tx) => {
    const bs = await tx
      .select({ id: buses.id, seats: buses.seats })
      .from(buses)
      .where(eq(buses.eventId, input.eventId))
      .orderBy(asc(buses.order), asc(buses.name))
      .for("update");
    if (bs.length === 0) throw new DomainError("invalid", "console.errors.noBuses");
    const taken = await busSeatsTaken(tx, bs.map((b) => b.id));
    const free = bs.map((b) => b.seats - (taken.get(b.id) ?? 0));
    const waiting = await tx
      .select({ id: registrations.id, category: registrations.category })
      .from(registrations)
      .where(and(eq(registrations.eventId, input.eventId), eq(registrations.status, "confirmed"), eq(registrations.siteVisit, true), isNull(registrations.busId)))
      .orderBy(asc(registrations.createdAt), asc(registrations.id));
    waiting.sort((a, b) => DELEGATE_CATEGORIES.indexOf(a.category) - DELEGATE_CATEGORIES.indexOf(b.category)); // stable: by category, then registration order
    const plan = new Map<string, string[]>();
    let bi = 0;
    let assigned = 0;
    for (const r of waiting) {
      while (bi < bs.length && free[bi] <= 0) bi++;
      if (bi >= bs.length) break;
      free[bi]--;
      assigned++;
      const list = plan.get(bs[bi].id) ?? [];
      list.push(r.id);
      plan.set(bs[bi].id, list);
    }
    for (const [busId, rids] of plan) {
      for (let i = 0; i < rids.length; i += 1000) {
        await tx
          .update(registrations)
          .set({ busId })
          .where(and(eq(registrations.eventId, input.eventId), inArray(registrations.id, rids.slice(i, i + 1000)), isNull(registrations.busId)));
      }
    }
    await recordAudit(tx, actor, { action: "registration.auto_fill_buses", entity: "event", entityId: input.eventId, eventId: input.eventId, after: { assigned } });
    return { assigned, unseated: waiting.length - assigned };
  });
}
