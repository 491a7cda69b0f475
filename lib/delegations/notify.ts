/**
 * Delegation notifications, written to the outbox in the same transaction as the change (DESIGN §3.4): to the
 * liaison (the reply link, the one reminder) and to each delegate (ticket, pending, cancelled). A person with a phone
 * gets a text message (channel sms, pluggable sender), with an e-mail address also an e-mail.
 */
import "server-only";
import type { Db } from "@/db/client";
import { outbox, type events } from "@/db/schema";
import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatEventWhen, formatTime, pick } from "@/lib/i18n/format";
import { appUrl } from "@/lib/http/origin";
import { delegationT } from "./i18n";

type EventRow = Pick<typeof events.$inferSelect, "id" | "title" | "titleEn" | "startsAt" | "endsAt" | "timezone" | "venueName" | "venueNameEn">;

export const replyPath = (token: string) => `/reply/${token}`;
export const replyUrl = (token: string) => `${appUrl()}${replyPath(token)}`;
/** A delegate's own ticket page (no account): its secret is the ticket code itself, which the QR carries anyway. */
export const delegateTicketPath = (ticketCode: string) => `/ticket/${ticketCode}`;

export function formatMoment(d: Date, timeZone: string, locale: Locale): string {
  return `${formatDate(d, timeZone, locale)} ${formatTime(d, timeZone, locale)}`;
}

type Recipient = { phone?: string | null; email?: string | null; registrationId?: string | null };
export type DelegationMailKind = "link" | "reminder" | "ticket" | "pending" | "cancelled";

export async function enqueueDelegationMessage(
  tx: Db,
  kind: DelegationMailKind,
  to: Recipient,
  event: EventRow,
  vars: { unit: string; name?: string; quota?: number; replyBy?: Date; token?: string; code?: string },
  locale: Locale = "zh-CN",
) {
  const t = delegationT(locale);
  const v = {
    title: pick(locale, event.title, event.titleEn),
    when: formatEventWhen(event.startsAt, event.endsAt, event.timezone, locale),
    venue: pick(locale, event.venueName, event.venueNameEn) ?? "",
    unit: vars.unit,
    name: vars.name ?? "",
    quota: vars.quota ?? 0,
    deadline: vars.replyBy ? formatMoment(vars.replyBy, event.timezone, locale) : "",
    url: vars.token ? replyUrl(vars.token) : vars.code ? `${appUrl()}${delegateTicketPath(vars.code)}` : appUrl(),
    code: vars.code ?? "",
  };
  const subject = t(`mail.${kind}.subject`, v);
  const body = t(`mail.${kind}.body`, v);
  const base = { kind: `delegation.${kind}`, eventId: event.id, registrationId: to.registrationId ?? null, subject, body };
  const rows = [];
  if (to.phone) rows.push({ ...base, channel: "sms" as const, toPhone: to.phone });
  if (to.email) rows.push({ ...base, channel: "email" as const, toEmail: to.email });
  if (rows.length) await tx.insert(outbox).values(rows);
}
