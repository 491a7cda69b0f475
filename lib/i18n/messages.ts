/**
 * UI strings, one JSON file per namespace and locale under messages/<locale>/ so features own their strings.
 * Add a namespace: create both files and list it here (a unit test checks that both locales have the same keys).
 */
import type { Locale } from "./config";
import zhCommon from "@/messages/zh-CN/common.json";
import enCommon from "@/messages/en/common.json";
import zhEvents from "@/messages/zh-CN/events.json";
import enEvents from "@/messages/en/events.json";
import zhRegistration from "@/messages/zh-CN/registration.json";
import enRegistration from "@/messages/en/registration.json";
import zhSpeakers from "@/messages/zh-CN/speakers.json";
import enSpeakers from "@/messages/en/speakers.json";
import zhAuth from "@/messages/zh-CN/auth.json";
import enAuth from "@/messages/en/auth.json";
import zhReports from "@/messages/zh-CN/reports.json";
import enReports from "@/messages/en/reports.json";
import zhAdmin from "@/messages/zh-CN/admin.json";
import enAdmin from "@/messages/en/admin.json";
import zhConsole from "@/messages/zh-CN/console.json";
import enConsole from "@/messages/en/console.json";
import zhUi from "@/messages/zh-CN/ui.json";
import enUi from "@/messages/en/ui.json";
import zhShared from "@/messages/zh-CN/shared.json";
import enShared from "@/messages/en/shared.json";
import zhSeating from "@/messages/zh-CN/seating.json";
import enSeating from "@/messages/en/seating.json";

export const messagesByLocale = {
  "zh-CN": { common: zhCommon, events: zhEvents, registration: zhRegistration, speakers: zhSpeakers, auth: zhAuth, reports: zhReports, console: zhConsole, admin: zhAdmin, shared: zhShared, ui: zhUi, seating: zhSeating },
  en: { common: enCommon, events: enEvents, registration: enRegistration, speakers: enSpeakers, auth: enAuth, reports: enReports, console: enConsole, admin: enAdmin, shared: enShared, ui: enUi, seating: enSeating },
} satisfies Record<Locale, Record<string, unknown>>;

export function messagesFor(locale: Locale) {
  return messagesByLocale[locale];
}
