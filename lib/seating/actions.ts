"use server";
// Guard: every action goes through eventAction() (lib/actions/define.ts): seating.manage on the forum in the input.
/** Seating console actions (issue 11): protocol order, rostrum, hall, dining. */
import { z } from "zod";
import { eventAction } from "@/lib/actions/define";
import {
  addProtocolEntry,
  autoAssignDining,
  autoAssignHall,
  autoRostrum,
  configureDining,
  configureHall,
  moveDiningSeat,
  moveHallSeat,
  removeProtocolEntry,
  reorderProtocol,
  seedProtocolOrder,
  setRostrum,
  swapRostrumSeats,
  updateProtocolEntry,
} from "./commands";
import {
  autoRostrumSchema,
  diningConfigSchema,
  diningMoveSchema,
  eventScoped,
  hallConfigSchema,
  hallMoveSchema,
  protocolAddSchema,
  protocolRemoveSchema,
  protocolReorderSchema,
  protocolUpdateSchema,
  rostrumSchema,
  swapRostrumSchema,
} from "./validation";

const M = "seating.manage" as const;

export const seedProtocolAction = eventAction(M, eventScoped.extend({ resort: z.coerce.boolean().optional() }), ({ db, actor, input }) => seedProtocolOrder(db, actor, input));
export const addProtocolEntryAction = eventAction(M, protocolAddSchema, ({ db, actor, input }) => addProtocolEntry(db, actor, input));
export const updateProtocolEntryAction = eventAction(M, protocolUpdateSchema, ({ db, actor, input }) => updateProtocolEntry(db, actor, input));
export const removeProtocolEntryAction = eventAction(M, protocolRemoveSchema, ({ db, actor, input }) => removeProtocolEntry(db, actor, input));
export const reorderProtocolAction = eventAction(M, protocolReorderSchema, ({ db, actor, input }) => reorderProtocol(db, actor, input));

export const setRostrumAction = eventAction(M, eventScoped.extend(rostrumSchema.shape), ({ db, actor, input }) => setRostrum(db, actor, input));
export const autoRostrumAction = eventAction(M, autoRostrumSchema, ({ db, actor, input }) => autoRostrum(db, actor, input));
export const swapRostrumSeatsAction = eventAction(M, swapRostrumSchema, ({ db, actor, input }) => swapRostrumSeats(db, actor, input));

export const configureHallAction = eventAction(M, hallConfigSchema, ({ db, actor, input }) => configureHall(db, actor, input));
export const autoAssignHallAction = eventAction(M, eventScoped, ({ db, actor, input }) => autoAssignHall(db, actor, input));
export const moveHallSeatAction = eventAction(M, hallMoveSchema, ({ db, actor, input }) => moveHallSeat(db, actor, input));

export const configureDiningAction = eventAction(M, diningConfigSchema, ({ db, actor, input }) => configureDining(db, actor, input));
export const autoAssignDiningAction = eventAction(M, eventScoped, ({ db, actor, input }) => autoAssignDining(db, actor, input));
export const moveDiningSeatAction = eventAction(M, diningMoveSchema, ({ db, actor, input }) => moveDiningSeat(db, actor, input));
