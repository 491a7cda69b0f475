/**
 * Seating commands: the protocol order, rostrum plans, the hall and dining tables. Each takes
 * (db, actor, input), runs in ONE transaction under the forum's row lock (so two organizers editing at once queue,
 * and a registration changing status cannot interleave with an auto-assign), scopes every row by the forum id, and
 * writes an audit record.
 */
import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import {
  agendaSessions,
  diningPlans,
  diningSeats,
  diningTables,
  events,
  hallPlans,
  hallReservedRows,
  hallSeats,
  protocolEntries,
  rooms,
  rostrumPlans,
  rostrumSeats,
} from "@/db/schema";
import { DomainError } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/permissions";
import { RANKS, type Rank } from "@/lib/shared/rank";
import { assignTables } from "./dining";
import { assignBlocks, hallCapacity, type ReserveReason } from "./hall";
import { protocolOrderOf, rankIndex, seatablesOf, type Seatable } from "./protocol";
import { rostrumOf, type RostrumView } from "./queries";
import { arrangeRostrum, splitIntoRows, type Convention } from "./rostrum";
import type {
  autoRostrumSchema,
  diningConfigSchema,
  diningMoveSchema,
  HallConfigInput,
  hallMoveSchema,
  protocolAddSchema,
  protocolRemoveSchema,
  protocolReorderSchema,
  protocolUpdateSchema,
  RostrumInput,
  swapRostrumSchema,
} from "./validation";

/**
 * The forum's row lock (SELECT … FOR UPDATE), the same lock registration takes (lib/registrations): seating edits
 * queue behind each other and behind status changes. Kept here so seating does not pull in registration mail code.
 */
async function lockEvent(tx: Db, eventId: string) {
  const [e] = await tx.select({ id: events.id }).from(events).where(eq(events.id, eventId)).for("update");
  if (!e) throw new DomainError("not_found", "errors.forumNotFound");
}

type Ref = { personId: string | null; registrationId: string | null };
const refOf = (s: Pick<Seatable, "id" | "kind">): Ref =>
  s.kind === "person" ? { personId: s.id, registrationId: null } : { personId: null, registrationId: s.id };

// ─── protocol order (领导排序) ──────────────────────────────────────────────────────────────────────────────────

async function nextPosition(tx: Db, eventId: string): Promise<number> {
  const [r] = await tx
    .select({ max: sql<number>`coalesce(max(${protocolEntries.position}), 0)` })
    .from(protocolEntries)
    .where(eq(protocolEntries.eventId, eventId));
  return Number(r?.max ?? 0) + 1;
}

export async function addProtocolEntry(db: Db, actor: Actor, input: z.infer<typeof protocolAddSchema>) {
  return db.transaction(async (tx) => {
    await lockEvent(tx, input.eventId);
    const who = (await seatablesOf(tx, input.eventId)).get(input.id);
    if (!who) throw new DomainError("invalid", "errors.seatableUnknown", { fieldErrors: { id: ["errors.seatableUnknown"] } });
    if (who.protocolPosition !== null) throw new DomainError("conflict", "errors.alreadyOnProtocol", { params: { name: who.name } });
    const [row] = await tx
      .insert(protocolEntries)
      .values({ eventId: input.eventId, ...refOf(who), rank: input.rank ?? who.rank ?? "other", position: await nextPosition(tx, input.eventId), title: input.title ?? null, titleEn: input.titleEn ?? null })
      .returning({ id: protocolEntries.id });
    await recordAudit(tx, actor, { action: "seating.protocol.add", entity: "protocol_entry", entityId: row!.id, eventId: input.eventId, after: { id: input.id, rank: input.rank } });
    return { entryId: row!.id };
  });
}

export async function updateProtocolEntry(db: Db, actor: Actor, input: z.infer<typeof protocolUpdateSchema>) {
  return db.transaction(async (tx) => {
    await lockEvent(tx, input.eventId);
    const [row] = await tx
      .update(protocolEntries)
      .set({ rank: input.rank, title: input.title ?? null, titleEn: input.titleEn ?? null })
      .where(and(eq(protocolEntries.id, input.entryId), eq(protocolEntries.eventId, input.eventId)))
      .returning({ id: protocolEntries.id });
    if (!row) throw new DomainError("not_found", "errors.protocolEntryNotFound");
    await recordAudit(tx, actor, { action: "seating.protocol.update", entity: "protocol_entry", entityId: row.id, eventId: input.eventId, after: { rank: input.rank, title: input.title } });
  });
}

