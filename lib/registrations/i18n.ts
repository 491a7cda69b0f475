/** Registration messages in the caller's language, usable outside React (commands, API routes, the mail worker). */
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/config";
import { messagesFor } from "@/lib/i18n/messages";

/** One translator per language (building one costs more than a registration's statements; they hold no state). */
const translators = new Map<Locale, ReturnType<typeof make>>();
const make = (locale: Locale) => createTranslator({ locale, messages: messagesFor(locale), namespace: "registration" });

export function registrationT(locale: Locale) {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = make(locale)));
  return t;
}

export type RegistrationT = ReturnType<typeof registrationT>;
