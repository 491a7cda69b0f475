import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { RegisterForm } from "@/components/registrations/register-form";
import { profileOf } from "@/lib/accounts/queries";
import { currentActor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";
import { formatEventWhen, pick } from "@/lib/i18n/format";
import { myRegistrationFor, registrationFormData } from "@/lib/registrations/queries";
import { formTracks } from "@/lib/registrations/session-choices";
import { registerAction, signUpAndRegisterAction } from "@/lib/registrations/actions";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/events/[slug]/register">): Promise<Metadata> {
  const { slug } = await params;
  const data = await registrationFormData(await getDb(), slug);
  if (!data) return {};
  const [t, locale] = await Promise.all([getTranslations("registration"), getLocale() as Promise<Locale>]);
  return { title: t("formTitle", { title: pick(locale, data.event.title, data.event.titleEn) }), robots: { index: false } };
}

export default async function RegisterPage({ params }: PageProps<"/events/[slug]/register">) {
  const { slug } = await params;
  const db = await getDb();
  const [data, actor, t, locale] = await Promise.all([registrationFormData(db, slug), currentActor(), getTranslations("registration"), getLocale() as Promise<Locale>]);
  if (!data) notFound();
  const { event, availability: a } = data;
  let defaults: Record<string, string> = {};
  if (actor) {
    const [mine, profile] = await Promise.all([myRegistrationFor(db, actor.id, event.id), profileOf(db, actor.id)]);
    if (mine && mine.status !== "cancelled") redirect(`/me/registrations/${mine.id}`);
    // the profile's promise (个人资料 "reused when registering"): organization, position and phone come prefilled
    defaults = { organization: profile?.organization ?? "", position: profile?.position ?? "", phone: profile?.phone ?? "" };
  }
  const closedLabel: Record<string, string> = { notOpen: t("notOpenYet"), closed: t("closed"), ended: t("ended"), cancelledForum: t("cancelledForum"), notFound: t("closed") };
  const here = `/events/${event.slug}/register`;

  return (
    <div className="mx-auto max-w-2xl">
      <Link href={`/events/${event.slug}`} className="text-sm text-brand-700 hover:underline">
        ← {pick(locale, event.title, event.titleEn)}
      </Link>
      <h1 className="mt-3 text-xl font-bold leading-snug text-slate-900 sm:text-2xl">{t("formTitle", { title: pick(locale, event.title, event.titleEn) })}</h1>
      <p className="mt-1 text-sm text-slate-600">
        {formatEventWhen(event.startsAt, event.endsAt, event.timezone, locale)} · {pick(locale, event.venueName, event.venueNameEn)}
      </p>
      {a.gate !== "open" ? (
        <p className="mt-6 rounded-xl bg-slate-100 p-5 text-slate-700" data-testid="register-closed">
          {closedLabel[a.gate]}
        </p>
      ) : (
        <div className="mt-6 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
          {a.level === "full" && (
            <p className="mb-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200" data-testid="waitlist-note">
              {a.waitlistEnabled ? t("fullWaitlist") : t("full")}
            </p>
          )}
          {a.requiresApproval && <p className="mb-4 text-sm text-slate-600">{t("approvalNote")}</p>}
          {actor && (
            <p className="mb-4 text-sm text-slate-600" data-testid="signed-in-as">
              {t("signedInAs", { name: actor.name, email: actor.email })}
            </p>
          )}
          {/* what the form and its UI-kit fields translate on the client */}
          <ClientMessages namespaces={["registration", "shared", "ui"]}>
            <RegisterForm
              action={actor ? registerAction : signUpAndRegisterAction}
              hidden={{ eventSlug: event.slug }}
              newcomer={!actor}
              signInHref={`/sign-in?next=${encodeURIComponent(here)}`}
              hasSiteVisit={data.hasSiteVisit}
              buses={data.buses}
              tracks={formTracks(data.trackGroups, locale, event.timezone)}
              questions={data.questions}
              defaults={defaults}
            />
          </ClientMessages>
        </div>
      )}
    </div>
  );
}