export async function removeProtocolEntry(db: Db, actor: Actor, input: z.infer<typeof protocolRemoveSchema>) {
  return db.transaction(async (tx) => {
    await lockEvent(tx, input.eventId);
    const [row] = await tx
      .delete(protocolEntries)
      .where(and(eq(protocolEntries.id, input.entryId), eq(protocolEntries.eventId, input.eventId)))
      .returning({ id: protocolEntries.id });
    if (!row) throw new DomainError("not_found", "errors.protocolEntryNotFound");
    await recordAudit(tx, actor, { action: "seating.protocol.remove", entity: "protocol_entry", entityId: row.id, eventId: input.eventId });
  });
}

/** The organizer's new order: the full list of entry ids, first = most senior. */
export async function reorderProtocol(db: Db, actor: Actor, input: z.infer<typeof protocolReorderSchema>) {
  return db.transaction(async (tx) => {
    await lockEvent(tx, input.eventId);
    const existing = await tx.select({ id: protocolEntries.id }).from(protocolEntries).where(eq(protocolEntries.eventId, input.eventId));
    const known = new Set(existing.map((e) => e.id));
    const given = new Set(input.entryIds);
    if (given.size !== input.entryIds.length || given.size !== known.size || input.entryIds.some((id) => !known.has(id))) {
      throw new DomainError("conflict", "errors.protocolChanged");
    }
    await writePositions(tx, input.eventId, input.entryIds);
    await recordAudit(tx, actor, { action: "seating.protocol.reorder", entity: "event", entityId: input.eventId, eventId: input.eventId, after: { count: input.entryIds.length } });
  });
}

/** One UPDATE for the whole list (positions 1…n in the given order). */
async function writePositions(tx: Db, eventId: string, ids: string[]) {
  if (!ids.length) return;
  const values = sql.join(
    ids.map((id, i) => sql`(${id}::uuid, ${i + 1}::int)`),
    sql`, `,
  );
  await tx.execute(
    sql`UPDATE protocol_entries AS p SET position = v.pos FROM (VALUES ${values}) AS v(id, pos) WHERE p.id = v.id AND p.event_id = ${eventId}`,
  );
}

/**
 * Seed the list from the agenda's speakers and the delegates of rank 县处级 and above, appended after the entries
 * already listed: by rank, then unit order and order within the unit (delegates) or first appearance (speakers).
 * With `resort`, the whole list is then sorted by rank (stable: the organizer's order within a rank stays).
 */
export async function seedProtocolOrder(db: Db, actor: Actor, input: { eventId: string; resort?: boolean }) {
  return db.transaction(async (tx) => {
    await lockEvent(tx, input.eventId);
    const dir = await seatablesOf(tx, input.eventId);
    const leaders: Rank[] = ["provincial", "bureau", "county"];
    const fresh = [...dir.values()]
      .filter((s) => s.protocolPosition === null && (s.kind === "person" || (s.rank !== null && leaders.includes(s.rank))))
      .sort(
        (a, b) =>
          rankIndex(a.rank) - rankIndex(b.rank) ||
          (a.unitOrder ?? Infinity) - (b.unitOrder ?? Infinity) ||
          (a.orderInUnit ?? Infinity) - (b.orderInUnit ?? Infinity) ||
          0,
      );
    let pos = await nextPosition(tx, input.eventId);
    if (fresh.length) {
      await tx.insert(protocolEntries).values(fresh.map((s) => ({ eventId: input.eventId, ...refOf(s), rank: s.rank ?? "other", position: pos++ })));
    }
    if (input.resort) {
      const all = await tx.select({ id: protocolEntries.id, rank: protocolEntries.rank, position: protocolEntries.position }).from(protocolEntries).where(eq(protocolEntries.eventId, input.eventId));
      all.sort((a, b) => RANKS.indexOf(a.rank) - RANKS.indexOf(b.rank) || a.position - b.position);
      await writePositions(tx, input.eventId, all.map((e) => e.id));
    }
    await recordAudit(tx, actor, { action: "seating.protocol.seed", entity: "event", entityId: input.eventId, eventId: input.eventId, after: { added: fresh.length, resort: !!input.resort } });
    return { added: fresh.length };
  });
}

// ─── rostrum (主席台) ──────────────────────────────────────────────────────────────────────────────────────────

