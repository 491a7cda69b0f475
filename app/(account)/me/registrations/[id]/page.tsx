import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { CancelButton } from "@/components/registrations/cancel-button";
import { RegisterForm } from "@/components/registrations/register-form";
import { RegistrationStatusBadge } from "@/components/registrations/status-badge";
import { currentActor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";
import { Localized, LocalizedJoin } from "@/components/ui/localized";
import { formatDate, formatEventWhen, formatTime } from "@/lib/i18n/format";
import { myRegistration, registrationFormData } from "@/lib/registrations/queries";
import { choicesOf, formTracks } from "@/lib/registrations/session-choices";
import { cancelRegistrationAction, updateMyRegistrationAction } from "@/lib/registrations/actions";
import { ACTIVE_REGISTRATION_STATUSES, isOneOf } from "@/lib/shared/enums";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("registration.mine"))("title"), robots: { index: false } };
}

export default async function MyRegistrationPage({ params, searchParams }: PageProps<"/me/registrations/[id]">) {
  const { id } = await params;
  const isNew = (await searchParams).new === "1";
  const actor = await currentActor();
  if (!actor) redirect(`/sign-in?next=/me/registrations/${id}`);
  const db = await getDb();
  const r = await myRegistration(db, actor.id, id);
  if (!r) notFound(); // someone else's registration looks exactly like an unknown one
  const [form, t, locale] = await Promise.all([registrationFormData(db, r.event.slug), getTranslations("registration"), getLocale() as Promise<Locale>]);
  const tz = r.event.timezone;
  const chosen = await choicesOf(db, r.id);
  const active = isOneOf(ACTIVE_REGISTRATION_STATUSES, r.status);
  const defaults: Record<string, string | string[]> = {
    category: r.category,
    organization: r.organization ?? "",
    position: r.position ?? "",
    phone: r.phone ?? "",
    needs: r.needs ?? "",
    siteVisit: r.siteVisit ? "on" : "",
    groupId: r.busId ?? "",
    // the parallel sessions chosen, as the form's radio groups (track.<group>)
    ...Object.fromEntries((form?.trackGroups ?? []).flatMap((g, i) => g.filter((s) => chosen.includes(s.id)).map((s) => [`track.${i}`, s.id]))),
    ...Object.fromEntries(Object.entries(r.answers).map(([k, v]) => [`answers.${k}`, v])),
  };

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      {isNew && (
        <div className="rounded-2xl bg-emerald-50 p-5 ring-1 ring-emerald-200" role="status" data-testid="registration-done">
          <h1 className="text-lg font-bold text-emerald-900">{t("done.title")}</h1>
          <p className="mt-1 text-emerald-900">
            {r.status === "waitlisted" ? t("done.waitlisted", { position: r.waitlistPosition ?? 0 }) : r.status === "pending" ? t("done.pending") : t("done.confirmed")}
          </p>
        </div>
      )}
      <section className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
        <div className="flex items-start justify-between gap-3">
          <h2 className="text-lg font-semibold leading-snug text-slate-900">
            <Link href={`/events/${r.event.slug}`} className="hover:text-brand-700">
              <Localized locale={locale} zh={r.event.title} en={r.event.titleEn} />
            </Link>
          </h2>
          <RegistrationStatusBadge status={r.status} />
        </div>
        <p className="mt-1 text-sm text-slate-600">{formatEventWhen(r.event.startsAt, r.event.endsAt, tz, locale)}</p>
        <p className="text-sm text-slate-600"><LocalizedJoin locale={locale} parts={[{ zh: r.event.venueName, en: r.event.venueNameEn }, { zh: r.event.venueAddress, en: r.event.venueAddressEn }]} /></p>
        {r.waitlistPosition && (
          <p className="mt-2 font-medium text-violet-800" data-testid="waitlist-position">
            {t("mine.position", { position: r.waitlistPosition })}
          </p>
        )}
        <ul className="mt-3 space-y-1 text-sm text-slate-700">
          <li>{t("mine.registeredAt", { when: `${formatDate(r.createdAt, tz, locale)} ${formatTime(r.createdAt, tz, locale)}` })}</li>
          {r.siteVisit && <li>{t("mine.siteVisit")}</li>}
          {r.busName && <li>{t("mine.bus", { name: r.busName })}</li>}
        </ul>
        <div className="mt-4 flex flex-wrap gap-3">
          {r.status === "confirmed" && (
            <Link href={`/me/registrations/${r.id}/ticket`} className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-600" data-testid="ticket-link">
              {t("done.ticket")}
            </Link>
          )}
          {active && (
            <Link href="/me/agenda" className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100" data-testid="agenda-link">
              {t("done.agenda")}
            </Link>
          )}
          {r.status === "cancelled" && form?.availability.gate === "open" && (
            <Link href={`/events/${r.event.slug}/register`} className="rounded-lg bg-accent-500 px-4 py-2 text-sm font-semibold text-white hover:bg-orange-800" data-testid="register-again">
              {t("registerNow")}
            </Link>
          )}
          <Link href="/me/registrations" className="rounded-lg px-2 py-2 text-sm font-medium text-brand-700 hover:underline">
            {t("done.mine")}
          </Link>
        </div>
      </section>

      {active && form && (
        <section className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="mb-4 text-lg font-semibold">{t("mine.editTitle")}</h2>
          {r.editable ? (
            <RegisterForm
              action={updateMyRegistrationAction}
              hidden={{ registrationId: r.id }}
              newcomer={false}
              hasSiteVisit={form.hasSiteVisit}
              buses={form.buses}
              tracks={formTracks(form.trackGroups, locale, tz)}
              questions={form.questions}
              defaults={defaults}
              submitLabel={t("save")}
            />
          ) : (
            <p className="text-sm text-slate-600">{t("mine.editClosed")}</p>
          )}
        </section>
      )}

      {r.cancellable && (
        <section className="flex justify-end">
          <CancelButton registrationId={r.id} action={cancelRegistrationAction} />
        </section>
      )}
    </div>
  );
}
