/**
 * Input schemas of the forum editor (zod). Messages are message keys ("admin.errors.required"), translated at the
 * boundary (lib/actions/result.ts toFailure, lib/http errorResponse) in the request's language, for the console and API alike.
 */
import { z } from "zod";
import { isValidTimeZone, zonedToDate } from "./zoned";
import { EVENT_STATUSES, HOST_ROLES, QUESTION_KINDS } from "@/lib/shared/enums";
import { checkbox, id, intOrNull, optional, optionalWallTime, required, text, wallTime } from "@/lib/shared/fields";

export { EVENT_STATUSES, HOST_ROLES, QUESTION_KINDS };

const slug = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toLowerCase() || undefined : v),
  z.string().max(80, "admin.errors.too_long").regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "admin.errors.slug_format").optional(),
);

const detailFields = {
  title: required(200),
  titleEn: optional(300),
  summary: text(10_000).default(""),
  summaryEn: optional(20_000),
  audience: optional(500),
  audienceEn: optional(1000),
  startsAt: wallTime,
  endsAt: wallTime,
  timezone: z.string().trim().default("Asia/Shanghai").refine(isValidTimeZone, "admin.errors.invalid_timezone"),
  venueName: optional(200),
  venueNameEn: optional(300),
  venueAddress: optional(300),
  venueAddressEn: optional(500),
  city: optional(100),
  cityEn: optional(200),
};

type Wall = { startsAt: string; endsAt: string; timezone: string };
type Instants = { startsAt: Date; endsAt: Date };

/** Check and convert startsAt/endsAt wall times into instants (field errors on the right field). */
function toInstants<T extends Wall>(v: T, ctx: z.RefinementCtx): Omit<T, "startsAt" | "endsAt"> & Instants {
  const startsAt = zonedToDate(v.startsAt, v.timezone);
  const endsAt = zonedToDate(v.endsAt, v.timezone);
  if (!startsAt) ctx.addIssue({ code: "custom", message: "admin.errors.invalid_time", path: ["startsAt"] });
  if (!endsAt) ctx.addIssue({ code: "custom", message: "admin.errors.invalid_time", path: ["endsAt"] });
  if (startsAt && endsAt && endsAt < startsAt) ctx.addIssue({ code: "custom", message: "admin.errors.end_before_start", path: ["endsAt"] });
  return { ...v, startsAt: startsAt ?? new Date(0), endsAt: endsAt ?? new Date(0) };
}

export const createEventSchema = z.object({ ...detailFields, slug }).transform(toInstants);
export const updateEventSchema = z.object({ ...detailFields, eventId: id }).transform(toInstants);

export const statusSchema = z.object({
  eventId: id,
  status: z.enum(EVENT_STATUSES, { message: "admin.errors.invalid_status" }),
  /** Shown to registrants when a forum is cancelled. */
  reason: optional(1000),
});

/**
 * A clone is a new forum, so it gets its own identity: title (zh required, en optional — the source's English title
 * is never carried over), slug (blank = made from the English title and date) and first day; every time (sessions,
 * stops, registration window) shifts by the whole days between the two first days.
 */
export const cloneEventSchema = z.object({
  sourceEventId: id,
  title: required(200),
  titleEn: optional(300),
  slug,
  /** New first day "YYYY-MM-DD" in the forum's zone. */
  startsOn: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "admin.errors.invalid_date"),
  /** Keep the speakers on the agenda (and their positions); without, only the structure is copied. */
  withPeople: checkbox,
});

export const registrationSettingsSchema = z.object({
  eventId: id,
  capacity: intOrNull,
  registrationOpensAt: optionalWallTime,
  registrationClosesAt: optionalWallTime,
  requiresApproval: checkbox,
  waitlistEnabled: checkbox,
});

export const questionsSchema = z.object({
  eventId: id,
  questions: z
    .array(
      z
        .object({
          id: id.optional().nullable(),
          label: required(300),
          labelEn: optional(500),
          kind: z.enum(QUESTION_KINDS, { message: "admin.errors.invalid_kind" }),
          options: z.array(z.string().trim().min(1, "admin.errors.required").max(200, "admin.errors.too_long")).max(50).default([]),
          required: checkbox,
        })
        .refine((q) => q.kind === "text" || q.options.length >= 2, { message: "admin.errors.options_needed", path: ["options"] }),
    )
    .max(50, "admin.errors.too_many"),
});

export const hostsSchema = z.object({
  eventId: id,
  hosts: z
    .array(
      z
        .object({
          organizationId: id.optional().nullable(),
          /** A new organization's name (created if no organization of that name exists). */
          name: optional(200),
          /** The organization's English name: omitted = unchanged, blank = cleared (organizations are shared, the change is audited). */
          nameEn: optional(300).optional(),
          role: z.enum(HOST_ROLES, { message: "admin.errors.invalid_role" }),
        })
        .refine((h) => Boolean(h.organizationId || h.name), { message: "admin.errors.required", path: ["name"] }),
    )
    .max(100, "admin.errors.too_many"),
});

/** The API's PATCH: any of these; times are ISO-8601 with an offset (or null to clear). */
export const eventPatchSchema = z
  .object({
    status: z.enum(EVENT_STATUSES, { message: "admin.errors.invalid_status" }).optional(),
    capacity: z.number({ message: "admin.errors.not_a_number" }).int("admin.errors.not_integer").min(0, "admin.errors.negative").nullable().optional(),
    registrationOpensAt: z.iso.datetime({ offset: true, message: "admin.errors.invalid_time" }).nullable().optional(),
    registrationClosesAt: z.iso.datetime({ offset: true, message: "admin.errors.invalid_time" }).nullable().optional(),
    requiresApproval: z.boolean({ message: "admin.errors.not_a_boolean" }).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "admin.errors.nothing_to_change" });

export type CreateEventInput = z.infer<typeof createEventSchema>;
export type UpdateEventInput = z.infer<typeof updateEventSchema>;
export type StatusInput = z.infer<typeof statusSchema>;
export type CloneEventInput = z.infer<typeof cloneEventSchema>;
export type RegistrationSettingsInput = z.infer<typeof registrationSettingsSchema>;
export type QuestionsInput = z.infer<typeof questionsSchema>;
export type HostsInput = z.infer<typeof hostsSchema>;
export type EventPatch = z.infer<typeof eventPatchSchema>;