async function checkScope(tx: Db, eventId: string, roomId?: string | null, sessionId?: string | null) {
  if (roomId) {
    const [r] = await tx.select({ id: rooms.id }).from(rooms).where(and(eq(rooms.id, roomId), eq(rooms.eventId, eventId)));
    if (!r) throw new DomainError("invalid", "errors.roomUnknown", { fieldErrors: { room: ["errors.roomUnknown"] } });
  }
  if (sessionId) {
    const [s] = await tx.select({ id: agendaSessions.id }).from(agendaSessions).where(and(eq(agendaSessions.id, sessionId), eq(agendaSessions.eventId, eventId)));
    if (!s) throw new DomainError("invalid", "errors.sessionUnknown", { fieldErrors: { session: ["errors.sessionUnknown"] } });
  }
}

/**
 * Put people on a rostrum: rows of ids in rank order are arranged by the convention (lib/seating/rostrum.ts) and
 * replace the plan of that scope. Unknown or duplicate ids → 422 naming them.
 */
export async function setRostrum(db: Db, actor: Actor, input: RostrumInput & { eventId: string }): Promise<RostrumView> {
  return db.transaction(async (tx) => {
    await lockEvent(tx, input.eventId);
    await checkScope(tx, input.eventId, input.room, input.session);
    const dir = await seatablesOf(tx, input.eventId);
    const ids = input.rows.flatMap((r) => r.people);
    const unknown = ids.filter((id) => !dir.has(id));
    if (unknown.length) throw new DomainError("invalid", "errors.seatableIdsUnknown", { params: { ids: unknown.join("、") }, fieldErrors: { rows: [{ key: "errors.seatableIdsUnknown", params: { ids: unknown.join("、") } }] } });
    const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (dup.length) throw new DomainError("invalid", "errors.seatableListedTwice", { params: { ids: [...new Set(dup)].join("、") }, fieldErrors: { rows: [{ key: "errors.seatableListedTwice", params: { ids: [...new Set(dup)].join("、") } }] } });
    const planId = await upsertRostrumPlan(tx, input.eventId, input.room ?? null, input.session ?? null, input.convention);
    await tx.delete(rostrumSeats).where(eq(rostrumSeats.planId, planId));
    const arranged = arrangeRostrum(
      input.rows.map((r) => r.people.map((id) => dir.get(id)!)),
      input.convention,
    );
    await tx.insert(rostrumSeats).values(arranged.flatMap((r) => r.seats.map((s) => ({ planId, row: r.row, seat: s.seat, ...refOf(s.person) }))));
    await recordAudit(tx, actor, { action: "seating.rostrum.set", entity: "rostrum_plan", entityId: planId, eventId: input.eventId, after: { convention: input.convention, rows: input.rows } });
    return (await rostrumOf(tx, input.eventId, { roomId: input.room, sessionId: input.session }, dir))!;
  });
}

async function upsertRostrumPlan(tx: Db, eventId: string, roomId: string | null, sessionId: string | null, convention: Convention): Promise<string> {
  const [found] = await tx
    .select({ id: rostrumPlans.id })
    .from(rostrumPlans)
    .where(and(eq(rostrumPlans.eventId, eventId), roomId ? eq(rostrumPlans.roomId, roomId) : isNull(rostrumPlans.roomId), sessionId ? eq(rostrumPlans.sessionId, sessionId) : isNull(rostrumPlans.sessionId)));
  if (found) {
    await tx.update(rostrumPlans).set({ convention }).where(eq(rostrumPlans.id, found.id));
    return found.id;
  }
  const [row] = await tx.insert(rostrumPlans).values({ eventId, roomId, sessionId, convention }).returning({ id: rostrumPlans.id });
  return row!.id;
}

/** The top `count` of the protocol order, in rows of `perRow`, arranged by the convention. */
export async function autoRostrum(db: Db, actor: Actor, input: z.infer<typeof autoRostrumSchema>) {
  const order = await protocolOrderOf(db, input.eventId);
  if (!order.length) throw new DomainError("conflict", "errors.protocolEmpty");
  const rows = splitIntoRows(order.slice(0, input.count).map((e) => e.id), input.perRow).map((people) => ({ people }));
  return setRostrum(db, actor, { eventId: input.eventId, room: input.room, session: input.session, convention: input.convention, rows });
}

