/** Registration messages in the caller's language, usable outside React (commands, API routes, the mail worker). */
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/config";
import { messagesFor } from "@/lib/i18n/messages";

export function registrationT(locale: Locale) {
  return createTranslator({ locale, messages: messagesFor(locale), namespace: "registration" });
}

export type RegistrationT = ReturnType<typeof registrationT>;
