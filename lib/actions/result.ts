/**
 * ActionResult (DESIGN §3.2): what every server action and command returns to the UI. Never raw rows, passwords or
 * the message of an unexpected error.
 *
 * Errors carry a code, a message KEY and parameters, never finished text: `new DomainError("not_found",
 * "errors.forumNotFound")`, or a key of the feature's own namespace ("registration.errors.full", params { left }).
 * They are translated once, at the boundary, in the request's language (`toFailure` for actions, `errorResponse`
 * in lib/http for route handlers) by lib/i18n/errors.ts. tests/unit/error-messages.test.ts fails for a key without
 * a zh-CN translation.
 */
import { z } from "zod";
import { logger } from "@/lib/log";
import { requestLocale } from "@/lib/i18n/request";
import { defaultLocale, type Locale } from "@/lib/i18n/config";
import { translateError, zodIssueMessage, type MessageParams, type MessageRef } from "@/lib/i18n/errors";

export type { MessageParams, MessageRef } from "@/lib/i18n/errors";
/** Per-field messages as the UI receives them: translated text. */
export type FieldErrors = Record<string, string[]>;
/** Per-field messages as a DomainError carries them: message keys (with parameters). */
export type FieldErrorRefs = Record<string, MessageRef[]>;
export type Failure = { ok: false; error: string; code?: ErrorCode; fieldErrors?: FieldErrors; params?: Record<string, unknown> };
export type ActionResult<T = undefined> = { ok: true; data?: T } | Failure;

export type ErrorCode = "unauthenticated" | "forbidden" | "not_found" | "conflict" | "invalid" | "rate_limited" | "closed" | "internal";

export type DomainErrorOptions = {
  /** ICU parameters of the message (also sent to the client as `params`, so it can act on them: keep them public). */
  params?: MessageParams;
  /** Per-field message keys, translated like the message. */
  fieldErrors?: FieldErrorRefs;
  /** Server-side data for the caller (e.g. retryAfter, a conflict's details); not sent automatically. */
  extra?: Record<string, unknown>;
};

/** An expected failure a person can act on. `messageKey` names its text in messages/<locale>/ (see the top). */
export class DomainError extends Error {
  override name = "DomainError";
  public params?: MessageParams;
  public fieldErrors?: FieldErrorRefs;
  public extra?: Record<string, unknown>;
  constructor(
    public code: ErrorCode,
    public messageKey: string,
    opts: DomainErrorOptions = {},
    /** @deprecated the old (code, text, fieldErrors, extra) form, kept so code written before keys still works */
    legacyExtra?: Record<string, unknown>,
  ) {
    super(messageKey);
    const isOptions = Object.keys(opts).every((k) => k === "params" || k === "fieldErrors" || k === "extra");
    if (isOptions) {
      this.params = opts.params;
      this.fieldErrors = opts.fieldErrors;
      this.extra = opts.extra;
    } else {
      this.fieldErrors = opts as unknown as FieldErrorRefs;
      this.extra = legacyExtra;
    }
  }
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 422,
  rate_limited: 429,
  closed: 403,
  internal: 500,
};

/** zod issues → per-field message keys (a schema's own message is a key; zod's defaults map by issue code). */
export function issueRefs(issues: readonly z.core.$ZodIssue[]): FieldErrorRefs {
  const fieldErrors: FieldErrorRefs = {};
  for (const issue of issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(zodIssueMessage(issue));
  return fieldErrors;
}

/** Validate input with zod; on failure throw a DomainError carrying per-field messages for the form. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const raw = input instanceof FormData ? formDataToObject(input) : input;
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  throw new DomainError("invalid", "errors.checkFields", { fieldErrors: issueRefs(r.error.issues) });
}

export function formDataToObject(fd: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(fd.keys())) {
    const all = fd.getAll(key);
    out[key] = all.length > 1 || key.endsWith("[]") ? all : all[0];
  }
  return out;
}

/** The request's language, or the default outside a request (CLI, background work). */
export async function failureLocale(): Promise<Locale> {
  try {
    return await requestLocale();
  } catch {
    return defaultLocale;
  }
}

/** The ActionResult of a failure, translated into the request's language (or `locale`). */
export async function toFailure(e: unknown, locale?: Locale): Promise<Failure & { code: ErrorCode }> {
  const lang = locale ?? (await failureLocale());
  if (e instanceof DomainError) {
    const { error, fieldErrors } = translateError(e, lang);
    return { ok: false, error, code: e.code, ...(fieldErrors ? { fieldErrors } : {}), ...(e.params ? { params: e.params } : {}) };
  }
  const ref = Math.random().toString(36).slice(2, 10);
  logger.error({ ref, err: e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : String(e) }, "unexpected error in a command");
  return { ok: false, error: translateError(new DomainError("internal", "errors.internal", { params: { ref } }), lang).error, code: "internal" };
}
