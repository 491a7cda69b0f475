import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { RegistrationStatusBadge } from "@/components/registrations/status-badge";
import { profileOf } from "@/lib/accounts/queries";
import { pageActor } from "@/lib/auth/page-guard";
import { getDb } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";
import { Localized } from "@/components/ui/localized";
import { cn } from "@/lib/cn";
import { formatEventWhen, formatTimeRange } from "@/lib/i18n/format";
import { personalAgenda, upcomingForum } from "@/lib/registrations/personal-agenda";
import { myRegistrations, nextRegistration } from "@/lib/registrations/queries";
import { ticketQrDataUrl } from "@/lib/registrations/ticket-qr";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("me.hub"))("title"), robots: { index: false } };
}

const AGENDA_PREVIEW = 5;

/** A card of the hub, named by its heading; `flush` cards draw their own padding under a ruled heading. */
function HubCard({ id, testId, title, flush, children }: { id: string; testId: string; title: React.ReactNode; flush?: boolean; children: React.ReactNode }) {
  return (
    <section className={cn("rounded-2xl border border-slate-200 bg-white shadow-sm", flush ? "overflow-hidden" : "p-5")} aria-labelledby={id} data-testid={testId}>
      <h2 id={id} className={cn("text-sm font-semibold uppercase tracking-wide text-slate-500", flush && "border-b border-slate-100 px-5 py-3")}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** 个人中心: opens with the next ticket (QR visible) and the personal agenda; shortcuts to everything else. */
export default async function MeHub() {
  const actor = await pageActor("profile.edit", {}, "/me");
  const db = await getDb();
  const [profile, regs, forums, t, tr, tm, ts, f, locale] = await Promise.all([
    profileOf(db, actor.id),
    myRegistrations(db, actor.id),
    personalAgenda(db, actor.id),
    getTranslations("me.hub"),
    getTranslations("registration"),
    getTranslations("me.menu"),
    getTranslations("shared"),
    getFormatter(),
    getLocale() as Promise<Locale>,
  ]);
  if (!profile) return null;
  const next = nextRegistration(regs);
  const qr = next && next.status === "confirmed" ? await ticketQrDataUrl(next.ticketCode) : null;
  const agendaForum = upcomingForum(forums);
  const mine = agendaForum ? agendaForum.sessions.filter((s) => s.selected || s.auto) : [];

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="flex items-center gap-4">
        <span aria-hidden className="flex h-14 w-14 shrink-0 items-center justify-center rounded-full bg-brand-100 text-2xl font-bold text-brand-700">
          {[...profile.name][0]?.toUpperCase()}
        </span>
        <div className="min-w-0">
          <h1 className="truncate text-2xl font-bold text-slate-900" data-testid="me-name">
            {profile.name}
          </h1>
          <p className="truncate text-sm text-slate-600">
            <span data-testid="me-email">{profile.email}</span>
            <span className="text-slate-500"> · {f.dateTime(profile.createdAt, { year: "numeric", month: "long", day: "numeric" })}</span>
          </p>
        </div>
      </header>

      <HubCard id="next-ticket" testId="hub-ticket" title={t("nextTicket")} flush>
        {next ? (
          <div className="flex flex-col gap-5 p-5 sm:flex-row sm:items-center">
            {qr ? (
              // eslint-disable-next-line @next/next/no-img-element -- an inline data: SVG, nothing to optimise
              <img src={qr} alt={tr("ticket.qrAlt")} width={176} height={176} className="mx-auto aspect-square w-44 shrink-0 sm:mx-0" data-testid="hub-ticket-qr" />
            ) : null}
            <div className="min-w-0 flex-1 space-y-2">
              <p className="text-lg font-semibold leading-snug text-slate-900"><Localized locale={locale} zh={next.event.title} en={next.event.titleEn} /></p>
              <p className="text-sm text-slate-600">{formatEventWhen(next.event.startsAt, next.event.endsAt, next.event.timezone, locale)}</p>
              {next.event.venueName ? <p className="text-sm text-slate-600"><Localized locale={locale} zh={next.event.venueName} en={next.event.venueNameEn} /></p> : null}
              <RegistrationStatusBadge status={next.status} />
              <p className="text-sm text-slate-500">{qr ? t("showAtDesk") : t("notValid", { status: ts(`registrationStatus.${next.status}`) })}</p>
              <div className="flex flex-wrap gap-2 pt-1">
                <Link href={`/me/registrations/${next.id}/ticket`} className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-600" data-testid="hub-open-ticket">
                  {t("openTicket")}
                </Link>
                <Link href="/me/registrations" className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50">
                  {t("allRegistrations")}
                </Link>
              </div>
            </div>
          </div>
        ) : (
          <div className="space-y-3 p-5 text-sm text-slate-600">
            <p>{t("noTicket")}</p>
            <Link href="/" className="inline-flex rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-600">
              {t("browse")}
            </Link>
          </div>
        )}
      </HubCard>

      <HubCard id="hub-agenda" testId="hub-agenda" title={t("agenda")}>
        {agendaForum ? <p className="mt-2 font-medium text-slate-900"><Localized locale={locale} zh={agendaForum.event.title} en={agendaForum.event.titleEn} /></p> : null}
        {mine.length ? (
          <ol className="mt-3 space-y-2">
            {mine.slice(0, AGENDA_PREVIEW).map((s) => (
              <li key={s.id} className="flex gap-3 text-sm">
                <span className="w-28 shrink-0 tabular-nums text-slate-500">{formatTimeRange(s.startsAt, s.endsAt, agendaForum!.event.timezone, locale)}</span>
                <span className="min-w-0 text-slate-800"><Localized locale={locale} zh={s.title} en={s.titleEn} /></span>
              </li>
            ))}
            {mine.length > AGENDA_PREVIEW ? <li className="text-sm text-slate-500">{t("more", { count: mine.length - AGENDA_PREVIEW })}</li> : null}
          </ol>
        ) : (
          <p className="mt-2 text-sm text-slate-600">{t("agendaEmpty")}</p>
        )}
        <Link href="/me/agenda" className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline">
          {t("agendaOpen")} →
        </Link>
      </HubCard>

      <nav aria-labelledby="hub-shortcuts" className="grid gap-3 sm:grid-cols-2">
        <h2 id="hub-shortcuts" className="sr-only">
          {t("shortcuts")}
        </h2>
        {[
          { href: "/me/registrations", label: tm("registrations"), hint: t("allRegistrations") },
          { href: "/me/agenda", label: tm("agenda"), hint: t("agendaOpen") },
          { href: "/me/profile", label: tm("profile"), hint: t("profileHint") },
          { href: "/me/developer", label: tm("developer"), hint: t("developerHint") },
        ].map((l) => (
          <Link key={l.href} href={l.href} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-300 hover:bg-brand-50/40">
            <span className="block font-medium text-slate-900">{l.label}</span>
            <span className="mt-0.5 block text-sm text-slate-500">{l.hint}</span>
          </Link>
        ))}
      </nav>
    </div>
  );
}
