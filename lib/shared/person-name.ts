/**
 * THE rule for a person's name, wherever one is typed (issue 12 item 10): sign-up and profile, registration (the
 * newcomer's account, a guest added by hand, the CSV import), invited units' liaisons and delegates, speakers.
 * Pure and client-safe (lib/shared).
 *
 *  - cleaned: Unicode NFC; zero-width characters nobody types on purpose (U+200B, U+2060, U+FEFF, soft hyphen)
 *    dropped; tabs and line breaks become spaces; trimmed. ZWJ/ZWNJ stay (emoji sequences and some scripts need them).
 *  - refused: bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) — they reorder what is
 *    shown after them, so "Trojan Source" names could pose as someone else in lists, badges and the audit log;
 *    dropping them silently would change what the person typed, so they are refused with a message that says why;
 *  - refused: other control characters, and names with no visible character at all (only format characters,
 *    spaces or blank fillers such as U+3164 HANGUL FILLER or U+2800 BRAILLE BLANK).
 * NUL never gets here: the action and route families refuse it first (lib/http/nul.ts).
 */
import { z } from "zod";

/** Bidirectional embedding / override (U+202A–U+202E) and isolate (U+2066–U+2069) controls. */
export const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/u;
const STRIPPED = /[\u200b\u2060\ufeff\u00ad]/gu;
const LINE_SPACE = /[\t\n\v\f\r\u0085\u2028\u2029]+/gu;
/** What draws nothing: controls, format characters, separators, and characters fonts render blank. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Z}\u115f\u1160\u3164\uffa0\u2800\u180e\u034f]/gu;

/** The cleaned form of a typed name (see above); may still be refused by `nameProblem`. */
export function cleanPersonName(raw: string): string {
  return raw.normalize("NFC").replace(STRIPPED, "").replace(LINE_SPACE, " ").trim();
}

export type NameProblem = "bidi" | "control" | "invisible";

/** Why a cleaned, non-empty name is refused, or null. */
export function nameProblem(cleaned: string): NameProblem | null {
  if (BIDI_CONTROLS.test(cleaned)) return "bidi";
  if (/\p{Cc}/u.test(cleaned)) return "control";
  if (cleaned.replace(INVISIBLE, "") === "") return "invisible";
  return null;
}

export type NameMessages = {
  /** Missing or empty after cleaning. */
  required?: string;
  tooLong?: string;
  /** Made only of invisible characters, or holding control characters. */
  invisible?: string;
  /** Holding bidi controls. */
  bidi?: string;
};

/**
 * A zod schema for a required name of at most `max` characters: cleans, then refuses (see above). Messages default to
 * message keys (translated at the boundary); schemas that speak the caller's language already pass text.
 */
export function personNameSchema(max: number, m: NameMessages = {}) {
  const required = m.required ?? "errors.enterName";
  return z
    .string({ error: required })
    .transform(cleanPersonName)
    .pipe(
      z
        .string()
        .min(1, { error: required })
        .max(max, m.tooLong ? { error: m.tooLong } : undefined)
        .superRefine((v, ctx) => {
          const p = nameProblem(v);
          if (p) ctx.addIssue({ code: "custom", message: p === "bidi" ? (m.bidi ?? "errors.nameBidi") : (m.invisible ?? "errors.nameInvisible") });
        }),
    );
}

/** The same for an optional name: "", null or undefined → null. */
export function optionalPersonNameSchema(max: number, m: NameMessages = {}) {
  return z.preprocess((v) => (v === undefined || v === null || (typeof v === "string" && cleanPersonName(v) === "") ? null : v), personNameSchema(max, m).nullable());
}
