/** Server-side translator for the `shared` namespace (labels of lib/shared vocabularies) outside React. */
import { createTranslator } from "next-intl";
import type { Locale } from "./config";
import { messagesFor } from "./messages";

export function sharedT(locale: Locale) {
  return createTranslator({ locale, messages: messagesFor(locale), namespace: "shared" });
}
export type SharedT = ReturnType<typeof sharedT>;