/** Swap two seats by hand (an empty seat swaps too: the person moves there). */
export async function swapRostrumSeats(db: Db, actor: Actor, input: z.infer<typeof swapRostrumSchema>) {
  return db.transaction(async (tx) => {
    await lockEvent(tx, input.eventId);
    const [plan] = await tx.select({ id: rostrumPlans.id }).from(rostrumPlans).where(and(eq(rostrumPlans.id, input.planId), eq(rostrumPlans.eventId, input.eventId)));
    if (!plan) throw new DomainError("not_found", "errors.rostrumNotFound");
    const at = (p: { row: number; seat: number }) => and(eq(rostrumSeats.planId, plan.id), eq(rostrumSeats.row, p.row), eq(rostrumSeats.seat, p.seat));
    const [a] = await tx.delete(rostrumSeats).where(at(input.a)).returning();
    const [b] = await tx.delete(rostrumSeats).where(at(input.b)).returning();
    if (!a && !b) throw new DomainError("not_found", "errors.seatsBothEmpty");
    const moved = [a && { ...a, ...input.b }, b && { ...b, ...input.a }].filter((x) => !!x);
    await tx.insert(rostrumSeats).values(moved);
    await recordAudit(tx, actor, { action: "seating.rostrum.swap", entity: "rostrum_plan", entityId: plan.id, eventId: input.eventId, after: { a: input.a, b: input.b } });
  });
}

// ─── hall (会场) ───────────────────────────────────────────────────────────────────────────────────────────────

export async function configureHall(db: Db, actor: Actor, input: HallConfigInput & { eventId: string }) {
  return db.transaction(async (tx) => {
    await lockEvent(tx, input.eventId);
    if (input.roomId) await checkScope(tx, input.eventId, input.roomId);
    const reserved = new Map(input.reserved.filter((r) => r.row <= input.rows).map((r) => [r.row, r.reason]));
    const [plan] = await tx
      .insert(hallPlans)
      .values({ eventId: input.eventId, rows: input.rows, seatsPerRow: input.seatsPerRow, roomId: input.roomId ?? null })
      .onConflictDoUpdate({ target: hallPlans.eventId, set: { rows: input.rows, seatsPerRow: input.seatsPerRow, roomId: input.roomId ?? null, updatedAt: new Date() } })
      .returning({ id: hallPlans.id });
    const planId = plan!.id;
    await tx.delete(hallReservedRows).where(eq(hallReservedRows.planId, planId));
    if (reserved.size) await tx.insert(hallReservedRows).values([...reserved].map(([row, reason]) => ({ planId, row, reason })));
    // seats outside the new grid are freed (reserved rows keep hand-placed people: media in the media row)
    const dropped = await tx
      .delete(hallSeats)
      .where(and(eq(hallSeats.planId, planId), sql`(${hallSeats.row} > ${input.rows} OR ${hallSeats.seat} > ${input.seatsPerRow})`))
      .returning({ registrationId: hallSeats.registrationId });
    await recordAudit(tx, actor, { action: "seating.hall.configure", entity: "hall_plan", entityId: planId, eventId: input.eventId, after: { rows: input.rows, seatsPerRow: input.seatsPerRow, reserved: input.reserved } });
    return { planId, unseated: dropped.length };
  });
}

/**
 * The hall in blocks, front to back: first the registrations on the protocol list (in its order), then each
 * delegation as a block in the organizer's unit order (members by rank, then order within the unit), then the
 * public registrants grouped by organization. Reserved rows are skipped; people on a rostrum are not seated in the
 * hall. Replaces every previous assignment (manual moves come after).
 */
export function hallBlocks(directory: Iterable<Seatable>, onRostrum: Set<string>): Seatable[][] {
  const regs = [...directory].filter((s) => s.kind === "registration" && !onRostrum.has(s.id));
  const listed = regs.filter((s) => s.protocolPosition !== null).sort((a, b) => a.protocolPosition! - b.protocolPosition!);
  const units = new Map<string, Seatable[]>();
  const orgs = new Map<string, Seatable[]>();
  for (const s of regs) {
    if (s.protocolPosition !== null) continue;
    if (s.delegationId) units.set(s.delegationId, [...(units.get(s.delegationId) ?? []), s]);
    else {
      const key = s.organization?.trim() || "";
      orgs.set(key, [...(orgs.get(key) ?? []), s]);
    }
  }
  const collator = new Intl.Collator("zh-CN");
  const byRank = (a: Seatable, b: Seatable) =>
    rankIndex(a.rank) - rankIndex(b.rank) || (a.orderInUnit ?? Infinity) - (b.orderInUnit ?? Infinity) || collator.compare(a.name, b.name);
  const unitBlocks = [...units.values()]
    .sort((a, b) => (a[0]!.unitOrder ?? 0) - (b[0]!.unitOrder ?? 0) || a[0]!.delegationId!.localeCompare(b[0]!.delegationId!))
    .map((b) => b.sort(byRank));
  const orgBlocks = [...orgs.entries()]
    .sort(([a], [b]) => (a === "" ? 1 : b === "" ? -1 : collator.compare(a, b)))
    .map(([, b]) => b.sort(byRank));
  return [listed, ...unitBlocks, ...orgBlocks].filter((b) => b.length > 0);
}

