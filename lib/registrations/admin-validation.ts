/** Organizer-side registration input (zod): status changes, edits, guests added by hand, bus assignment, table params. */
import { z } from "zod";
import { DELEGATE_CATEGORIES, REGISTRATION_STATUSES } from "@/lib/shared/enums";
import { personNameSchema } from "@/lib/shared/person-name";

export const STATUS_ACTIONS = ["approve", "reject", "waitlist", "promote", "cancel"] as const;
export type StatusAction = (typeof STATUS_ACTIONS)[number];

const ids = z.preprocess((v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v), z.array(z.uuid()).min(1, "errors.selectRegistrations").max(10_000));
const optText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), z.string().trim().max(max).nullable().optional().default(null));
const boolish = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

export const statusChangeSchema = z.object({ eventId: z.uuid(), action: z.enum(STATUS_ACTIONS), registrationIds: ids });

const answers = z.record(z.string().max(64), z.union([z.string().max(1000), z.array(z.string().max(1000)).max(50)])).default({});

export const guestSchema = z.object({
  eventId: z.uuid(),
  fullName: personNameSchema(100, { required: "errors.nameRequired" }),
  email: z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? null : v.trim().toLowerCase()) : v),
    z.email("errors.validEmail").max(254).nullable().optional().default(null),
  ),
  phone: optText(40),
  organization: optText(200),
  position: optText(200),
  category: z.enum(DELEGATE_CATEGORIES).default("other"),
  siteVisit: boolish.default(false),
  notes: optText(2000),
  needs: optText(1000),
  status: z.enum(["confirmed", "pending"]).default("confirmed"),
});
export type GuestInput = z.infer<typeof guestSchema>;

export const updateRegistrationSchema = guestSchema.omit({ status: true }).extend({
  registrationId: z.uuid(),
  answers: z.preprocess((v) => (typeof v === "string" ? JSON.parse(v || "{}") : v), answers),
});
export type UpdateRegistrationInput = z.infer<typeof updateRegistrationSchema>;

export const assignBusSchema = z.object({
  eventId: z.uuid(),
  registrationIds: ids,
  busId: z.preprocess((v) => (v === "" || v === "none" ? null : v), z.uuid().nullable()),
});
export const autoFillSchema = z.object({ eventId: z.uuid() });

export const SORTS = ["createdAt", "fullName", "organization", "category", "status"] as const;
export const tableParamsSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(REGISTRATION_STATUSES).optional().catch(undefined),
  category: z.enum(DELEGATE_CATEGORIES).optional().catch(undefined),
  /** a bus id, or "none" = no bus */
  bus: z.union([z.uuid(), z.literal("none")]).optional().catch(undefined),
  sort: z.enum(SORTS).default("createdAt").catch("createdAt"),
  dir: z.enum(["asc", "desc"]).default("desc").catch("desc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(10).max(200).default(50).catch(50),
});
export type TableParams = z.infer<typeof tableParamsSchema>;
