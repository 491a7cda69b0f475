/**
 * Hotels and rooms (住宿): hotels with room blocks, automatic assignment of the delegates who asked for a room
 * (lib/delegations/room-assign.ts decides, this file reads and writes), hand adjustments, the room list, and the
 * stay a delegate sees on their ticket. Every write holds the forum's room blocks' row locks, so two organizers
 * (or two auto-assign runs) can never give one bed twice or fill a room beyond its type.
 */
import "server-only";
import { and, asc, eq, inArray, isNull, ne, notInArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { delegates, delegations, hotels, organizations, registrations, roomAssignments, roomBlocks } from "@/db/schema";
import { DomainError } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/permissions";
import type { Locale } from "@/lib/i18n/config";
import { pick } from "@/lib/i18n/format";
import type { HotelRooms } from "./lists";
import { autoAssign, bedsOf, type Block, type Gender, type Placed } from "./room-assign";

const ACTIVE = ["confirmed", "pending"] as const;

/** Delegates who hold a seat (not replaced, registration confirmed or pending). */
const activeDelegate = and(isNull(delegates.replacedById), inArray(registrations.status, [...ACTIVE]));

// ───────────────────────────── reads

export async function hotelsOf(db: Db, eventId: string) {
  const hs = await db.select().from(hotels).where(eq(hotels.eventId, eventId)).orderBy(asc(hotels.sortOrder), asc(hotels.createdAt));
  const blocks = hs.length
    ? await db
        .select({ block: roomBlocks, used: sql<number>`(select count(distinct ${roomAssignments.room})::int from ${roomAssignments} where ${roomAssignments.blockId} = ${roomBlocks.id})` })
        .from(roomBlocks)
        .where(inArray(roomBlocks.hotelId, hs.map((h) => h.id)))
        .orderBy(asc(roomBlocks.sortOrder), asc(roomBlocks.createdAt))
    : [];
  return hs.map((h) => ({ ...h, blocks: blocks.filter((b) => b.block.hotelId === h.id).map((b) => ({ ...b.block, usedRooms: b.used })) }));
}

/** Delegates of the forum who asked for a room, with where they are (if anywhere), in the organizer's unit order. */
export async function roomGuests(db: Db, eventId: string, locale: Locale = "zh-CN") {
  const rows = await db
    .select({
      delegateId: delegates.id,
      unitId: delegations.id,
      unit: organizations.name,
      unitEn: organizations.nameEn,
      name: registrations.fullName,
      phone: registrations.phone,
      gender: delegates.gender,
      wants: delegates.accommodation,
      blockId: roomAssignments.blockId,
      room: roomAssignments.room,
      bed: roomAssignments.bed,
    })
    .from(delegates)
    .innerJoin(delegations, eq(delegations.id, delegates.delegationId))
    .innerJoin(organizations, eq(organizations.id, delegations.organizationId))
    .innerJoin(registrations, eq(registrations.id, delegates.registrationId))
    .leftJoin(roomAssignments, eq(roomAssignments.delegateId, delegates.id))
    .where(and(eq(delegations.eventId, eventId), activeDelegate, ne(delegates.accommodation, "none")))
    .orderBy(asc(delegations.sortOrder), asc(delegations.createdAt), asc(delegates.orderInUnit), asc(registrations.fullName));
  return rows.map((r) => ({ ...r, unit: pick(locale, r.unit, r.unitEn) }));
}

export const roomLabel = (roomNumbers: string[], room: number) => roomNumbers[room - 1]?.trim() || `#${room}`;

/** The room list per hotel: every occupied room with its people (the print list and the XLSX). */
export async function roomList(db: Db, eventId: string, locale: Locale = "zh-CN"): Promise<HotelRooms[]> {
  const hs = await hotelsOf(db, eventId);
  const guests = (await roomGuests(db, eventId, locale)).filter((g) => g.blockId);
  return hs.map((h) => ({
    name: h.name,
    address: h.address,
    phone: h.phone,
    rooms: h.blocks.flatMap((b) =>
      Array.from({ length: b.count }, (_, i) => i + 1)
        .map((room) => ({
          label: roomLabel(b.roomNumbers, room),
          type: b.type,
          nights: b.nights,
          occupants: guests
            .filter((g) => g.blockId === b.id && g.room === room)
            .sort((x, y) => (x.bed ?? 0) - (y.bed ?? 0))
            .map((g) => ({ name: g.name, gender: g.gender, unit: g.unit, phone: g.phone })),
        }))
        .filter((r) => r.occupants.length),
    ),
  }));
}

/** Where a registration's delegate sleeps (their ticket page); null when they have no room. */
export async function stayOfRegistration(db: Db, registrationId: string) {
  const [row] = await db
    .select({ hotel: hotels.name, address: hotels.address, phone: hotels.phone, type: roomBlocks.type, nights: roomBlocks.nights, roomNumbers: roomBlocks.roomNumbers, room: roomAssignments.room })
    .from(delegates)
    .innerJoin(roomAssignments, eq(roomAssignments.delegateId, delegates.id))
    .innerJoin(roomBlocks, eq(roomBlocks.id, roomAssignments.blockId))
    .innerJoin(hotels, eq(hotels.id, roomBlocks.hotelId))
    .where(and(eq(delegates.registrationId, registrationId), isNull(delegates.replacedById)));
  return row ? { hotel: row.hotel, address: row.address, phone: row.phone, type: row.type, nights: row.nights, room: roomLabel(row.roomNumbers, row.room) } : null;
}

/** Stays of many delegates at once (the liaison's confirmation lists the unit's delegates). */
export async function staysOfDelegates(db: Db, delegateIds: string[]) {
  if (!delegateIds.length) return new Map<string, { hotel: string; room: string }>();
  const rows = await db
    .select({ delegateId: roomAssignments.delegateId, hotel: hotels.name, roomNumbers: roomBlocks.roomNumbers, room: roomAssignments.room })
    .from(roomAssignments)
    .innerJoin(roomBlocks, eq(roomBlocks.id, roomAssignments.blockId))
    .innerJoin(hotels, eq(hotels.id, roomBlocks.hotelId))
    .where(inArray(roomAssignments.delegateId, delegateIds));
  return new Map(rows.map((r) => [r.delegateId, { hotel: r.hotel, room: roomLabel(r.roomNumbers, r.room) }]));
}

// ───────────────────────────── validation

const name = z.string().trim().min(1, "admin.errors.required").max(200, "admin.errors.too_long");
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "admin.errors.too_long")
    .optional()
    .transform((v) => v || null);
