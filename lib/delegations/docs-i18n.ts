/**
 * Translators of the delegation documents: the feature's own strings (messages/<locale>/delegationDocs.json) and the
 * app's shared vocabularies (gender, rank, accommodation, host role from messages/<locale>/shared.json), behind one
 * function so the pure list and notice builders need not know which namespace a label lives in.
 */
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/config";
import { messagesFor } from "@/lib/i18n/messages";

/** A translator narrowed to what the builders use. */
export type DocsT = (key: string, values?: Record<string, string | number>) => string;

const SHARED = /^(gender|rank|accommodation|hostRole)\./;

function make(locale: Locale, prefix: string): DocsT {
  const own = createTranslator({ locale, messages: messagesFor(locale), namespace: "delegationDocs" });
  const shared = createTranslator({ locale, messages: messagesFor(locale), namespace: "shared" });
  return (key, values) => (SHARED.test(key) ? shared(key as never) : own(`${prefix}${key}` as never, values as never));
}

/** Keys of delegationDocs (and the shared vocabularies). */
export const docsT = (locale: Locale) => make(locale, "");
/** Keys of delegationDocs.notice.gen (and the shared vocabularies): what generateNotice asks for. */
export const noticeGenT = (locale: Locale) => make(locale, "notice.gen.");
