"use server";
// Guard: every action goes through eventAction(), which calls requirePermission(DOCS_EDIT, { eventId }) first.
/** Server actions of the delegation documents: the notice's text, hotels, room blocks and room assignments. */
import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/actions/result";
import { eventAction } from "@/lib/console/action";
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

export async function saveNoticeAction(input: unknown) {
  return translated(await eventAction(DOCS_EDIT, input, saveNoticeSchema, saveNotice));
}

export async function resetNoticeAction(input: unknown) {
  return eventAction(DOCS_EDIT, input, resetNoticeSchema, resetNotice);
}

export async function createHotelAction(input: unknown) {
  return translated(await eventAction(DOCS_EDIT, input, hotelSchema, createHotel));
}

export async function deleteHotelAction(input: unknown) {
  return eventAction(DOCS_EDIT, input, hotelIdSchema, deleteHotel);
}

export async function addRoomBlockAction(input: unknown) {
  return translated(await eventAction(DOCS_EDIT, input, blockSchema, addBlock));
}

export async function deleteRoomBlockAction(input: unknown) {
  return eventAction(DOCS_EDIT, input, blockIdSchema, deleteBlock);
}

export async function autoAssignRoomsAction(input: unknown) {
  return eventAction(DOCS_EDIT, input, autoAssignSchema, runAutoAssign);
}

export async function moveToRoomAction(input: unknown) {
  return translated(await eventAction(DOCS_EDIT, input, moveSchema, moveToRoom));
}

export async function unassignRoomAction(input: unknown) {
  return eventAction(DOCS_EDIT, input, unassignSchema, unassignRoom);
}
