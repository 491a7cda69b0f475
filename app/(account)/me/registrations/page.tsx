import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { RegistrationStatusBadge } from "@/components/registrations/status-badge";
import { currentActor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";
import { Localized } from "@/components/ui/localized";
import { formatEventWhen } from "@/lib/i18n/format";
import { myRegistrations } from "@/lib/registrations/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("registration.mine"))("title"), robots: { index: false } };
}

export default async function MyRegistrationsPage() {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in?next=/me/registrations");
  const [rows, t, locale] = await Promise.all([getDb().then((db) => myRegistrations(db, actor.id)), getTranslations("registration"), getLocale() as Promise<Locale>]);
  return (
    <div className="mx-auto max-w-3xl">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold text-slate-900">{t("mine.title")}</h1>
        <Link href="/me/agenda" className="text-sm font-medium text-brand-700 hover:underline">
          {t("myAgenda.title")} →
        </Link>
      </div>
      {rows.length === 0 ? (
        <div className="mt-6 rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          <p>{t("mine.empty")}</p>
          <Link href="/" className="mt-3 inline-block font-medium text-brand-700 hover:underline">
            {t("mine.browse")} →
          </Link>
        </div>
      ) : (
        <ul className="mt-6 space-y-4" data-testid="my-registrations">
          {rows.map((r) => (
            <li key={r.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5" data-testid="my-registration" data-status={r.status}>
              <div className="flex items-start justify-between gap-3">
                <h2 className="font-semibold leading-snug text-slate-900">
                  <Link href={`/me/registrations/${r.id}`} className="hover:text-brand-700">
                    <Localized locale={locale} zh={r.event.title} en={r.event.titleEn} />
                  </Link>
                </h2>
                <RegistrationStatusBadge status={r.status} />
              </div>
              <p className="mt-1 text-sm text-slate-600">{formatEventWhen(r.event.startsAt, r.event.endsAt, r.event.timezone, locale)}</p>
              {r.waitlistPosition && (
                <p className="mt-1 text-sm font-medium text-violet-800" data-testid="waitlist-position">
                  {t("mine.position", { position: r.waitlistPosition })}
                </p>
              )}
              <div className="mt-3 flex flex-wrap gap-4 text-sm font-medium">
                <Link href={`/me/registrations/${r.id}`} className="text-brand-700 hover:underline">
                  {r.editable ? t("mine.edit") : t("viewMyRegistration")} →
                </Link>
                {r.status === "confirmed" && (
                  <Link href={`/me/registrations/${r.id}/ticket`} className="text-brand-700 hover:underline">
                    {t("mine.ticket")} →
                  </Link>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