export async function autoAssignHall(db: Db, actor: Actor, input: { eventId: string }) {
  return db.transaction(async (tx) => {
    await lockEvent(tx, input.eventId);
    const [plan] = await tx.select().from(hallPlans).where(eq(hallPlans.eventId, input.eventId));
    if (!plan) throw new DomainError("conflict", "errors.hallNotSetUp");
    const reservedRows = await tx.select().from(hallReservedRows).where(eq(hallReservedRows.planId, plan.id));
    const grid = { rows: plan.rows, seatsPerRow: plan.seatsPerRow, reserved: new Map<number, ReserveReason>(reservedRows.map((r) => [r.row, r.reason])) };
    const dir = await seatablesOf(tx, input.eventId);
    const onRostrum = new Set(
      (
        await tx
          .select({ id: rostrumSeats.registrationId })
          .from(rostrumSeats)
          .innerJoin(rostrumPlans, eq(rostrumPlans.id, rostrumSeats.planId))
          .where(eq(rostrumPlans.eventId, input.eventId))
      ).flatMap((r) => (r.id ? [r.id] : [])),
    );
    const blocks = hallBlocks(dir.values(), onRostrum);
    const people = blocks.reduce((n, b) => n + b.length, 0);
    const free = hallCapacity(grid);
    if (people > free) throw new DomainError("conflict", "errors.hallTooSmall", { params: { people, free } });
    const seated = assignBlocks(grid, blocks);
    await tx.delete(hallSeats).where(eq(hallSeats.planId, plan.id));
    for (let i = 0; i < seated.length; i += 1000) {
      await tx.insert(hallSeats).values(seated.slice(i, i + 1000).map((s) => ({ planId: plan.id, row: s.row, seat: s.seat, registrationId: s.person.id })));
    }
    await recordAudit(tx, actor, { action: "seating.hall.auto", entity: "hall_plan", entityId: plan.id, eventId: input.eventId, after: { seated: seated.length } });
    return { seated: seated.length, free };
  });
}

/** Move one person to a seat (swapping with whoever sits there), or out of the plan (`to: null`). */
export async function moveHallSeat(db: Db, actor: Actor, input: z.infer<typeof hallMoveSchema>) {
  return db.transaction(async (tx) => {
    await lockEvent(tx, input.eventId);
    const [plan] = await tx.select().from(hallPlans).where(eq(hallPlans.eventId, input.eventId));
    if (!plan) throw new DomainError("conflict", "errors.hallNotSetUp");
    const dir = await seatablesOf(tx, input.eventId);
    const who = dir.get(input.registrationId);
    if (!who || who.kind !== "registration") throw new DomainError("invalid", "errors.registrationUnknown", { fieldErrors: { registrationId: ["errors.registrationUnknown"] } });
    const [from] = await tx.delete(hallSeats).where(and(eq(hallSeats.planId, plan.id), eq(hallSeats.registrationId, who.id))).returning();
    if (input.to) {
      if (input.to.row > plan.rows || input.to.seat > plan.seatsPerRow) throw new DomainError("invalid", "errors.seatOutsideHall", { fieldErrors: { to: ["errors.seatOutsideHall"] } });
      const [other] = await tx.delete(hallSeats).where(and(eq(hallSeats.planId, plan.id), eq(hallSeats.row, input.to.row), eq(hallSeats.seat, input.to.seat))).returning();
      await tx.insert(hallSeats).values({ planId: plan.id, row: input.to.row, seat: input.to.seat, registrationId: who.id });
      if (other && from) await tx.insert(hallSeats).values({ planId: plan.id, row: from.row, seat: from.seat, registrationId: other.registrationId });
    }
    await recordAudit(tx, actor, { action: "seating.hall.move", entity: "registration", entityId: who.id, eventId: input.eventId, before: from ? { row: from.row, seat: from.seat } : null, after: input.to });
  });
}

