"use server";
// Guard: every action is eventAction(DOCS_EDIT, …) from lib/actions/define.ts (permission on the input's forum).
/** Server actions of the delegation documents: the notice's text, hotels, room blocks and room assignments. */
import { getTranslations } from "next-intl/server";
import { eventAction, type ActionInput } from "@/lib/actions/define";
import type { ActionResult } from "@/lib/actions/result";
import { DOCS_EDIT } from "./docs-permissions";
import {
  addBlock,
  autoAssignSchema,
  blockIdSchema,
  blockSchema,
  createHotel,
  deleteBlock,
  deleteHotel,
  hotelIdSchema,
  hotelSchema,
  moveSchema,
  moveToRoom,
  runAutoAssign,
  unassignRoom,
  unassignSchema,
} from "./hotels";
import { resetNotice, resetNoticeSchema, saveNotice, saveNoticeSchema } from "./notice";

/** Field codes this feature adds are translated here (the console's shared codes are translated by the form). */
async function translated<T>(r: ActionResult<T>): Promise<ActionResult<T>> {
  if (r.ok || !r.fieldErrors) return r;
  const t = await getTranslations("delegationDocs.errors");
  const tr = (code: string) => (t.has(code as never) ? t(code as never) : code);
  const fieldErrors = Object.fromEntries(Object.entries(r.fieldErrors).map(([k, v]) => [k, v.map(tr)]));
  const first = Object.values(fieldErrors)[0]?.[0];
  return { ...r, fieldErrors, error: first && first !== Object.values(r.fieldErrors)[0]?.[0] ? first : r.error };
}

const saveNoticeActionRaw = eventAction(DOCS_EDIT, saveNoticeSchema, ({ db, actor, input }) => saveNotice(db, actor, input));
export async function saveNoticeAction(input: ActionInput) {
  return translated(await saveNoticeActionRaw(input));
}

export const resetNoticeAction = eventAction(DOCS_EDIT, resetNoticeSchema, ({ db, actor, input }) => resetNotice(db, actor, input));

const createHotelActionRaw = eventAction(DOCS_EDIT, hotelSchema, ({ db, actor, input }) => createHotel(db, actor, input));
export async function createHotelAction(input: ActionInput) {
  return translated(await createHotelActionRaw(input));
}

export const deleteHotelAction = eventAction(DOCS_EDIT, hotelIdSchema, ({ db, actor, input }) => deleteHotel(db, actor, input));

const addRoomBlockActionRaw = eventAction(DOCS_EDIT, blockSchema, ({ db, actor, input }) => addBlock(db, actor, input));
export async function addRoomBlockAction(input: ActionInput) {
  return translated(await addRoomBlockActionRaw(input));
}

export const deleteRoomBlockAction = eventAction(DOCS_EDIT, blockIdSchema, ({ db, actor, input }) => deleteBlock(db, actor, input));

export const autoAssignRoomsAction = eventAction(DOCS_EDIT, autoAssignSchema, ({ db, actor, input }) => runAutoAssign(db, actor, input));

const moveToRoomActionRaw = eventAction(DOCS_EDIT, moveSchema, ({ db, actor, input }) => moveToRoom(db, actor, input));
export async function moveToRoomAction(input: ActionInput) {
  return translated(await moveToRoomActionRaw(input));
}

export const unassignRoomAction = eventAction(DOCS_EDIT, unassignSchema, ({ db, actor, input }) => unassignRoom(db, actor, input));
