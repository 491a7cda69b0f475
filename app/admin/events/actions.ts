"use server";
/**
 * Server actions of the forum editor and agenda builder. Each one: guard (permission on the forum named
 * in the input) → zod → domain command, whose UPDATE/DELETE are scoped by that forum. Results are ActionResults with
 * small payloads (ids, slugs), never rows.
 */
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { parse, run, type ActionResult } from "@/lib/actions/result";
import {
  addSpeaker,
  deleteBus,
  deleteSession,
  deleteStop,
  moveSession,
  moveSpeaker,
  moveStop,
  removeSpeaker,
  saveBus,
  saveSession,
  saveStop,
  updateSpeaker,
} from "@/lib/agenda/commands";
import {
  addSpeakerSchema,
  busRefSchema,
  busSchema,
  moveSessionSchema,
  moveSpeakerSchema,
  moveStopSchema,
  peopleSearchSchema,
  personSchema,
  sessionRefSchema,
  sessionSchema,
  speakerRefSchema,
  stopRefSchema,
  stopSchema,
  updateSpeakerSchema,
} from "@/lib/agenda/validation";
import { requirePermission } from "@/lib/auth/guard";
import type { Actor, Permission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { searchOrganizations } from "@/lib/events/admin-queries";
import { cloneEvent } from "@/lib/events/bundle";
import { createEvent, saveHosts, saveQuestions, setEventStatus, updateEvent, updateRegistrationSettings } from "@/lib/events/commands";
import {
  cloneEventSchema,
  createEventSchema,
  hostsSchema,
  questionsSchema,
  registrationSettingsSchema,
  statusSchema,
  updateEventSchema,
} from "@/lib/events/validation";
import { searchPeople, updatePerson } from "@/lib/people/commands";

type Input = FormData | Record<string, unknown>;
const NIL = "00000000-0000-0000-0000-000000000000";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The forum the input names (for the guard's scope); a malformed id scopes to no forum at all. */
function scopeOf(input: Input, key = "eventId"): string {
  const v = input instanceof FormData ? input.get(key) : input?.[key];
  return typeof v === "string" && UUID.test(v) ? v : NIL;
}

/** guard → parse → command → refresh the console. */
async function act<S extends z.ZodType, T>(
  permission: Permission,
  scope: string | null,
  schema: S,
  input: Input,
  command: (db: Db, actor: Actor, data: z.infer<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  return run(async () => {
    const actor = await requirePermission(permission, scope ? { eventId: scope } : {});
    const data = parse(schema, input);
    const result = await command(await getDb(), actor, data);
    revalidatePath("/admin", "layout");
    return result;
  });
}

// ---------------------------------------------------------------- forums

export async function createEventAction(input: Input) {
  return act("event.create", null, createEventSchema, input, async (db, actor, data) => {
    const row = await createEvent(db, actor, data);
    return { slug: row.slug };
  });
}

export async function updateEventAction(input: Input) {
  return act("event.edit", scopeOf(input), updateEventSchema, input, async (db, actor, data) => {
    const row = await updateEvent(db, actor, data);
    return { slug: row.slug };
  });
}

export async function setEventStatusAction(input: Input) {
  return act("event.publish", scopeOf(input), statusSchema, input, async (db, actor, data) => {
    const r = await setEventStatus(db, actor, data);
    return { status: r.status, notified: r.notified };
  });
}

/** Cloning reads the source forum: the caller must be able to create forums AND export the source. */
export async function cloneEventAction(input: Input): Promise<ActionResult<{ slug: string }>> {
  return run(async () => {
    await requirePermission("event.create");
    const actor = await requirePermission("event.export", { eventId: scopeOf(input, "sourceEventId") });
    const data = parse(cloneEventSchema, input);
    const row = await cloneEvent(await getDb(), actor, data);
    revalidatePath("/admin", "layout");
    return { slug: row.slug };
  });
}

export async function saveRegistrationSettingsAction(input: Input) {
  return act("event.edit", scopeOf(input), registrationSettingsSchema, input, async (db, actor, data) => {
    await updateRegistrationSettings(db, actor, data);
    return { saved: true };
  });
}

export async function saveQuestionsAction(input: Input) {
  return act("event.edit", scopeOf(input), questionsSchema, input, (db, actor, data) => saveQuestions(db, actor, data));
}

export async function saveHostsAction(input: Input) {
  return act("event.edit", scopeOf(input), hostsSchema, input, (db, actor, data) => saveHosts(db, actor, data));
}

export async function searchOrganizationsAction(input: Input) {
  return act("event.edit", scopeOf(input), peopleSearchSchema, input, (db, _actor, data) => searchOrganizations(db, data.q));
}

// ---------------------------------------------------------------- agenda

export async function saveSessionAction(input: Input) {
  return act("agenda.edit", scopeOf(input), sessionSchema, input, (db, actor, data) => saveSession(db, actor, data));
}

export async function deleteSessionAction(input: Input) {
  return act("agenda.edit", scopeOf(input), sessionRefSchema, input, (db, actor, data) => deleteSession(db, actor, data));
}

export async function moveSessionAction(input: Input) {
  return act("agenda.edit", scopeOf(input), moveSessionSchema, input, (db, actor, data) => moveSession(db, actor, data));
}

export async function addSpeakerAction(input: Input) {
  return act("agenda.edit", scopeOf(input), addSpeakerSchema, input, (db, actor, data) => addSpeaker(db, actor, data));
}

export async function updateSpeakerAction(input: Input) {
  return act("agenda.edit", scopeOf(input), updateSpeakerSchema, input, (db, actor, data) => updateSpeaker(db, actor, data));
}

export async function removeSpeakerAction(input: Input) {
  return act("agenda.edit", scopeOf(input), speakerRefSchema, input, (db, actor, data) => removeSpeaker(db, actor, data));
}

export async function moveSpeakerAction(input: Input) {
  return act("agenda.edit", scopeOf(input), moveSpeakerSchema, input, (db, actor, data) => moveSpeaker(db, actor, data));
}

export async function updatePersonAction(input: Input) {
  return act("agenda.edit", scopeOf(input), personSchema, input, (db, actor, data) => updatePerson(db, actor, data));
}

export async function searchPeopleAction(input: Input) {
  return act("agenda.edit", scopeOf(input), peopleSearchSchema, input, (db, _actor, data) => searchPeople(db, data.q));
}

export async function saveStopAction(input: Input) {
  return act("agenda.edit", scopeOf(input), stopSchema, input, (db, actor, data) => saveStop(db, actor, data));
}

export async function deleteStopAction(input: Input) {
  return act("agenda.edit", scopeOf(input), stopRefSchema, input, (db, actor, data) => deleteStop(db, actor, data));
}

export async function moveStopAction(input: Input) {
  return act("agenda.edit", scopeOf(input), moveStopSchema, input, (db, actor, data) => moveStop(db, actor, data));
}

export async function saveBusAction(input: Input) {
  return act("agenda.edit", scopeOf(input), busSchema, input, (db, actor, data) => saveBus(db, actor, data));
}

export async function deleteBusAction(input: Input) {
  return act("agenda.edit", scopeOf(input), busRefSchema, input, (db, actor, data) => deleteBus(db, actor, data));
}
