/** Delegation messages in the caller's language, usable outside React (commands, routes, the outbox). */
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/config";
import { messagesFor } from "@/lib/i18n/messages";

export function delegationT(locale: Locale) {
  return createTranslator({ locale, messages: messagesFor(locale), namespace: "delegations" });
}
export type DelegationT = ReturnType<typeof delegationT>;