const int = (min: number, max: number) => z.coerce.number("admin.errors.not_a_number").int("admin.errors.not_integer").min(min, "admin.errors.too_small").max(max, "admin.errors.too_large");
const roomNumbers = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (Array.isArray(v) ? v : (v ?? "").split(/[\s,，、;；]+/)).map((s) => s.trim()).filter(Boolean).slice(0, 2000));

export const hotelSchema = z.object({ eventId: z.uuid(), name, address: optional(300), phone: optional(40) });
export const hotelIdSchema = z.object({ eventId: z.uuid(), hotelId: z.uuid() });
export const blockSchema = z.object({ eventId: z.uuid(), hotelId: z.uuid(), type: z.enum(["single", "shared"]), count: int(1, 2000), nights: int(1, 60), roomNumbers });
export const blockIdSchema = z.object({ eventId: z.uuid(), blockId: z.uuid() });
export const autoAssignSchema = z.object({ eventId: z.uuid() });
export const moveSchema = z.object({ eventId: z.uuid(), delegateId: z.uuid(), blockId: z.uuid(), room: int(1, 2000) });
export const unassignSchema = z.object({ eventId: z.uuid(), delegateId: z.uuid() });

// ───────────────────────────── commands

/** Lock the forum's room blocks (in a fixed order: no deadlock between two writers) and return them, hotel order. */
async function lockBlocks(tx: Db, eventId: string) {
  const rows = await tx
    .select({ id: roomBlocks.id, hotelId: roomBlocks.hotelId, type: roomBlocks.type, count: roomBlocks.count })
    .from(roomBlocks)
    .innerJoin(hotels, eq(hotels.id, roomBlocks.hotelId))
    .where(eq(hotels.eventId, eventId))
    .orderBy(asc(hotels.sortOrder), asc(hotels.createdAt), asc(roomBlocks.sortOrder), asc(roomBlocks.createdAt), asc(roomBlocks.id))
    .for("update", { of: roomBlocks });
  return rows as Block[];
}

