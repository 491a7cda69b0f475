/**
 * Delegation input (zod), messages in the caller's language. One schema per contract: the organizer's unit
 * (POST /api/v1/events/{slug}/delegations, the console form, bulk rows), its patch, and the liaison's reply slip
 * (PUT /api/v1/replies/{token}/delegates, the reply page).
 */
import { z } from "zod";
import type { Locale } from "@/lib/i18n/config";
import { translateMessage } from "@/lib/i18n/errors";
import { personNameSchema } from "@/lib/shared/person-name";
import { TRAVEL_MODES } from "@/lib/shared/enums";
import { RANKS } from "@/lib/shared/rank";
import { delegationT } from "./i18n";

export const LIMITS = { name: 60, organization: 200, position: 200, email: 254, text: 200, note: 1000, quota: 10_000 } as const;
export const MAX_DELEGATES = 500;

/** Mainland mobile (11 digits starting with 1) or E.164; spaces, dashes and brackets are dropped first. */
export function normalizePhone(raw: string): string | null {
  const v = raw.replace(/[\s()-]/g, "");
  if (/^1\d{10}$/.test(v)) return v;
  if (/^\+861\d{10}$/.test(v)) return v.slice(3);
  if (/^\+[1-9]\d{6,14}$/.test(v)) return v;
  return null;
}

/** Form checkboxes post "on"; JSON posts booleans. */
const boolish = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());
const blankToUndef = (v: unknown) => (v === "" || v === null ? undefined : v);

export function fieldsFor(locale: Locale) {
  const t = delegationT(locale);
  const text = (max: number) => z.string().trim().max(max, t("validation.tooLong", { max }));
  const required = (max: number) => text(max).min(1, t("validation.required"));
  const optional = (max: number) => z.preprocess(blankToUndef, text(max).optional()).transform((v) => v || null);
  /** A person's name (liaison, delegate): the shared rule, lib/shared/person-name.ts. */
  const name = personNameSchema(LIMITS.name, {
    required: t("validation.required"),
    tooLong: t("validation.tooLong", { max: LIMITS.name }),
    invisible: translateMessage("errors.nameInvisible", locale),
    bidi: translateMessage("errors.nameBidi", locale),
  });
  const phone = z
    .string(t("validation.required"))
    .trim()
    .min(1, t("validation.required"))
    .transform((v, ctx) => {
      const n = normalizePhone(v);
      if (!n) ctx.addIssue({ code: "custom", message: t("validation.phone") });
      return n ?? v;
    });
  const email = z.preprocess(
    blankToUndef,
    z
      .string()
      .trim()
      .max(LIMITS.email, t("validation.tooLong", { max: LIMITS.email }))
      .pipe(z.email(t("validation.email")))
      .transform((v) => v.normalize("NFC").toLowerCase())
      .optional(),
  ).transform((v) => v ?? null);
  return { t, text, required, optional, name, phone, email };
}

export function delegationCreateSchema(locale: Locale) {
  const f = fieldsFor(locale);
  return z.object({
    organization: f.required(LIMITS.organization),
    quota: z.coerce.number(f.t("validation.quota")).int(f.t("validation.quota")).min(1, f.t("validation.quota")).max(LIMITS.quota, f.t("validation.quota")),
    liaison: z.object({ name: f.name, phone: f.phone, email: f.email }),
    replyBy: z.preprocess(blankToUndef, z.coerce.date(f.t("validation.date")).optional()),
    note: f.optional(LIMITS.note),
  });
}
export type DelegationCreateInput = z.infer<ReturnType<typeof delegationCreateSchema>>;

export function delegationPatchSchema(locale: Locale) {
  const f = fieldsFor(locale);
  return z.object({
    quota: z.coerce.number(f.t("validation.quota")).int(f.t("validation.quota")).min(1, f.t("validation.quota")).max(LIMITS.quota, f.t("validation.quota")).optional(),
    replyBy: z.preprocess(blankToUndef, z.coerce.date(f.t("validation.date")).optional()),
    status: z.enum(["invited", "replied", "closed"]).optional(),
    liaison: z.object({ name: f.name, phone: f.phone, email: f.email }).optional(),
    note: z.preprocess((v) => (v === undefined ? undefined : v), f.optional(LIMITS.note).optional()),
  });
}
export type DelegationPatchInput = z.infer<ReturnType<typeof delegationPatchSchema>>;

function legSchema(locale: Locale) {
  const f = fieldsFor(locale);
  return z.preprocess(
    (v) => (v && typeof v === "object" && !(v as { at?: unknown }).at ? undefined : v),
    z
      .object({
        /** ISO time with offset, or a local "YYYY-MM-DDTHH:mm" read in the forum's zone. */
        at: z.string().trim().min(1, f.t("validation.date")).max(40),
        by: z.enum(TRAVEL_MODES).default("other"),
        number: f.optional(20),
        station: f.optional(100),
      })
      .optional(),
  );
}

export function delegateSchema(locale: Locale) {
  const f = fieldsFor(locale);
  return z.object({
    name: f.name,
    gender: z.preprocess(blankToUndef, z.enum(["male", "female"]).optional()).transform((v) => v ?? null),
    position: f.required(LIMITS.position),
    rank: z.preprocess(blankToUndef, z.enum(RANKS).optional()).transform((v) => v ?? "other"),
    orderInUnit: z.preprocess(blankToUndef, z.coerce.number().int().min(1).max(999).optional()).transform((v) => v ?? null),
    phone: f.phone,
    email: f.email,
    siteVisit: boolish.default(false),
    diet: f.optional(LIMITS.text),
    ethnicity: f.optional(LIMITS.text),
    arrival: legSchema(locale),
    departure: legSchema(locale),
    accommodation: z.preprocess(blankToUndef, z.enum(["none", "single", "shared"]).optional()).transform((v) => v ?? "none"),
    note: f.optional(LIMITS.note),
    /** Substitution (换人): the id of the current delegate this person replaces. */
    replaces: z.preprocess(blankToUndef, z.uuid().optional()),
  });
}
export type DelegateInput = z.infer<ReturnType<typeof delegateSchema>>;

export function replySchema(locale: Locale) {
  return z.object({ delegates: z.array(delegateSchema(locale)).max(MAX_DELEGATES) });
}
export type ReplyInput = z.infer<ReturnType<typeof replySchema>>;

/** Same person = same name (spaces ignored) and same phone: a kept delegate keeps their ticket. */
export const personKey = (name: string, phone: string) => `${name.replace(/\s+/g, "")}|${phone}`;
