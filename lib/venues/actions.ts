"use server";
// Guard: every action goes through eventAction() (lib/actions/define.ts): agenda.edit on the forum in the input.
/** Rooms of a forum's venue and the room of a session (issue 11 §1). */
import { eventAction } from "@/lib/actions/define";
import { roomDeleteSchema, roomSchema, roomUpdateSchema, sessionRoomSchema } from "@/lib/seating/validation";
import { createRoom, deleteRoom, setSessionRoom, updateRoom } from "./commands";

export const createRoomAction = eventAction("agenda.edit", roomSchema, ({ db, actor, input }) => createRoom(db, actor, input));
export const updateRoomAction = eventAction("agenda.edit", roomUpdateSchema, ({ db, actor, input }) => updateRoom(db, actor, input));
export const deleteRoomAction = eventAction("agenda.edit", roomDeleteSchema, ({ db, actor, input }) => deleteRoom(db, actor, input));
export const setSessionRoomAction = eventAction("agenda.edit", sessionRoomSchema, ({ db, actor, input }) => setSessionRoom(db, actor, input));