/** Beds of delegates who no longer hold a seat (replaced, cancelled) are given back first. */
async function releaseInactive(tx: Db, eventId: string) {
  const active = tx
    .select({ id: delegates.id })
    .from(delegates)
    .innerJoin(delegations, eq(delegations.id, delegates.delegationId))
    .innerJoin(registrations, eq(registrations.id, delegates.registrationId))
    .where(and(eq(delegations.eventId, eventId), activeDelegate, ne(delegates.accommodation, "none")));
  const blocks = tx.select({ id: roomBlocks.id }).from(roomBlocks).innerJoin(hotels, eq(hotels.id, roomBlocks.hotelId)).where(eq(hotels.eventId, eventId));
  await tx.delete(roomAssignments).where(and(inArray(roomAssignments.blockId, blocks), notInArray(roomAssignments.delegateId, active)));
}

async function hotelOfEvent(tx: Db, eventId: string, hotelId: string) {
  const [h] = await tx.select({ id: hotels.id, name: hotels.name }).from(hotels).where(and(eq(hotels.id, hotelId), eq(hotels.eventId, eventId)));
  if (!h) throw new DomainError("not_found", "errors.hotelNotFound");
  return h;
}

export async function createHotel(db: Db, actor: Actor, v: z.infer<typeof hotelSchema>) {
  return db.transaction(async (tx) => {
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(hotels).where(eq(hotels.eventId, v.eventId));
    const [row] = await tx
      .insert(hotels)
      .values({ eventId: v.eventId, name: v.name, address: v.address, phone: v.phone, sortOrder: n })
      .onConflictDoNothing()
      .returning({ id: hotels.id });
    if (!row) throw new DomainError("conflict", "errors.hotelExists", { fieldErrors: { name: ["errors.hotelExists"] } });
    await recordAudit(tx, actor, { action: "hotel.create", entity: "hotel", entityId: row.id, eventId: v.eventId, after: { name: v.name } });
    return row;
  });
}

export async function deleteHotel(db: Db, actor: Actor, v: z.infer<typeof hotelIdSchema>) {
  return db.transaction(async (tx) => {
    await lockBlocks(tx, v.eventId);
    const h = await hotelOfEvent(tx, v.eventId, v.hotelId);
    await tx.delete(hotels).where(and(eq(hotels.id, h.id), eq(hotels.eventId, v.eventId)));
    await recordAudit(tx, actor, { action: "hotel.delete", entity: "hotel", entityId: h.id, eventId: v.eventId, before: { name: h.name } });
    return { id: h.id };
  });
}

export async function addBlock(db: Db, actor: Actor, v: z.infer<typeof blockSchema>) {
  return db.transaction(async (tx) => {
    await hotelOfEvent(tx, v.eventId, v.hotelId);
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(roomBlocks).where(eq(roomBlocks.hotelId, v.hotelId));
    const [row] = await tx
      .insert(roomBlocks)
      .values({ hotelId: v.hotelId, type: v.type, count: v.count, nights: v.nights, roomNumbers: v.roomNumbers, sortOrder: n })
      .returning({ id: roomBlocks.id });
    await recordAudit(tx, actor, { action: "hotel.block.add", entity: "room_block", entityId: row.id, eventId: v.eventId, after: { type: v.type, count: v.count, nights: v.nights } });
    return row;
  });
}

export async function deleteBlock(db: Db, actor: Actor, v: z.infer<typeof blockIdSchema>) {
  return db.transaction(async (tx) => {
    const blocks = await lockBlocks(tx, v.eventId);
    const b = blocks.find((x) => x.id === v.blockId);
    if (!b) throw new DomainError("not_found", "errors.roomBlockNotFound");
    await tx.delete(roomBlocks).where(eq(roomBlocks.id, b.id));
    await recordAudit(tx, actor, { action: "hotel.block.delete", entity: "room_block", entityId: b.id, eventId: v.eventId, before: { type: b.type, count: b.count } });
    return { id: b.id };
  });
}

