import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { StayRows } from "@/components/delegations/stay-rows";
import { RegistrationStatusBadge } from "@/components/registrations/status-badge";
import { PrintButton } from "@/components/ui/print-button";
import { currentActor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { stayOfRegistration } from "@/lib/delegations/hotels";
import type { Locale } from "@/lib/i18n/config";
import { Localized } from "@/components/ui/localized";
import { formatEventWhen } from "@/lib/i18n/format";
import { myRegistration } from "@/lib/registrations/queries";
import { ticketQrDataUrl } from "@/lib/registrations/ticket-qr";
import { hallSeatLabel } from "@/lib/seating/hall";
import { seatOfRegistration } from "@/lib/seating/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("registration.ticket"))("title"), robots: { index: false } };
}

/** The ticket: the unguessable code as a QR (SVG made on the server, shown as an image), printable, phone-sized. */
export default async function TicketPage({ params }: PageProps<"/me/registrations/[id]/ticket">) {
  const { id } = await params;
  const actor = await currentActor();
  if (!actor) redirect(`/sign-in?next=/me/registrations/${id}/ticket`);
  const db = await getDb();
  const r = await myRegistration(db, actor.id, id);
  if (!r) notFound();
  const stay = r.status === "confirmed" || r.status === "pending" ? await stayOfRegistration(db, r.id) : null;
  const [t, tr, ts, locale, seat] = await Promise.all([
    getTranslations("registration.ticket"),
    getTranslations("registration"),
    getTranslations("seating"),
    getLocale() as Promise<Locale>,
    seatOfRegistration(db, r.id),
  ]);
  const tsh = await getTranslations("shared");
  const valid = r.status === "confirmed";
  const qr = valid ? await ticketQrDataUrl(r.ticketCode) : null;

  return (
    <div className="mx-auto max-w-sm">
      <div className="no-print mb-4 flex items-center justify-between text-sm">
        <Link href={`/me/registrations/${r.id}`} className="text-brand-700 hover:underline">
          ← {tr("mine.title")}
        </Link>
        <PrintButton label={t("print")} />
      </div>
      <article className="overflow-hidden rounded-3xl bg-white shadow-lg ring-1 ring-slate-200 print:shadow-none" data-testid="ticket">
        <header className="bg-gradient-to-br from-brand-900 to-brand-700 px-6 py-5 text-white print:bg-none print:text-slate-900">
          <p className="text-xs uppercase tracking-widest text-brand-100 print:text-slate-500">{t("title")}</p>
          <h1 className="mt-1 text-lg font-bold leading-snug"><Localized locale={locale} zh={r.event.title} en={r.event.titleEn} /></h1>
          <p className="mt-1 text-sm text-brand-100 print:text-slate-700">{formatEventWhen(r.event.startsAt, r.event.endsAt, r.event.timezone, locale)}</p>
          <p className="text-sm text-brand-100 print:text-slate-700"><Localized locale={locale} zh={r.event.venueName} en={r.event.venueNameEn} /></p>
        </header>
        <div className="relative border-t-2 border-dashed border-slate-200 px-6 py-6 text-center">
          {qr ? (
            <>
              {/* eslint-disable-next-line @next/next/no-img-element -- an inline data: SVG, nothing to optimise */}
              <img
                src={qr}
                alt={t("qrAlt")}
                width={256}
                height={256}
                className="mx-auto aspect-square w-full max-w-[256px]"
                data-testid="ticket-qr"
              />
              <p className="mt-3 text-sm text-slate-600">{t("show")}</p>
            </>
          ) : (
            <p className="rounded-lg bg-amber-50 p-4 text-sm text-amber-900" data-testid="ticket-invalid">
              {t("notValid", { status: tsh(`registrationStatus.${r.status}`) })}
            </p>
          )}
          <dl className="mt-5 space-y-2 text-left text-sm">
            <div className="flex justify-between gap-4">
              <dt className="shrink-0 text-slate-500">{t("holder")}</dt>
              <dd className="text-right font-medium text-slate-900" data-testid="ticket-holder">
                {r.fullName}
              </dd>
            </div>
            {seat.hall && (
              <div className="flex justify-between gap-4" data-testid="my-seat">
                <dt className="shrink-0 text-slate-500">{ts("mySeat.title")}</dt>
                <dd className="text-right font-semibold text-slate-900">{hallSeatLabel(seat.hall.row, seat.hall.seat, locale)}</dd>
              </div>
            )}
            {seat.rostrum && (
              <div className="flex justify-between gap-4">
                <dt className="shrink-0 text-slate-500">{ts("mySeat.rostrum")}</dt>
                <dd className="text-right text-slate-900">{ts("mySeat.rostrumSeat", { row: seat.rostrum.row, seat: seat.rostrum.seat })}</dd>
              </div>
            )}
            {seat.table && (
              <div className="flex justify-between gap-4">
                <dt className="shrink-0 text-slate-500">{ts("mySeat.table")}</dt>
                <dd className="text-right text-slate-900">{ts("mySeat.tableSeat", { number: seat.table.number, seat: seat.table.seat })}</dd>
              </div>
            )}
            {r.organization && (
              <div className="flex justify-between gap-4">
                <dt className="shrink-0 text-slate-500">{tr("fields.organization")}</dt>
                <dd className="text-right text-slate-900">{r.organization}</dd>
              </div>
            )}
            {r.busName && (
              <div className="flex justify-between gap-4">
                <dt className="shrink-0 text-slate-500">{tr("fields.bus")}</dt>
                <dd className="text-right text-slate-900">{r.busName}</dd>
              </div>
            )}
            <StayRows stay={stay} />
            <div className="flex items-center justify-between gap-4">
              <dt className="shrink-0 text-slate-500">{tr("fields.category")}</dt>
              <dd className="flex flex-wrap items-center justify-end gap-2 text-right">
                {tsh(`category.${r.category}`)} <RegistrationStatusBadge status={r.status} />
              </dd>
            </div>
            {valid && (
              <div>
                <dt className="shrink-0 text-slate-500">{t("code")}</dt>
                <dd className="mt-0.5 break-all font-mono text-xs text-slate-700" data-testid="ticket-code">
                  {r.ticketCode}
                </dd>
              </div>
            )}
          </dl>
        </div>
      </article>
    </div>
  );
}
