import { z } from "zod";
import { checkbox, id, optional, optionalWallTime, required, wallTime } from "@/lib/shared/fields";
import { SESSION_KINDS, SESSION_ROLES } from "@/lib/shared/enums";
import { optionalPersonNameSchema, personNameSchema } from "@/lib/shared/person-name";
import { personSchema, positionSchema, type PersonInput } from "@/lib/people/validation";

export { SESSION_KINDS, SESSION_ROLES, personSchema, positionSchema, type PersonInput };

const direction = z.enum(["up", "down"], { message: "admin.errors.invalid_direction" });

export const sessionSchema = z.object({
  eventId: id,
  sessionId: id.optional().nullable(),
  kind: z.enum(SESSION_KINDS, { message: "admin.errors.invalid_kind" }),
  title: required(300),
  titleEn: optional(500),
  description: optional(5000),
  descriptionEn: optional(10_000),
  startsAt: wallTime,
  endsAt: wallTime,
  location: optional(200),
  locationEn: optional(300),
});

export const sessionRefSchema = z.object({ eventId: id, sessionId: id });
export const moveSessionSchema = z.object({ eventId: id, sessionId: id, direction });


export const newPersonSchema = z.object({
  name: personNameSchema(100, { required: "admin.errors.required", tooLong: "admin.errors.too_long" }),
  nameEn: optionalPersonNameSchema(200, { tooLong: "admin.errors.too_long" }),
  positions: z.array(positionSchema).max(10, "admin.errors.too_many").default([]),
});

export const addSpeakerSchema = z
  .object({
    eventId: id,
    sessionId: id,
    personId: id.optional().nullable(),
    person: newPersonSchema.optional().nullable(),
    role: z.enum(SESSION_ROLES, { message: "admin.errors.invalid_role" }).default("speaker"),
    topic: optional(300),
    topicEn: optional(500),
  })
  .refine((v) => Boolean(v.personId || v.person), { message: "admin.errors.person_required", path: ["personId"] });

export const updateSpeakerSchema = z.object({
  eventId: id,
  speakerId: id,
  role: z.enum(SESSION_ROLES, { message: "admin.errors.invalid_role" }),
  topic: optional(300),
  topicEn: optional(500),
});

export const speakerRefSchema = z.object({ eventId: id, speakerId: id });
export const moveSpeakerSchema = z.object({ eventId: id, speakerId: id, direction });


export const factSchema = z.object({ label: required(100), value: required(300), labelEn: z.string().trim().max(200).optional(), valueEn: z.string().trim().max(500).optional() });

export const stopSchema = z.object({
  eventId: id,
  sessionId: id,
  stopId: id.optional().nullable(),
  name: z.string({ message: "admin.errors.stop_name_required" }).trim().min(1, "admin.errors.stop_name_required").max(200, "admin.errors.too_long"),
  nameEn: optional(300),
  organization: optional(200),
  description: optional(5000),
  descriptionEn: optional(10_000),
  facts: z.array(factSchema).max(30, "admin.errors.too_many").default([]),
  plannedArrival: optionalWallTime,
});

export const stopRefSchema = z.object({ eventId: id, stopId: id });
export const moveStopSchema = z.object({ eventId: id, stopId: id, direction });

export const busSchema = z.object({
  eventId: id,
  busId: id.optional().nullable(),
  sessionId: id.optional().nullable(),
  name: required(100),
  seats: z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? undefined : typeof v === "string" ? Number(v) : v),
    z.number({ message: "admin.errors.seats_min" }).int("admin.errors.not_integer").min(1, "admin.errors.seats_min").max(1000, "admin.errors.too_large"),
  ),
  leaderName: optional(100),
  leaderPhone: optional(40),
  /** Shown on the English agenda (else the Chinese, marked lang="zh-CN"). */
  nameEn: optional(200),
  leaderNameEn: optional(200),
});

export const busRefSchema = z.object({ eventId: id, busId: id });

export { checkbox };
export type SessionInput = z.infer<typeof sessionSchema>;
export type AddSpeakerInput = z.infer<typeof addSpeakerSchema>;
export type UpdateSpeakerInput = z.infer<typeof updateSpeakerSchema>;
export type StopInput = z.infer<typeof stopSchema>;
export type BusInput = z.infer<typeof busSchema>;
export type Direction = z.infer<typeof direction>;
