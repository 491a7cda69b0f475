"use server";
// Guard: every action goes through eventAction(), which calls requirePermission(permission, { eventId }) first.
/**
 * Organizer actions on registrations: guard (registration.manage on the forum in the input) → zod → domain command.
 * Every command scopes its writes by that forum's id, so ids from another forum are simply not found.
 */
import { z } from "zod";
import { DomainError } from "@/lib/actions/result";
import { eventAction } from "@/lib/console/action";
import { getLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import { addGuest, assignBus, autoFillBuses, changeRegistrationStatus, updateRegistration } from "@/lib/registrations/admin-commands";
import { assignBusSchema, autoFillSchema, guestSchema, statusChangeSchema, updateRegistrationSchema } from "@/lib/registrations/admin-validation";
import { IMPORT_MAX_BYTES, importGuests, previewGuestImport } from "@/lib/registrations/import";

const uiLocale = async () => (await getLocale()) as Locale;

export async function changeStatusAction(input: unknown) {
  return eventAction("registration.manage", input, statusChangeSchema, async (db, actor, v) => changeRegistrationStatus(db, actor, { ...v, locale: await uiLocale() }));
}

export async function updateRegistrationAction(input: unknown) {
  return eventAction("registration.manage", input, updateRegistrationSchema, async (db, actor, v) => updateRegistration(db, actor, v, await uiLocale()));
}

export async function addGuestAction(input: unknown) {
  return eventAction("registration.manage", input, guestSchema, async (db, actor, v) => addGuest(db, actor, v));
}

export async function assignBusAction(input: unknown) {
  return eventAction("registration.manage", input, assignBusSchema, async (db, actor, v) => assignBus(db, actor, { ...v, locale: await uiLocale() }));
}

export async function autoFillBusesAction(input: unknown) {
  return eventAction("registration.manage", input, autoFillSchema, async (db, actor, v) => autoFillBuses(db, actor, { ...v, locale: await uiLocale() }));
}

const fileSchema = z.custom<File>((f) => f instanceof File, "errors.chooseCsv").refine((f) => f.size <= IMPORT_MAX_BYTES, "console.import.err.tooLarge");

async function bytesOf(f: File) {
  return new Uint8Array(await f.arrayBuffer());
}

/** Preview an import: parse and validate the whole file, count what exists. Writes nothing. */
export async function previewImportAction(input: unknown) {
  return eventAction("registration.manage", input, z.object({ eventId: z.uuid(), file: fileSchema }), async (db, _actor, v) =>
    previewGuestImport(db, v.eventId, await bytesOf(v.file), await uiLocale()),
  );
}

/** Import rows [from, to) of the file (the client calls this chunk by chunk to show progress). */
export async function importChunkAction(input: unknown) {
  return eventAction(
    "registration.manage",
    input,
    z.object({ eventId: z.uuid(), file: fileSchema, from: z.coerce.number().int().min(0).default(0), to: z.coerce.number().int().min(1).max(1_000_000).optional() }),
    async (db, actor, v) => {
      if (v.to !== undefined && v.to <= v.from) throw new DomainError("invalid", "errors.emptyRange");
      return importGuests(db, actor, { eventId: v.eventId, bytes: await bytesOf(v.file), from: v.from, to: v.to, locale: await uiLocale() });
    },
  );
}
