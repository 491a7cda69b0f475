/**
 * Check-in commands (签到). Idempotent: the unique (registration, segment) constraint decides, so two desks scanning
 * the same ticket at the same moment record one check-in and the second hears "already checked in at … by …".
 */
import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { checkins, registrations, users } from "@/db/schema";
import { DomainError } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/permissions";
import { replacementOf } from "@/lib/delegations/commands";
import { deskCard, type DeskCard } from "./queries";
import type { CheckInInput, UndoCheckInInput } from "./validation";

export type CheckInResult = {
  registration: { id: string; name: string; organization: string | null; category: string; status: string };
  segment: string;
  checkedInAt: Date;
  /** Who checked them in (for "already checked in at 09:12 by …"). */
  checkedInBy: string | null;
  already: boolean;
  card: DeskCard;
};

/** Statuses that may not enter: the API answers 409. */
const REFUSED = ["cancelled", "rejected"] as const;

export async function checkIn(db: Db, actor: Actor, input: CheckInInput): Promise<CheckInResult> {
  const byCode = input.ticketCode ? eq(registrations.ticketCode, input.ticketCode) : eq(registrations.id, input.registrationId!);
  const [reg] = await db
    .select({ id: registrations.id, name: registrations.fullName, organization: registrations.organization, category: registrations.category, status: registrations.status })
    .from(registrations)
    .where(and(eq(registrations.eventId, input.eventId), byCode))
    .limit(1);
  if (!reg) throw new DomainError("not_found", "errors.ticketUnknown");
  if ((REFUSED as readonly string[]).includes(reg.status)) {
    // a delegate swapped out (换人): say by whom, so the desk can send the person to the organizer
    const by = reg.status === "cancelled" ? await replacementOf(db, reg.id) : null;
    if (by) throw new DomainError("conflict", "delegations.checkin.replaced", { params: by, extra: { registration: publicPart(reg), replacedBy: by } });
    throw new DomainError("conflict", "errors.checkinRefused", { params: { status: reg.status }, extra: { registration: publicPart(reg) } });
  }

  const inserted = await db.transaction(async (tx) => {
    const rows = await tx
      .insert(checkins)
      .values({ registrationId: reg.id, eventId: input.eventId, segment: input.segment, checkedInById: actor.id })
      .onConflictDoNothing({ target: [checkins.registrationId, checkins.segment] })
      .returning({ checkedInAt: checkins.checkedInAt });
    if (rows[0]) await recordAudit(tx, actor, { action: "checkin.perform", entity: "registration", entityId: reg.id, eventId: input.eventId, after: { segment: input.segment } });
    return rows;
  });

  let checkedInAt: Date;
  let checkedInBy: string | null;
  if (inserted[0]) {
    checkedInAt = inserted[0].checkedInAt;
    checkedInBy = actor.name;
  } else {
    const [prev] = await db
      .select({ checkedInAt: checkins.checkedInAt, by: users.name })
      .from(checkins)
      .leftJoin(users, eq(users.id, checkins.checkedInById))
      .where(and(eq(checkins.registrationId, reg.id), eq(checkins.segment, input.segment)))
      .limit(1);
    checkedInAt = prev.checkedInAt;
    checkedInBy = prev.by;
  }
  const card = (await deskCard(db, input.eventId, reg.id))!;
  return { registration: publicPart(reg), segment: input.segment, checkedInAt, checkedInBy, already: !inserted[0], card };
}

function publicPart(reg: { id: string; name: string; organization: string | null; category: string; status: string }) {
  return { id: reg.id, name: reg.name, organization: reg.organization, category: reg.category, status: reg.status };
}

/**
 * Undo a check-in (scanned the wrong person, wrong segment). Idempotent: nothing to undo → {removed:false}. Scoped by
 * event: a registration of another forum is never touched.
 */
export async function undoCheckIn(db: Db, actor: Actor, input: UndoCheckInInput): Promise<{ removed: boolean }> {
  return db.transaction(async (tx) => {
    const ofEvent = tx.select({ id: registrations.id }).from(registrations).where(and(eq(registrations.eventId, input.eventId), eq(registrations.id, input.registrationId)));
    const removed = await tx
      .delete(checkins)
      .where(and(eq(checkins.registrationId, input.registrationId), eq(checkins.segment, input.segment), inArray(checkins.registrationId, ofEvent)))
      .returning({ id: checkins.id, checkedInAt: checkins.checkedInAt });
    if (removed.length === 0) return { removed: false };
    await recordAudit(tx, actor, { action: "checkin.undo", entity: "registration", entityId: input.registrationId, eventId: input.eventId, before: { segment: input.segment, checkedInAt: removed[0].checkedInAt } });
    return { removed: true };
  });
}