/** Place everyone who asked for a room and has none; returns how many were placed and who could not be. */
export async function runAutoAssign(db: Db, actor: Actor, v: z.infer<typeof autoAssignSchema>) {
  return db.transaction(async (tx) => {
    const blocks = await lockBlocks(tx, v.eventId);
    await releaseInactive(tx, v.eventId);
    const guests = await roomGuests(tx, v.eventId);
    const placed: Placed[] = guests
      .filter((g) => g.blockId && g.room && g.bed)
      .map((g) => ({ delegateId: g.delegateId, blockId: g.blockId!, room: g.room!, bed: g.bed!, gender: g.gender as Gender, unitId: g.unitId }));
    const { placements, unplaced } = autoAssign(
      blocks,
      placed,
      guests.filter((g) => !g.blockId).map((g) => ({ delegateId: g.delegateId, unitId: g.unitId, gender: g.gender as Gender, wants: g.wants as "single" | "shared" })),
    );
    if (placements.length) await tx.insert(roomAssignments).values(placements);
    await recordAudit(tx, actor, { action: "hotel.autoAssign", entity: "event", entityId: v.eventId, eventId: v.eventId, after: { placed: placements.length, unplaced: unplaced.length } });
    return { placed: placements.length, unplaced: unplaced.length };
  });
}

/** Move one delegate to a room by hand: a free bed of that room; a shared room is never shared across genders. */
export async function moveToRoom(db: Db, actor: Actor, v: z.infer<typeof moveSchema>) {
  return db.transaction(async (tx) => {
    const blocks = await lockBlocks(tx, v.eventId);
    const block = blocks.find((b) => b.id === v.blockId);
    if (!block) throw new DomainError("not_found", "errors.roomBlockNotFound");
    if (v.room > block.count) throw new DomainError("invalid", "errors.roomOutOfBlock", { params: { count: block.count }, fieldErrors: { room: [{ key: "errors.roomOutOfBlock", params: { count: block.count } }] } });
    await releaseInactive(tx, v.eventId);
    const guests = await roomGuests(tx, v.eventId);
    const me = guests.find((g) => g.delegateId === v.delegateId);
    if (!me) throw new DomainError("not_found", "errors.noRoomRequest");
    const roommates = guests.filter((g) => g.blockId === block.id && g.room === v.room && g.delegateId !== me.delegateId);
    const beds = bedsOf(block.type);
    if (roommates.length >= beds) throw new DomainError("conflict", "errors.roomFull", { fieldErrors: { room: ["errors.roomFull"] } });
    if (roommates.some((g) => !g.gender || !me.gender || g.gender !== me.gender)) throw new DomainError("conflict", "errors.roomGenderMix", { fieldErrors: { room: ["errors.roomGenderMix"] } });
    const taken = new Set(roommates.map((g) => g.bed));
    const bed = [1, 2].find((b) => b <= beds && !taken.has(b))!;
    await tx.delete(roomAssignments).where(eq(roomAssignments.delegateId, me.delegateId));
    await tx.insert(roomAssignments).values({ delegateId: me.delegateId, blockId: block.id, room: v.room, bed });
    await recordAudit(tx, actor, {
      action: "hotel.move",
      entity: "delegate",
      entityId: me.delegateId,
      eventId: v.eventId,
      before: me.blockId ? { blockId: me.blockId, room: me.room } : null,
      after: { blockId: block.id, room: v.room },
    });
    return { delegateId: me.delegateId, room: v.room, bed };
  });
}

export async function unassignRoom(db: Db, actor: Actor, v: z.infer<typeof unassignSchema>) {
  return db.transaction(async (tx) => {
    await lockBlocks(tx, v.eventId);
    const gone = await tx
      .delete(roomAssignments)
      .where(
        and(
          eq(roomAssignments.delegateId, v.delegateId),
          inArray(roomAssignments.blockId, tx.select({ id: roomBlocks.id }).from(roomBlocks).innerJoin(hotels, eq(hotels.id, roomBlocks.hotelId)).where(eq(hotels.eventId, v.eventId))),
        ),
      )
      .returning({ id: roomAssignments.delegateId });
    if (!gone.length) throw new DomainError("not_found", "errors.noRoomAssigned");
    await recordAudit(tx, actor, { action: "hotel.unassign", entity: "delegate", entityId: v.delegateId, eventId: v.eventId });
    return { delegateId: v.delegateId };
  });
}
