"use server";
/**
 * Server actions of the forum editor (thin: the family in lib/actions/define.ts guards on the forum named in the
 * input, parses, calls the command — whose UPDATE/DELETE are scoped by that forum — and refreshes the console).
 * Results are small payloads (ids, slugs), never rows.
 */
import { eventAction, userAction } from "@/lib/actions/define";
import { requirePermission } from "@/lib/auth/guard";
import { pickerSearchSchema } from "@/lib/shared/fields";
import { searchOrganizations } from "./admin-queries";
import { cloneEvent } from "./bundle";
import { createEvent, saveHosts, saveQuestions, setEventStatus, updateEvent, updateRegistrationSettings } from "./commands";
import { cloneEventSchema, createEventSchema, hostsSchema, questionsSchema, registrationSettingsSchema, statusSchema, updateEventSchema } from "./validation";

const console_ = { revalidate: { path: "/admin", type: "layout" as const } };

export const createEventAction = userAction("event.create", createEventSchema, async ({ db, actor, input }) => ({ slug: (await createEvent(db, actor, input)).slug }), console_);

export const updateEventAction = eventAction("event.edit", updateEventSchema, async ({ db, actor, input }) => ({ slug: (await updateEvent(db, actor, input)).slug }), console_);

export const setEventStatusAction = eventAction(
  "event.publish",
  statusSchema,
  async ({ db, actor, input }) => {
    const r = await setEventStatus(db, actor, input);
    return { status: r.status, notified: r.notified };
  },
  console_,
);

/** Cloning reads the source forum: the caller must be able to export the source (and create forums). */
export const cloneEventAction = eventAction(
  "event.export",
  cloneEventSchema,
  async ({ db, input }) => {
    const actor = await requirePermission("event.create");
    return { slug: (await cloneEvent(db, actor, input)).slug };
  },
  { ...console_, scope: async (_db, input) => input.sourceEventId ?? null },
);

export const saveRegistrationSettingsAction = eventAction(
  "event.edit",
  registrationSettingsSchema,
  async ({ db, actor, input }) => {
    await updateRegistrationSettings(db, actor, input);
    return { saved: true };
  },
  console_,
);

export const saveQuestionsAction = eventAction("event.edit", questionsSchema, ({ db, actor, input }) => saveQuestions(db, actor, input), console_);

export const saveHostsAction = eventAction("event.edit", hostsSchema, ({ db, actor, input }) => saveHosts(db, actor, input), console_);

/** A read-only picker: no console refresh. */
export const searchOrganizationsAction = eventAction("event.edit", pickerSearchSchema, ({ db, input }) => searchOrganizations(db, input.q));
