/** Input schemas of the report commands (zod). Safe to import from client components. */
import { z } from "zod";

const text = (max: number) => z.string().trim().max(max);
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const SECTION_KINDS = ["attendance", "program"] as const;

export const sectionInput = z.object({
  /** The section's previous position (1-based) when it existed before this save: photos placed in it follow it. */
  was: z.coerce.number().int().min(1).max(1000).nullish(),
  heading: text(200),
  /** Sanitized HTML (the editor's); sanitized again on save. */
  body: z.string().max(200_000),
  generated: z.enum(SECTION_KINDS).nullish(),
});

export const figureInput = z.object({
  label: text(120).min(1, "errors.labelRequired"),
  value: text(60).min(1, "errors.valueRequired"),
  unit: optText(30),
  change: optText(30),
  period: optText(40),
});

const tags = z
  .union([z.array(z.string()), z.string()])
  .transform((v) => (Array.isArray(v) ? v : v.split(/[,，、\s]+/)))
  .transform((v) => [...new Set(v.map((t) => t.trim()).filter(Boolean))])
  .pipe(z.array(z.string().max(30)).max(20));

/** "YYYY-MM-DDTHH:mm" in the forum's zone (a datetime-local field), or empty. */
export const localDateTime = z
  .string()
  .trim()
  .regex(/^$|^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, "errors.useDatePicker")
  .nullish()
  .transform((v) => v || null);

export const reportDocInput = z.object({
  title: text(200),
  titleEn: optText(300),
  subtitle: optText(300),
  byline: optText(200),
  photoCredit: optText(200),
  tags: tags.default([]),
  lead: z.string().max(50_000).default(""),
  /** The publish date shown on the report; in the future = scheduled publishing. */
  publishAt: localDateTime,
  sections: z.array(sectionInput).max(40),
  figures: z.array(figureInput).max(40),
});
export type ReportDocInput = z.input<typeof reportDocInput>;
export type ReportDoc = z.output<typeof reportDocInput>;

const ids = { eventId: z.uuid(), reportId: z.uuid() };
const version = z.coerce.number().int().min(1);

export const createReportInput = z.object({ eventId: z.uuid() });
export const saveReportInput = reportDocInput.extend({ ...ids, version });
export const workflowInput = z.object({ ...ids, version, comment: z.string().trim().max(2000).nullish() });
export const returnInput = workflowInput.extend({ comment: z.string().trim().min(1, "errors.sayWhatToChange").max(2000) });
export const restoreInput = z.object({ ...ids, version, revision: z.coerce.number().int().min(1) });
export const previewInput = z.object({ eventId: z.uuid(), body: z.string().max(200_000), figures: z.array(figureInput.partial()).max(40).default([]) });
export const mediaUpdateInput = z.object({
  ...ids,
  reportMediaId: z.uuid(),
  caption: optText(500),
  credit: optText(200),
  /** Section position (1-based) or null for the gallery. */
  sectionOrder: z.coerce.number().int().min(1).max(1000).nullish().transform((v) => v ?? null),
  order: z.coerce.number().int().min(0).max(10_000).default(0),
});
export const mediaRemoveInput = z.object({ ...ids, reportMediaId: z.uuid() });
export const uploadMeta = z.object({
  role: z.enum(["photo", "attachment"]),
  caption: optText(500),
  credit: optText(200),
  sectionOrder: z.coerce.number().int().min(1).max(1000).nullish().transform((v) => v ?? null),
});

/** What "ready to publish" means: a title at least (a field error otherwise). */
export const publishable = z.object({ title: z.string().trim().min(1, "errors.titleRequiredToPublish") });
