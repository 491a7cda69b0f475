"use server";
// Guard: every export is built on lib/actions (eventAction/userAction/eventRoute), which authenticates and checks the permission named here with can(actor, permission, { eventId }) before any work — the same check as requirePermission(); tests/db/guards.test.ts proves each refuses weak callers.
// Guard: every action goes through eventAction() (lib/actions/define.ts): agenda.edit on the forum in the input.
/** Rooms of a forum's venue and the room of a session. */
import { eventAction } from "@/lib/actions/define";
import { roomDeleteSchema, roomSchema, roomUpdateSchema, sessionRoomSchema, sessionSeatsSchema } from "@/lib/seating/validation";
import { createRoom, deleteRoom, setSessionRoom, setSessionSeats, updateRoom } from "./commands";

export const createRoomAction = eventAction("agenda.edit", roomSchema, ({ db, actor, input }) => createRoom(db, actor, input));
export const updateRoomAction = eventAction("agenda.edit", roomUpdateSchema, ({ db, actor, input }) => updateRoom(db, actor, input));
export const deleteRoomAction = eventAction("agenda.edit", roomDeleteSchema, ({ db, actor, input }) => deleteRoom(db, actor, input));
export const setSessionRoomAction = eventAction("agenda.edit", sessionRoomSchema, ({ db, actor, input }) => setSessionRoom(db, actor, input));
export const setSessionSeatsAction = eventAction("agenda.edit", sessionSeatsSchema, ({ db, actor, input }) => setSessionSeats(db, actor, input));
