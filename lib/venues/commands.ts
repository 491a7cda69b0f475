/** Rooms (会议室/分会场) of a forum's venue, and which room a session takes. Scoped by the forum id (no IDOR). */
import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { agendaSessions, rooms } from "@/db/schema";
import { DomainError } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/permissions";
import { lockEvent } from "@/lib/registrations/admin-commands";
import { sessionSeats } from "@/lib/registrations/session-choices";
import type { roomDeleteSchema, roomSchema, roomUpdateSchema, sessionRoomSchema, sessionSeatsSchema } from "@/lib/seating/validation";

const duplicateName = (e: unknown) => {
  const code = (e as { code?: string; cause?: { code?: string } })?.cause?.code ?? (e as { code?: string })?.code;
  return code === "23505";
};

const fields = (i: z.infer<typeof roomSchema>) => ({ name: i.name, nameEn: i.nameEn ?? null, capacity: i.capacity ?? null, floor: i.floor ?? null, layout: i.layout });

export async function createRoom(db: Db, actor: Actor, input: z.infer<typeof roomSchema>) {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(rooms).values({ eventId: input.eventId, ...fields(input) }).returning({ id: rooms.id });
      await recordAudit(tx, actor, { action: "room.create", entity: "room", entityId: row!.id, eventId: input.eventId, after: fields(input) });
      return { id: row!.id };
    });
  } catch (e) {
    if (duplicateName(e)) throw new DomainError("conflict", "errors.roomNameTaken", { fieldErrors: { name: ["errors.roomNameTaken"] } });
    throw e;
  }
}

export async function updateRoom(db: Db, actor: Actor, input: z.infer<typeof roomUpdateSchema>) {
  try {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .update(rooms)
        .set(fields(input))
        .where(and(eq(rooms.id, input.roomId), eq(rooms.eventId, input.eventId)))
        .returning({ id: rooms.id });
      if (!row) throw new DomainError("not_found", "errors.roomNotFound");
      await recordAudit(tx, actor, { action: "room.update", entity: "room", entityId: row.id, eventId: input.eventId, after: fields(input) });
    });
  } catch (e) {
    if (duplicateName(e)) throw new DomainError("conflict", "errors.roomNameTaken", { fieldErrors: { name: ["errors.roomNameTaken"] } });
    throw e;
  }
}

/** Deleting a room keeps its sessions (their room becomes empty) and drops its rostrum plans. */
export async function deleteRoom(db: Db, actor: Actor, input: z.infer<typeof roomDeleteSchema>) {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(rooms).where(and(eq(rooms.id, input.roomId), eq(rooms.eventId, input.eventId))).returning({ id: rooms.id, name: rooms.name });
    if (!row) throw new DomainError("not_found", "errors.roomNotFound");
    await recordAudit(tx, actor, { action: "room.delete", entity: "room", entityId: row.id, eventId: input.eventId, before: { name: row.name } });
  });
}

export async function setSessionRoom(db: Db, actor: Actor, input: z.infer<typeof sessionRoomSchema>) {
  await db.transaction(async (tx) => {
    if (input.roomId) {
      const [r] = await tx.select({ id: rooms.id }).from(rooms).where(and(eq(rooms.id, input.roomId), eq(rooms.eventId, input.eventId)));
      if (!r) throw new DomainError("invalid", "errors.roomUnknown", { fieldErrors: { roomId: ["errors.roomUnknown"] } });
    }
    const [row] = await tx
      .update(agendaSessions)
      .set({ roomId: input.roomId ?? null })
      .where(and(eq(agendaSessions.id, input.sessionId), eq(agendaSessions.eventId, input.eventId)))
      .returning({ id: agendaSessions.id });
    if (!row) throw new DomainError("not_found", "errors.sessionNotFound");
    await recordAudit(tx, actor, { action: "session.room", entity: "agenda_session", entityId: row.id, eventId: input.eventId, after: { roomId: input.roomId ?? null } });
  });
}

/**
 * A session's own seats. Under the forum lock (as registration), and never below the choices it already holds: seats
 * people were given are not taken back by lowering a number.
 */
export async function setSessionSeats(db: Db, actor: Actor, input: z.infer<typeof sessionSeatsSchema>) {
  await db.transaction(async (tx) => {
    await lockEvent(tx, input.eventId);
    const seats = (await sessionSeats(tx, input.eventId)).find((s) => s.id === input.sessionId);
    if (!seats) throw new DomainError("not_found", "errors.sessionNotFound");
    if (input.capacity != null && input.capacity < seats.taken) {
      throw new DomainError("conflict", "errors.seatsBelowChosen", { params: { n: seats.taken }, fieldErrors: { capacity: [{ key: "errors.seatsBelowChosen", params: { n: seats.taken } }] } });
    }
    await tx.update(agendaSessions).set({ capacity: input.capacity }).where(and(eq(agendaSessions.id, input.sessionId), eq(agendaSessions.eventId, input.eventId)));
    await recordAudit(tx, actor, { action: "session.seats", entity: "agenda_session", entityId: input.sessionId, eventId: input.eventId, before: { capacity: seats.capacity }, after: { capacity: input.capacity } });
  });
}
