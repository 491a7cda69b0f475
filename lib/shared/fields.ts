/**
 * Form-field schemas every editor builds on (the forum, the agenda, people): zod, client-safe, messages are keys
 * ("admin.errors.required") translated at the boundary. One copy, below every lib folder, so none of them has to
 * import another folder's validation for a text field.
 */
import { z } from "zod";

export const id = z.uuid({ message: "admin.errors.invalid_id" });
export const text = (max: number) => z.string({ message: "admin.errors.required" }).trim().max(max, "admin.errors.too_long");
export const required = (max: number) => text(max).min(1, "admin.errors.required");
/** "" / null / undefined → null; otherwise trimmed text. */
export const optional = (max: number) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim() || null : (v ?? null)), z.string().max(max, "admin.errors.too_long").nullable());
export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());
export const intOrNull = z.preprocess(
  (v) => (v === "" || v === null || v === undefined ? null : typeof v === "string" ? Number(v) : v),
  z.number({ message: "admin.errors.not_a_number" }).int("admin.errors.not_integer").min(0, "admin.errors.negative").max(1_000_000, "admin.errors.too_large").nullable(),
);
/** A wall time "YYYY-MM-DDTHH:mm" in the forum's zone (converted by the command, which knows the zone). */
export const wallTime = z.string({ message: "admin.errors.required" }).trim().min(1, "admin.errors.required");
export const optionalWallTime = z.preprocess((v) => (typeof v === "string" ? v.trim() || null : (v ?? null)), z.string().nullable());

/** A picker's search box (people, organizations) inside one forum's editor. */
export const pickerSearchSchema = z.object({ eventId: id, q: z.string().trim().max(100).default("") });
