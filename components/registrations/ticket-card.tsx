/**
 * The ticket (电子票) as one card, phone-sized and printable: the forum, the QR of the unguessable ticket code (an SVG
 * made on the server, shown as an image) while the registration is confirmed, the holder, their seat, unit, bus and
 * hotel room. The signed-in attendee's page (/me/registrations/[id]/ticket) and a delegate's page by code
 * (/ticket/[code]) both render it; each page decides who may see which registration.
 */
import { getLocale, getTranslations } from "next-intl/server";
import { StayRows, type Stay } from "@/components/delegations/stay-rows";
import { RegistrationStatusBadge } from "@/components/registrations/status-badge";
import type { Locale } from "@/lib/i18n/config";
import type { DelegateCategory, RegistrationStatus } from "@/lib/shared/enums";
import { formatEventWhen, pick } from "@/lib/i18n/format";
import { ticketQrDataUrl } from "@/lib/registrations/ticket-qr";
import { hallSeatLabel } from "@/lib/seating/hall";

export type TicketCardProps = {
  event: { title: string; titleEn: string | null; startsAt: Date; endsAt: Date; timezone: string; venueName: string | null; venueNameEn: string | null };
  /** The holder. */
  fullName: string;
  organization: string | null;
  position?: string | null;
  busName: string | null;
  category: string;
  status: string;
  ticketCode: string;
  seat: {
    hall: { row: number; seat: number } | null;
    rostrum: { row: number; seat: number } | null;
    table: { number: number; seat: number } | null;
  };
  stay: Stay | null;
  /** Shown instead of the QR when the ticket does not admit (default: "not valid (status)"). */
  invalidReason?: string;
};

/** One detail of the ticket; `testId` names the value (dd), `rowTestId` the whole row. */
function Row({ label, children, testId, rowTestId }: { label: string; children: React.ReactNode; testId?: string; rowTestId?: string }) {
  return (
    <div className="flex justify-between gap-4" data-testid={rowTestId}>
      <dt className="shrink-0 text-slate-500">{label}</dt>
      <dd className="min-w-0 break-words text-right text-slate-900" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

export async function TicketCard(p: TicketCardProps) {
  const [t, tr, ts, tsh, locale] = await Promise.all([
    getTranslations("registration.ticket"),
    getTranslations("registration"),
    getTranslations("seating"),
    getTranslations("shared"),
    getLocale() as Promise<Locale>,
  ]);
  const valid = p.status === "confirmed";
  const qr = valid ? await ticketQrDataUrl(p.ticketCode) : null;
  const { hall, rostrum, table } = p.seat;
  return (
    <article className="overflow-hidden rounded-3xl bg-white shadow-lg ring-1 ring-slate-200 print:shadow-none" data-testid="ticket">
      <header className="bg-gradient-to-br from-brand-900 to-brand-700 px-6 py-5 text-white print:bg-none print:text-slate-900">
        <p className="text-xs uppercase tracking-widest text-brand-100 print:text-slate-500">{t("title")}</p>
        <h1 className="mt-1 text-lg font-bold leading-snug">{pick(locale, p.event.title, p.event.titleEn)}</h1>
        <p className="mt-1 text-sm text-brand-100 print:text-slate-700">{formatEventWhen(p.event.startsAt, p.event.endsAt, p.event.timezone, locale)}</p>
        <p className="text-sm text-brand-100 print:text-slate-700">{pick(locale, p.event.venueName, p.event.venueNameEn)}</p>
      </header>
      <div className="relative border-t-2 border-dashed border-slate-200 px-6 py-6 text-center">
        {qr ? (
          <>
            {/* eslint-disable-next-line @next/next/no-img-element -- an inline data: SVG, nothing to optimise */}
            <img src={qr} alt={t("qrAlt")} width={256} height={256} className="mx-auto aspect-square w-full max-w-[256px]" data-testid="ticket-qr" />
            <p className="mt-3 text-sm text-slate-600">{t("show")}</p>
          </>
        ) : (
          <p className="rounded-lg bg-amber-50 p-4 text-sm text-amber-900" data-testid="ticket-invalid">
            {p.invalidReason ?? t("notValid", { status: tsh(`registrationStatus.${p.status as RegistrationStatus}`) })}
          </p>
        )}
        <dl className="mt-5 space-y-2 text-left text-sm">
          <Row label={t("holder")} testId="ticket-holder">
            <span className="font-medium">{p.fullName}</span>
          </Row>
          {hall && (
            <Row label={ts("mySeat.title")} rowTestId="my-seat">
              <span className="font-semibold">{hallSeatLabel(hall.row, hall.seat, locale)}</span>
            </Row>
          )}
          {rostrum && <Row label={ts("mySeat.rostrum")}>{ts("mySeat.rostrumSeat", { row: rostrum.row, seat: rostrum.seat })}</Row>}
          {table && <Row label={ts("mySeat.table")}>{ts("mySeat.tableSeat", { number: table.number, seat: table.seat })}</Row>}
          {p.organization && (
            <Row label={tr("fields.organization")} testId="ticket-organization">
              {p.organization}
            </Row>
          )}
          {p.position && <Row label={tr("fields.position")}>{p.position}</Row>}
          {p.busName && <Row label={tr("fields.bus")}>{p.busName}</Row>}
          <StayRows stay={p.stay} />
          <div className="flex items-center justify-between gap-4">
            <dt className="shrink-0 text-slate-500">{tr("fields.category")}</dt>
            <dd className="flex flex-wrap items-center justify-end gap-2 text-right">
              {tsh(`category.${p.category as DelegateCategory}`)} <RegistrationStatusBadge status={p.status} />
            </dd>
          </div>
          {valid && (
            <div>
              <dt className="shrink-0 text-slate-500">{t("code")}</dt>
              <dd className="mt-0.5 break-all font-mono text-xs text-slate-700" data-testid="ticket-code">
                {p.ticketCode}
              </dd>
            </div>
          )}
        </dl>
      </div>
    </article>
  );
}
