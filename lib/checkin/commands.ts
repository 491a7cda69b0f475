/**
 * Check-in commands (签到). Idempotent: the unique (registration, segment) constraint decides, so two desks scanning
 * the same ticket at the same moment record one check-in and the second hears "already checked in at … by …".
 */
import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { executeShaped, sqlShape } from "@/db/rows";
import { auditLog, checkins, registrations, users } from "@/db/schema";
import { DomainError } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/permissions";
import { clientIp } from "@/lib/auth/request-info";
import { replacementOf } from "@/lib/delegations/commands";
import { defaultSegmentSql } from "./queries";
import type { UndoCheckInInput } from "./validation";

export type CheckInResult = {
  registration: { id: string; name: string; organization: string | null; category: string; status: string };
  eventId: string;
  segment: string;
  checkedInAt: Date;
  /** Who checked them in (for "already checked in at 09:12 by …"). */
  checkedInBy: string | null;
  already: boolean;
};

/** Statuses that may not enter: the API answers 409. */
const REFUSED = ["cancelled", "rejected"] as const;

export type CheckInTarget = { ticketCode?: string; registrationId?: string; segment?: string; eventId?: string };

type ScanRow = {
  id: string;
  event_id: string;
  name: string;
  organization: string | null;
  category: string;
  status: string;
  segment: string;
  allowed: boolean;
  inserted_at: Date | string | null;
  prev_at: Date | string | null;
  prev_by: string | null;
};

/** The scan's statement for one shape (checkIn), its per-scan values as placeholders: target, eventId, segment, actorId, ip. */
function scanStatement(input: CheckInTarget, allowed: SQL): SQL {
  const byCode = input.ticketCode ? eq(registrations.ticketCode, sql.placeholder("target")) : eq(registrations.id, sql.placeholder("target"));
  const where = input.eventId ? and(eq(registrations.eventId, sql.placeholder("eventId")), byCode) : byCode;
  const segment = input.segment ? sql`${sql.placeholder("segment")}::text` : defaultSegmentSql(sql`${registrations.eventId}`);
  const actorId = sql.placeholder("actorId");
  const refused = sql.join(REFUSED.map((st) => sql`${st}`), sql`, `);
  return sql`
    with t as (
      select ${registrations.id} as id, ${registrations.eventId} as event_id, ${registrations.fullName} as name, ${registrations.organization} as organization,
             ${registrations.category}::text as category, ${registrations.status}::text as status, ${segment} as segment, ${allowed} as allowed
      from ${registrations} where ${where} limit 1
    ), ins as (
      insert into ${checkins} (registration_id, event_id, segment, checked_in_by_id)
      select id, event_id, segment, ${actorId} from t where allowed and status not in (${refused})
      on conflict (registration_id, segment) do nothing
      returning registration_id, checked_in_at
    ), audit as (
      -- recordAudit's row (lib/audit), written by the same statement
      insert into ${auditLog} (actor_id, action, entity, entity_id, event_id, after, ip)
      select ${actorId}, 'checkin.perform', 'registration', t.id::text, t.event_id, jsonb_build_object('segment', t.segment), ${sql.placeholder("ip")}
      from t join ins on ins.registration_id = t.id
    )
    select t.*, ins.checked_in_at as inserted_at, prev.checked_in_at as prev_at, u.name as prev_by
    from t left join ins on true
    left join ${checkins} prev on prev.registration_id = t.id and prev.event_id = t.event_id and prev.segment = t.segment
    left join ${users} u on u.id = prev.checked_in_by_id`;
}

/**
 * Check a ticket in, in ONE statement (a desk scans every few seconds, ten desks at once): find the registration by
 * its code (or id), within `eventId` when given; decide the segment when none is given (defaultSegmentSql); check
 * `allowed` — the caller's permission on the registration's forum as an SQL condition (canSql), for callers that did
 * not check it on a known forum before; insert the check-in unless the ticket is refused or already used (the unique
 * (registration, segment) constraint decides between two desks); write the audit row; and read who checked in first.
 * Unknown → not_found; not allowed → forbidden (nothing written); cancelled/rejected → conflict, naming the
 * replacement of a delegate swapped out (换人).
 */
export async function checkIn(db: Db, actor: Actor, input: CheckInTarget, allowed: SQL = sql`true`): Promise<CheckInResult> {
  const ip = await clientIp();
  // Built once per shape (db/rows.ts executeShaped): which column finds the ticket, whether a forum and a segment are
  // given, and the caller's permission condition — its text and values, which name the caller when it is a forum role.
  const shape = `${input.ticketCode ? "code" : "id"}|${input.eventId ? "event" : "any"}|${input.segment ? "segment" : "default"}|${sqlShape(db, allowed)}`;
  const values = { target: input.ticketCode ?? input.registrationId, eventId: input.eventId, segment: input.segment, actorId: actor.id, ip: ip === "unknown" ? null : ip };
  const [row] = await executeShaped<ScanRow>(db, "checkin_scan", shape, () => scanStatement(input, allowed), values);
  if (!row) throw new DomainError("not_found", "errors.ticketUnknown");
  if (!row.allowed) throw new DomainError("forbidden", "errors.forbidden");
  const reg = { id: row.id, name: row.name, organization: row.organization, category: row.category, status: row.status };
  if ((REFUSED as readonly string[]).includes(reg.status)) {
    // a delegate swapped out (换人): say by whom, so the desk can send the person to the organizer
    const by = reg.status === "cancelled" ? await replacementOf(db, reg.id) : null;
    if (by) throw new DomainError("conflict", "delegations.checkin.replaced", { params: by, extra: { registration: reg, replacedBy: by } });
    throw new DomainError("conflict", "errors.checkinRefused", { params: { status: reg.status }, extra: { registration: reg } });
  }
  const base = { registration: reg, eventId: row.event_id, segment: row.segment };
  if (row.inserted_at) return { ...base, checkedInAt: new Date(row.inserted_at), checkedInBy: actor.name, already: false };
  if (row.prev_at) return { ...base, checkedInAt: new Date(row.prev_at), checkedInBy: row.prev_by, already: true };
  // another desk's check-in committed while this statement waited on it: its snapshot could not see it, a new one does
  const [prev] = await db
    .select({ checkedInAt: checkins.checkedInAt, by: users.name })
    .from(checkins)
    .leftJoin(users, eq(users.id, checkins.checkedInById))
    .where(and(eq(checkins.registrationId, reg.id), eq(checkins.segment, row.segment)))
    .limit(1);
  return { ...base, checkedInAt: prev!.checkedInAt, checkedInBy: prev!.by, already: true };
}

/**
 * Undo a check-in (scanned the wrong person, wrong segment). Idempotent: nothing to undo → {removed:false}. Scoped by
 * event: a registration of another forum is never touched.
 */
export async function undoCheckIn(db: Db, actor: Actor, input: UndoCheckInInput): Promise<{ removed: boolean }> {
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(checkins)
      .where(and(eq(checkins.eventId, input.eventId), eq(checkins.registrationId, input.registrationId), eq(checkins.segment, input.segment)))
      .returning({ id: checkins.id, checkedInAt: checkins.checkedInAt });
    if (removed.length === 0) return { removed: false };
    await recordAudit(tx, actor, { action: "checkin.undo", entity: "registration", entityId: input.registrationId, eventId: input.eventId, before: { segment: input.segment, checkedInAt: removed[0].checkedInAt } });
    return { removed: true };
  });
}
