/**
 * Registration notifications are written to the outbox in the SAME transaction as the change they announce
 * (DESIGN §3.4), in the recipient's language; the worker (lib/notifications/worker.ts) delivers them later.
 */
import "server-only";
import type { Db } from "@/db/client";
import { outbox, type events } from "@/db/schema";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { formatEventWhen, pick } from "@/lib/i18n/format";
import { registrationT } from "./i18n";
import { appUrl } from "@/lib/http/origin";

export const MAIL_KINDS = ["confirmed", "waitlisted", "promoted", "pending", "approved", "rejected", "cancelled", "reminder"] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

type EventRow = Pick<typeof events.$inferSelect, "id" | "slug" | "title" | "titleEn" | "startsAt" | "endsAt" | "timezone" | "venueName" | "venueNameEn">;


export const ticketPath = (registrationId: string) => `/me/registrations/${registrationId}/ticket`;

export function composeMail(kind: MailKind, locale: Locale, v: { name: string; event: EventRow; registrationId: string; position?: number | null }) {
  const t = registrationT(locale);
  const vars = {
    title: pick(locale, v.event.title, v.event.titleEn),
    when: formatEventWhen(v.event.startsAt, v.event.endsAt, v.event.timezone, locale),
    venue: pick(locale, v.event.venueName, v.event.venueNameEn) ?? "",
    url: `${appUrl()}${ticketPath(v.registrationId)}`,
    position: v.position ?? 0,
  };
  const subject = t(`mail.${kind}.subject`, vars);
  const body = [t("mail.greeting", { name: v.name }), "", t(`mail.${kind}.body`, vars), "", t("mail.footer")].join("\n");
  return { subject, body };
}

type MailRecipient = { id: string; userId: string | null; email: string | null; fullName: string; locale?: string | null; waitlistPosition?: number | null };

export async function enqueueRegistrationMail(tx: Db, kind: MailKind, r: MailRecipient, event: EventRow) {
  await enqueueRegistrationMails(tx, event, [{ kind, r }]);
}

/** Several registrations' notifications of one forum in ONE insert (the group commit of lib/registrations/commands.ts). */
export async function enqueueRegistrationMails(tx: Db, event: EventRow, mails: { kind: MailKind; r: MailRecipient }[]) {
  const rows = mails.flatMap(({ kind, r }) => {
    if (!r.email) return []; // a guest added without an email address: nothing to send to
    const locale: Locale = isLocale(r.locale) ? r.locale : "zh-CN";
    const { subject, body } = composeMail(kind, locale, { name: r.fullName, event, registrationId: r.id, position: r.waitlistPosition });
    return [{ kind: `registration.${kind}`, toEmail: r.email, userId: r.userId, eventId: event.id, registrationId: r.id, subject, body }];
  });
  if (rows.length) await tx.insert(outbox).values(rows);
}
