/** A person (speaker) and their positions: the people folder owns them; the agenda builds on them. */
import { z } from "zod";
import { id, optional, required, text } from "@/lib/events/validation";

export const positionSchema = z.object({
  organization: required(200),
  organizationEn: optional(300),
  title: text(200).default(""),
  titleEn: optional(300),
});

export const personSchema = z.object({
  eventId: id,
  personId: id,
  name: required(100),
  nameEn: optional(200),
  /** The speaker page's biography, zh and en: omitted = unchanged, blank = cleared. */
  bio: optional(5000).optional(),
  bioEn: optional(10_000).optional(),
  positions: z.array(positionSchema).max(10, "admin.errors.too_many"),
});

export type PersonInput = z.infer<typeof personSchema>;
