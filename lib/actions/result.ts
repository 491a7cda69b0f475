/**
 * ActionResult (DESIGN §3.2): what every server action and command returns to the UI. Never raw rows, passwords or
 * the message of an unexpected error.
 */
import { z } from "zod";
import { logger } from "@/lib/log";

export type FieldErrors = Record<string, string[]>;
export type ActionResult<T = undefined> = { ok: true; data?: T } | { ok: false; error: string; fieldErrors?: FieldErrors; code?: ErrorCode };

export type ErrorCode = "unauthenticated" | "forbidden" | "not_found" | "conflict" | "invalid" | "rate_limited" | "closed" | "internal";

/** An expected failure a person can act on; its message is shown to them as is. */
export class DomainError extends Error {
  override name = "DomainError";
  constructor(
    public code: ErrorCode,
    message: string,
    public fieldErrors?: FieldErrors,
    public extra?: Record<string, unknown>,
  ) {
    super(message);
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

/** Validate input with zod; on failure throw a DomainError carrying per-field messages for the form. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const raw = input instanceof FormData ? formDataToObject(input) : input;
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of r.error.issues) {
    const key = issue.path.join(".") || "_";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  throw new DomainError("invalid", "Please check the highlighted fields.", fieldErrors);
}

export function formDataToObject(fd: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(fd.keys())) {
    const all = fd.getAll(key);
    out[key] = all.length > 1 || key.endsWith("[]") ? all : all[0];
  }
  return out;
}

export function toFailure(e: unknown): { ok: false; error: string; fieldErrors?: FieldErrors; code: ErrorCode } {
  if (e instanceof DomainError) return { ok: false, error: e.message, fieldErrors: e.fieldErrors, code: e.code };
  const ref = Math.random().toString(36).slice(2, 10);
  logger.error({ ref, err: e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : String(e) }, "unexpected error in a command");
  return { ok: false, error: `Something went wrong (ref ${ref}). Please try again.`, code: "internal" };
}
