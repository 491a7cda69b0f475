/**
 * Emails are compared and stored in one canonical form: Unicode NFC, trimmed, lower-cased (the users table has a
 * lower-case check). Pure: safe for the CLI, tests and client components.
 */
import { z } from "zod";

export function normalizeEmail(raw: string): string {
  return raw.normalize("NFC").trim().toLowerCase();
}

/** Invisible or control characters have no place in an address a person types; reject rather than guess. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/u;

/** A zod schema: normalises, then checks the shape (Unicode local parts and IDN domains are allowed). */
export const emailSchema = z
  .string({ error: "errors.enterEmail" })
  .max(254, { error: "errors.emailTooLong" })
  .transform(normalizeEmail)
  .pipe(
    z
      .string()
      .min(1, { error: "errors.enterEmail" })
      .refine((v) => !INVISIBLE.test(v), { error: "errors.emailInvisible" })
      .pipe(z.email({ pattern: z.regexes.unicodeEmail, error: "errors.validEmail" }))
      .refine((v) => /@[^@.]+(\.[^@.]+)+$/u.test(v), { error: "errors.validEmail" }),
  );
