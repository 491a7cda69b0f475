/** A person (speaker) and their positions: the people folder owns them; the agenda builds on them. */
import { z } from "zod";
import { id, optional, required, text } from "@/lib/shared/fields";
import { optionalPersonNameSchema, personNameSchema } from "@/lib/shared/person-name";

export const positionSchema = z.object({
  organization: required(200),
  organizationEn: optional(300),
  title: text(200).default(""),
  titleEn: optional(300),
});

export const personSchema = z.object({
  eventId: id,
  personId: id,
  name: personNameSchema(100, { required: "admin.errors.required", tooLong: "admin.errors.too_long" }),
  nameEn: optionalPersonNameSchema(200, { tooLong: "admin.errors.too_long" }),
  /** The speaker page's biography, zh and en: omitted = unchanged, blank = cleared. */
  bio: optional(5000).optional(),
  bioEn: optional(10_000).optional(),
  positions: z.array(positionSchema).max(10, "admin.errors.too_many"),
});

export type PersonInput = z.infer<typeof personSchema>;
