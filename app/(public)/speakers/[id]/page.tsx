import type { Metadata } from "next";
import { publicPageMetadata } from "@/lib/i18n/alternates";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { getDb } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";
import { Localized, LocalizedPosition } from "@/components/ui/localized";
import { formatDate, formatTimeRange, pick } from "@/lib/i18n/format";
import { speakerDetail } from "@/lib/people/queries";
import { Portrait } from "@/components/events/portrait";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/speakers/[id]">): Promise<Metadata> {
  const { id } = await params;
  const d = await speakerDetail(await getDb(), id);
  if (!d) return {};
  const locale = (await getLocale()) as Locale;
  const title = pick(locale, d.person.name, d.person.nameEn);
  const description = d.person.positions.map((p) => `${pick(locale, p.organization, p.organizationEn)} ${pick(locale, p.title, p.titleEn)}`).join("; ");
  return publicPageMetadata(`/speakers/${d.person.id}`, { title, description, openGraph: { title, description, type: "profile" } }, locale);
}

export default async function SpeakerPage({ params }: PageProps<"/speakers/[id]">) {
  const { id } = await params;
  const d = await speakerDetail(await getDb(), id);
  if (!d) notFound();
  const [t, te, ts, locale] = await Promise.all([getTranslations("speakers"), getTranslations("events"), getTranslations("shared"), getLocale() as Promise<Locale>]);
  const { person } = d;
  return (
    <article className="mx-auto max-w-3xl">
      <Link href="/speakers" className="text-sm text-brand-700 hover:underline">
        ← {t("title")}
      </Link>
      <div className="mt-3 flex flex-col gap-4 sm:flex-row sm:items-start">
        {person.photo ? <Portrait photo={person.photo} alt={pick(locale, person.name, person.nameEn)} className="h-32 w-32 sm:h-40 sm:w-40" /> : null}
        <div className="min-w-0">
          <h1 className="text-2xl font-bold text-slate-900" data-testid="speaker-name">
            <Localized locale={locale} zh={person.name} en={person.nameEn} />
          </h1>
          <ul className="mt-2 space-y-1 text-slate-700" data-testid="speaker-positions">
            {person.positions.map((p) => (
              <li key={p.id}>
                <LocalizedPosition locale={locale} p={p} />
              </li>
            ))}
          </ul>
        </div>
      </div>
      {person.bio || (locale === "en" && person.bioEn) ? (
        <section className="mt-6" aria-labelledby="speaker-bio-h">
          <h2 id="speaker-bio-h" className="text-lg font-semibold text-slate-900">
            {t("bio")}
          </h2>
          <p className="mt-2 whitespace-pre-line leading-7 text-slate-700" data-testid="speaker-bio">
            <Localized locale={locale} zh={person.bio} en={person.bioEn} />
          </p>
        </section>
      ) : null}
      <h2 className="mt-8 text-lg font-semibold text-slate-900">{t("sessions")}</h2>
      <ol className="mt-3 space-y-3" data-testid="speaker-sessions">
        {d.sessions.map((s) => (
          <li key={`${s.session.id}-${s.role}`} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <div className="flex flex-wrap items-center gap-2 text-xs">
              <Badge tone="blue">{ts(`sessionKind.${s.session.kind}`)}</Badge>
              <span className="text-slate-500">{te(`sessionRole.${s.role}` as "sessionRole.speaker")}</span>
            </div>
            <p className="mt-1 font-medium text-slate-900"><Localized locale={locale} zh={s.session.title} en={s.session.titleEn} /></p>
            {s.topic && <p className="mt-0.5 text-sm text-slate-700"><Localized locale={locale} zh={s.topic} en={s.topicEn} /></p>}
            <p className="mt-1 text-sm text-slate-600">
              {formatDate(s.session.startsAt, s.event.timezone, locale)} {formatTimeRange(s.session.startsAt, s.session.endsAt, s.event.timezone, locale)}
            </p>
            <Link href={`/events/${s.event.slug}/agenda`} className="mt-1 inline-block text-sm font-medium text-brand-700 hover:underline">
              <Localized locale={locale} zh={s.event.title} en={s.event.titleEn} /> →
            </Link>
          </li>
        ))}
      </ol>
    </article>
  );
}
