/**
 * Registration input (zod), with messages in the caller's language. The same schema serves the form (server action),
 * the API (POST /api/v1/events/{slug}/registrations) and editing. Organizer questions are checked against the
 * forum's own questions by `checkAnswers`, since they live in the database.
 */
import { z } from "zod";
import type { Locale } from "@/lib/i18n/config";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { registrationT } from "./i18n";
import { DELEGATE_CATEGORIES } from "@/lib/shared/enums";
import { UUID_RE } from "@/lib/shared/uuid";
import { personNameSchema } from "@/lib/shared/person-name";


export const LIMITS = { name: 100, email: 254, organization: 200, position: 200, phone: 40, needs: 1000, answer: 1000, password: 200 } as const;


/** Form checkboxes post "on"; JSON posts booleans. */
const boolish = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

function fields(locale: Locale) {
  const t = registrationT(locale);
  const text = (max: number, required: boolean) => {
    const base = z.string(required ? t("validation.required") : undefined).trim().max(max, t("validation.tooLong", { max }));
    return required ? base.min(1, t("validation.required")) : base.optional().transform((v) => (v ? v : null));
  };
  return {
    t,
    category: z.enum(DELEGATE_CATEGORIES, t("validation.category")),
    organization: text(LIMITS.organization, true),
    position: text(LIMITS.position, true),
    phone: z
      .string()
      .trim()
      .max(LIMITS.phone, t("validation.tooLong", { max: LIMITS.phone }))
      .refine((v) => v === "" || /^\+?[0-9][0-9 ()-]{4,38}$/.test(v), t("validation.phone"))
      .optional()
      .transform((v) => (v ? v : null)),
    needs: text(LIMITS.needs, false),
    siteVisit: boolish.default(false),
    groupId: z.preprocess((v) => (v === "" || v == null ? null : v), z.string().max(64).nullable()).default(null),
    /** The sessions chosen among parallel ones (one per group; lib/registrations/session-choices.ts checks the rest). */
    sessions: z
      .preprocess((v) => (v == null || v === "" ? [] : Array.isArray(v) ? v.filter((x) => x !== "") : [v]), z.array(z.string().regex(UUID_RE, t("validation.choice"))).max(20))
      .default([]),
    answers: z
      .record(z.string().max(64), z.union([z.string().max(LIMITS.answer, t("validation.tooLong", { max: LIMITS.answer })), z.array(z.string().max(LIMITS.answer)).max(50)]))
      .default({}),
  };
}

/** What a delegate tells us when registering (and may later edit). Built once per language: a schema holds no state. */
export function registrationSchema(locale: Locale) {
  let schema = schemas.get(locale);
  if (!schema) schemas.set(locale, (schema = buildRegistrationSchema(locale)));
  return schema;
}
const schemas = new Map<Locale, ReturnType<typeof buildRegistrationSchema>>();

function buildRegistrationSchema(locale: Locale) {
  const f = fields(locale);
  return z.object({
    category: f.category,
    organization: f.organization,
    position: f.position,
    phone: f.phone,
    needs: f.needs,
    siteVisit: f.siteVisit,
    groupId: f.groupId,
    sessions: f.sessions,
    answers: f.answers,
  });
}
/** `sessions` may be left out by callers that offer no choice (organizer tools, older API clients). */
export type RegistrationInput = Omit<z.infer<ReturnType<typeof registrationSchema>>, "sessions"> & { sessions?: string[] };

/** Inline sign-up on the registration form: a newcomer's account fields. */
export function newcomerSchema(locale: Locale) {
  const t = registrationT(locale);
  return z.object({
    name: personNameSchema(LIMITS.name, { required: t("validation.required"), tooLong: t("validation.tooLong", { max: LIMITS.name }) }),
    email: z
      .string(t("validation.required"))
      .trim()
      .max(LIMITS.email, t("validation.tooLong", { max: LIMITS.email }))
      .pipe(z.email(t("validation.email")))
      .transform((v) => v.normalize("NFC").toLowerCase()),
    password: z
      .string(t("validation.required"))
      .min(PASSWORD_MIN_LENGTH, t("validation.password", { min: PASSWORD_MIN_LENGTH }))
      .max(LIMITS.password, t("validation.tooLong", { max: LIMITS.password })),
  });
}
export type NewcomerInput = z.infer<ReturnType<typeof newcomerSchema>>;

export type Question = { id: string; label: string; kind: "text" | "choice" | "multi_choice"; options: string[]; required: boolean };

/**
 * Check answers against the forum's questions: unknown ids rejected, required ones present, choices among the
 * options. Returns the cleaned answers or per-field errors keyed `answers.<questionId>`.
 */
export function checkAnswers(
  questions: Question[],
  answers: Record<string, string | string[]>,
  locale: Locale,
): { ok: true; answers: Record<string, string | string[]> } | { ok: false; fieldErrors: Record<string, string[]> } {
  const t = registrationT(locale);
  const errors: Record<string, string[]> = {};
  const out: Record<string, string | string[]> = {};
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const key of Object.keys(answers)) if (!byId.has(key)) errors[`answers.${key}`] = [t("validation.unknownQuestion")];
  for (const q of questions) {
    const raw = answers[q.id];
    const values = (Array.isArray(raw) ? raw : raw == null ? [] : [raw]).map((v) => v.trim()).filter(Boolean);
    const key = `answers.${q.id}`;
    if (values.length === 0) {
      if (q.required) errors[key] = [t("validation.required")];
      continue;
    }
    if (q.kind === "text") {
      if (values.join("\n").length > LIMITS.answer) errors[key] = [t("validation.tooLong", { max: LIMITS.answer })];
      else out[q.id] = values.join("\n");
    } else if (values.some((v) => !q.options.includes(v)) || (q.kind === "choice" && values.length > 1)) {
      errors[key] = [t("validation.choice")];
    } else {
      out[q.id] = q.kind === "choice" ? values[0] : values;
    }
  }
  return Object.keys(errors).length ? { ok: false, fieldErrors: errors } : { ok: true, answers: out };
}

/** Form posts: answers arrive as `answers.<questionId>` fields; collect them into one object. */
export function answersFromForm(obj: Record<string, unknown>): Record<string, unknown> {
  const answers: Record<string, string | string[]> = {};
  const rest: Record<string, unknown> = {};
  const sessions: string[] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (k.startsWith("answers.")) {
      const id = k.slice("answers.".length).replace(/\[\]$/, "");
      answers[id] = Array.isArray(v) ? v.map(String) : String(v ?? "");
    } else if (k === "tracks") {
      // the form offered parallel sessions: an empty choice is a choice too (undecided), not "keep what it was"
    } else if (/^track\.\d+$/.test(k)) {
      // one radio group per time slot of parallel sessions ("" = not decided yet)
      if (typeof v === "string" && v) sessions.push(v);
    } else rest[k] = v;
  }
  return { ...rest, answers, ...(sessions.length || "tracks" in obj ? { sessions } : {}) };
}
