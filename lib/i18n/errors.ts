/**
 * Translating errors at the boundary (lib/actions/result.ts `toFailure`, lib/http `errorResponse`): a DomainError
 * holds message keys and parameters; this turns them into text in the request's language. Keys are full paths into
 * the messages ("errors.forumNotFound", "registration.errors.full"). zod issues without a message key of their own
 * get a generic message by issue code ("errors.validation.*").
 */
import { createTranslator } from "next-intl";
import { z } from "zod";
import type { Locale } from "./config";
import { messagesFor } from "./messages";

/** ICU parameters; a parameter may itself be a message (translated first), e.g. the detail of "Malformed bundle". */
export type MessageParams = { [name: string]: string | number | { key: string; params?: MessageParams } };
/** A message key, with parameters when it has placeholders. */
export type MessageRef = string | { key: string; params?: MessageParams };

/** What a message key looks like: namespace.key[.sub…], letters, digits, _ and -. */
export const MESSAGE_KEY = /^[a-zA-Z][\w-]*(\.[\w-]+)+$/;

type Translatable = { messageKey: string; params?: MessageParams; fieldErrors?: Record<string, MessageRef[]> };

function translator(locale: Locale) {
  // Without a namespace: keys are full paths. Missing keys are handled by `message` below, never thrown.
  return createTranslator({ locale, messages: messagesFor(locale), onError: () => {}, getMessageFallback: ({ key }) => key });
}
type T = ReturnType<typeof translator>;

function message(t: T, ref: MessageRef, fallbackParams?: MessageParams): string {
  const key = typeof ref === "string" ? ref : ref.key;
  const params = typeof ref === "string" ? fallbackParams : ref.params;
  if (!MESSAGE_KEY.test(key)) return key; // already text (e.g. a zod message given as text): shown as is
  if (!t.has(key as never)) return t("errors.generic" as never);
  const values = params && Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "object" ? message(t, v) : v]));
  return t(key as never, values as never);
}

export function translateMessage(ref: MessageRef, locale: Locale): string {
  return message(translator(locale), ref);
}

export function translateError(e: Translatable, locale: Locale): { error: string; fieldErrors?: Record<string, string[]> } {
  const t = translator(locale);
  const error = message(t, e.messageKey, e.params);
  if (!e.fieldErrors) return { error };
  const fieldErrors: Record<string, string[]> = {};
  for (const [field, refs] of Object.entries(e.fieldErrors)) fieldErrors[field] = refs.map((r) => message(t, r));
  return { error, fieldErrors };
}

const zodDefault = z.locales.en().localeError;

/** Whether a zod issue carries zod's own (English) message rather than one the schema gave. */
function isZodDefault(issue: z.core.$ZodIssue): boolean {
  if (issue.code === "invalid_type" && /^Invalid input: expected \w+, received \w+$/.test(issue.message)) return true;
  const d = zodDefault(issue as never);
  return (typeof d === "string" ? d : d?.message) === issue.message;
}

/**
 * A zod issue as a message ref: the schema's own key if it gave one (or its own text, already translated, as in the
 * registration schemas built per locale), else a generic message for zod's issue code.
 */
export function zodIssueMessage(issue: z.core.$ZodIssue): MessageRef {
  if (MESSAGE_KEY.test(issue.message) || !isZodDefault(issue)) return issue.message;
  const i = issue as z.core.$ZodIssue & { origin?: string; minimum?: number | bigint; maximum?: number | bigint; format?: string };
  switch (issue.code) {
    case "invalid_type":
      return /received undefined/.test(issue.message) ? "errors.validation.required" : "errors.validation.invalid_type";
    case "too_small":
      if (i.origin === "string" && Number(i.minimum) === 1) return "errors.validation.required";
      return { key: "errors.validation.too_small", params: { origin: i.origin ?? "other", minimum: Number(i.minimum) } };
    case "too_big":
      return { key: "errors.validation.too_big", params: { origin: i.origin ?? "other", maximum: Number(i.maximum) } };
    case "invalid_format":
      return { key: "errors.validation.invalid_format", params: { format: i.format ?? "other" } };
    default:
      return "errors.validation.invalid";
  }
}