// ─── dining (宴会) ─────────────────────────────────────────────────────────────────────────────────────────────

export async function configureDining(db: Db, actor: Actor, input: z.infer<typeof diningConfigSchema>) {
  return db.transaction(async (tx) => {
    await lockEvent(tx, input.eventId);
    await tx
      .insert(diningPlans)
      .values({ eventId: input.eventId, tableSize: input.tableSize, convention: input.convention })
      .onConflictDoUpdate({ target: diningPlans.eventId, set: { tableSize: input.tableSize, convention: input.convention, updatedAt: new Date() } });
    await recordAudit(tx, actor, { action: "seating.dining.configure", entity: "event", entityId: input.eventId, eventId: input.eventId, after: input });
  });
}

/**
 * Tables for everyone seatable: table 1 (主桌) takes the top of the protocol order with the host (No. 1) at seat 1
 * and the guest of honour (No. 2) beside him by convention; the other tables are filled by unit and rank. Replaces
 * every previous table.
 */
export async function autoAssignDining(db: Db, actor: Actor, input: { eventId: string }) {
  return db.transaction(async (tx) => {
    await lockEvent(tx, input.eventId);
    const [plan] = await tx.select().from(diningPlans).where(eq(diningPlans.eventId, input.eventId));
    const size = plan?.tableSize ?? 10;
    const convention = plan?.convention ?? "international";
    const dir = await seatablesOf(tx, input.eventId);
    const main = [...dir.values()].filter((s) => s.protocolPosition !== null).sort((a, b) => a.protocolPosition! - b.protocolPosition!);
    const rest = hallBlocks(
      [...dir.values()].filter((s) => s.protocolPosition === null),
      new Set(),
    );
    const tables = assignTables(main, rest, size, convention);
    await tx.delete(diningTables).where(eq(diningTables.eventId, input.eventId));
    if (tables.length) {
      const rows = await tx
        .insert(diningTables)
        .values(tables.map((_, i) => ({ eventId: input.eventId, number: i + 1, size })))
        .returning({ id: diningTables.id, number: diningTables.number });
      const idOf = new Map(rows.map((r) => [r.number, r.id]));
      const seats = tables.flatMap((t, i) => t.map((s, j) => ({ eventId: input.eventId, tableId: idOf.get(i + 1)!, seat: j + 1, ...refOf(s) })));
      for (let i = 0; i < seats.length; i += 1000) await tx.insert(diningSeats).values(seats.slice(i, i + 1000));
    }
    await recordAudit(tx, actor, { action: "seating.dining.auto", entity: "event", entityId: input.eventId, eventId: input.eventId, after: { tables: tables.length } });
    return { tables: tables.length, seated: tables.reduce((n, t) => n + t.length, 0) };
  });
}

/** Move one person to a table seat (swapping with whoever sits there), or away from the tables (`to: null`). */
export async function moveDiningSeat(db: Db, actor: Actor, input: z.infer<typeof diningMoveSchema>) {
  return db.transaction(async (tx) => {
    await lockEvent(tx, input.eventId);
    const who = (await seatablesOf(tx, input.eventId)).get(input.id);
    if (!who) throw new DomainError("invalid", "errors.seatableUnknown", { fieldErrors: { id: ["errors.seatableUnknown"] } });
    const mine = who.kind === "person" ? eq(diningSeats.personId, who.id) : eq(diningSeats.registrationId, who.id);
    const [from] = await tx.delete(diningSeats).where(and(eq(diningSeats.eventId, input.eventId), mine)).returning();
    if (input.to) {
      const [table] = await tx.select().from(diningTables).where(and(eq(diningTables.eventId, input.eventId), eq(diningTables.number, input.to.table)));
      if (!table || input.to.seat > table.size) throw new DomainError("invalid", "errors.tableSeatUnknown", { fieldErrors: { to: ["errors.tableSeatUnknown"] } });
      const [other] = await tx.delete(diningSeats).where(and(eq(diningSeats.tableId, table.id), eq(diningSeats.seat, input.to.seat))).returning();
      await tx.insert(diningSeats).values({ eventId: input.eventId, tableId: table.id, seat: input.to.seat, ...refOf(who) });
      if (other && from) await tx.insert(diningSeats).values({ ...other, tableId: from.tableId, seat: from.seat });
    }
    await recordAudit(tx, actor, { action: "seating.dining.move", entity: who.kind, entityId: who.id, eventId: input.eventId, after: input.to });
  });
}

