/** Input of the seating commands (zod). Client-safe: the editor builds the same shapes. */
import { z } from "zod";
import { RANKS } from "@/lib/shared/rank";
import { RESERVE_REASONS } from "./hall";
import { CONVENTIONS } from "./rostrum";
import { ROOM_LAYOUTS } from "@/lib/shared/enums";

const uuid = z.uuid();
const optionalUuid = z.preprocess((v) => (v === "" ? null : v), uuid.nullish());
const optionalText = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), z.string().trim().max(200).nullish());

export const eventScoped = z.object({ eventId: uuid });

export const MAX_ROSTRUM_ROWS = 6;
export const MAX_ROSTRUM_SEATS = 40;

/** A rostrum: rows of ids (speakers' person ids or registration ids) in rank order, first = most senior. */
export const rostrumSchema = z.object({
  room: optionalUuid,
  session: optionalUuid,
  convention: z.enum(CONVENTIONS),
  rows: z
    .array(z.object({ people: z.array(z.string().trim().min(1).max(64)).min(1).max(MAX_ROSTRUM_SEATS) }))
    .min(1)
    .max(MAX_ROSTRUM_ROWS),
});
export type RostrumInput = z.infer<typeof rostrumSchema>;

export const seatRef = z.object({ row: z.coerce.number().int().min(1).max(MAX_ROSTRUM_ROWS), seat: z.coerce.number().int().min(1).max(MAX_ROSTRUM_SEATS) });

export const swapRostrumSchema = eventScoped.extend({ planId: uuid, a: seatRef, b: seatRef });

/** Arrange the top of the protocol order onto the rostrum: `count` people in rows of `perRow`. */
export const autoRostrumSchema = eventScoped.extend({
  room: optionalUuid,
  session: optionalUuid,
  convention: z.enum(CONVENTIONS),
  count: z.coerce.number().int().min(1).max(MAX_ROSTRUM_ROWS * MAX_ROSTRUM_SEATS),
  perRow: z.coerce.number().int().min(1).max(MAX_ROSTRUM_SEATS),
});

export const protocolAddSchema = eventScoped.extend({
  id: uuid, // a person id or a registration id
  rank: z.enum(RANKS).optional(),
  title: optionalText,
  titleEn: optionalText,
});
export const protocolUpdateSchema = eventScoped.extend({ entryId: uuid, rank: z.enum(RANKS), title: optionalText, titleEn: optionalText });
export const protocolRemoveSchema = eventScoped.extend({ entryId: uuid });
/** The whole list in its new order (entry ids). */
export const protocolReorderSchema = eventScoped.extend({ entryIds: z.array(uuid).min(1).max(5000) });

export const hallConfigSchema = eventScoped.extend({
  rows: z.coerce.number().int().min(1).max(200),
  seatsPerRow: z.coerce.number().int().min(1).max(200),
  reserved: z.array(z.object({ row: z.coerce.number().int().min(1).max(200), reason: z.enum(RESERVE_REASONS) })).max(200).default([]),
  roomId: optionalUuid,
});
export type HallConfigInput = z.infer<typeof hallConfigSchema>;

export const hallMoveSchema = eventScoped.extend({
  registrationId: uuid,
  /** null = take the person out of the hall plan. */
  to: z.object({ row: z.coerce.number().int().min(1).max(200), seat: z.coerce.number().int().min(1).max(200) }).nullable(),
});

export const diningConfigSchema = eventScoped.extend({
  tableSize: z.coerce.number().int().min(2).max(30),
  convention: z.enum(CONVENTIONS),
});

export const diningMoveSchema = eventScoped.extend({
  id: uuid,
  to: z.object({ table: z.coerce.number().int().min(1).max(1000), seat: z.coerce.number().int().min(1).max(30) }).nullable(),
});

export const roomSchema = eventScoped.extend({
  name: z.string().trim().min(1).max(100),
  nameEn: optionalText,
  capacity: z.preprocess((v) => (v === "" || v == null ? null : v), z.coerce.number().int().min(1).max(100000).nullable()),
  floor: optionalText,
  layout: z.enum(ROOM_LAYOUTS),
});
export const roomUpdateSchema = roomSchema.extend({ roomId: uuid });
export const roomDeleteSchema = eventScoped.extend({ roomId: uuid });
export const sessionRoomSchema = eventScoped.extend({ sessionId: uuid, roomId: optionalUuid });
/** A session's own seats (parallel sessions): empty = the room's capacity. */
export const sessionSeatsSchema = eventScoped.extend({
  sessionId: uuid,
  capacity: z.preprocess((v) => (v === "" || v == null ? null : v), z.coerce.number().int().min(1).max(100000).nullable()),
});
