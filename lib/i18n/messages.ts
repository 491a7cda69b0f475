/**
 * UI strings, one JSON file per namespace and locale under messages/<locale>/ so features own their strings.
 * Add a namespace: create both files and add one import line per locale and one line to each locale's object below
 * (one line each, so parallel changes merge cleanly; a unit test checks that both locales have the same keys).
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
import zhDelegations from "@/messages/zh-CN/delegations.json";
import enDelegations from "@/messages/en/delegations.json";
import zhTeam from "@/messages/zh-CN/team.json";
import enTeam from "@/messages/en/team.json";
import zhMe from "@/messages/zh-CN/me.json";
import enMe from "@/messages/en/me.json";
import zhPublish from "@/messages/zh-CN/publish.json";
import enPublish from "@/messages/en/publish.json";
import zhAudit from "@/messages/zh-CN/audit.json";
import enAudit from "@/messages/en/audit.json";
import zhUi from "@/messages/zh-CN/ui.json";
import enUi from "@/messages/en/ui.json";
import zhShared from "@/messages/zh-CN/shared.json";
import enShared from "@/messages/en/shared.json";
import zhErrors from "@/messages/zh-CN/errors.json";
import enErrors from "@/messages/en/errors.json";
import zhSeating from "@/messages/zh-CN/seating.json";
import enSeating from "@/messages/en/seating.json";
import zhDelegationDocs from "@/messages/zh-CN/delegationDocs.json";
import enDelegationDocs from "@/messages/en/delegationDocs.json";

export const messagesByLocale = {
  "zh-CN": {
    common: zhCommon,
    delegations: zhDelegations,
    events: zhEvents,
    registration: zhRegistration,
    speakers: zhSpeakers,
    auth: zhAuth,
    reports: zhReports,
    admin: zhAdmin,
    console: zhConsole,
    team: zhTeam,
    me: zhMe,
    publish: zhPublish,
    audit: zhAudit,
    ui: zhUi,
    shared: zhShared,
    seating: zhSeating,
    delegationDocs: zhDelegationDocs,
    errors: zhErrors,
  },
  en: {
    common: enCommon,
    delegations: enDelegations,
    events: enEvents,
    registration: enRegistration,
    speakers: enSpeakers,
    auth: enAuth,
    reports: enReports,
    admin: enAdmin,
    console: enConsole,
    team: enTeam,
    me: enMe,
    publish: enPublish,
    audit: enAudit,
    ui: enUi,
    shared: enShared,
    seating: enSeating,
    delegationDocs: enDelegationDocs,
    errors: enErrors,
  },
} satisfies Record<Locale, Record<string, unknown>>;

export function messagesFor(locale: Locale) {
  return messagesByLocale[locale];
}
