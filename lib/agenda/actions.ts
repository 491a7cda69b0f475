"use server";
// Guard: every action is eventAction("agenda.edit", …) (lib/actions/define.ts): authenticate, then can(actor, permission, { eventId }) before any work; tests/db/guards.test.ts proves each refuses weak callers.
/**
 * Server actions of the agenda builder (thin: the family in lib/actions/define.ts guards agenda.edit on the forum
 * named in the input, parses, calls the command — which re-checks that each id belongs to that forum — and
 * refreshes the console).
 */
import { eventAction } from "@/lib/actions/define";
import { pickerSearchSchema } from "@/lib/shared/fields";
import { searchPeople, updatePerson } from "@/lib/people/commands";
import { addSpeaker, deleteBus, deleteSession, deleteStop, moveSession, moveSpeaker, moveStop, removeSpeaker, saveBus, saveSession, saveStop, updateSpeaker } from "./commands";
import {
  addSpeakerSchema,
  busRefSchema,
  busSchema,
  moveSessionSchema,
  moveSpeakerSchema,
  moveStopSchema,
  personSchema,
  sessionRefSchema,
  sessionSchema,
  speakerRefSchema,
  stopRefSchema,
  stopSchema,
  updateSpeakerSchema,
} from "./validation";

const console_ = { revalidate: { path: "/admin", type: "layout" as const } };

export const saveSessionAction = eventAction("agenda.edit", sessionSchema, ({ db, actor, input }) => saveSession(db, actor, input), console_);
export const deleteSessionAction = eventAction("agenda.edit", sessionRefSchema, ({ db, actor, input }) => deleteSession(db, actor, input), console_);
export const moveSessionAction = eventAction("agenda.edit", moveSessionSchema, ({ db, actor, input }) => moveSession(db, actor, input), console_);

export const addSpeakerAction = eventAction("agenda.edit", addSpeakerSchema, ({ db, actor, input }) => addSpeaker(db, actor, input), console_);
export const updateSpeakerAction = eventAction("agenda.edit", updateSpeakerSchema, ({ db, actor, input }) => updateSpeaker(db, actor, input), console_);
export const removeSpeakerAction = eventAction("agenda.edit", speakerRefSchema, ({ db, actor, input }) => removeSpeaker(db, actor, input), console_);
export const moveSpeakerAction = eventAction("agenda.edit", moveSpeakerSchema, ({ db, actor, input }) => moveSpeaker(db, actor, input), console_);
export const updatePersonAction = eventAction("agenda.edit", personSchema, ({ db, actor, input }) => updatePerson(db, actor, input), console_);
/** A read-only picker: no console refresh. */
export const searchPeopleAction = eventAction("agenda.edit", pickerSearchSchema, ({ db, actor, input }) => searchPeople(db, actor, input.q));

export const saveStopAction = eventAction("agenda.edit", stopSchema, ({ db, actor, input }) => saveStop(db, actor, input), console_);
export const deleteStopAction = eventAction("agenda.edit", stopRefSchema, ({ db, actor, input }) => deleteStop(db, actor, input), console_);
export const moveStopAction = eventAction("agenda.edit", moveStopSchema, ({ db, actor, input }) => moveStop(db, actor, input), console_);
export const saveBusAction = eventAction("agenda.edit", busSchema, ({ db, actor, input }) => saveBus(db, actor, input), console_);
export const deleteBusAction = eventAction("agenda.edit", busRefSchema, ({ db, actor, input }) => deleteBus(db, actor, input), console_);
