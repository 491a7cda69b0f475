import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AgendaBulk } from "@/components/registrations/agenda-bulk";
import { SessionToggle } from "@/components/registrations/session-toggle";
import { Badge } from "@/components/ui/badge";
import { currentActor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";
import { Localized } from "@/components/ui/localized";
import { dayKey, formatDate, formatTimeRange, pick } from "@/lib/i18n/format";
import { appUrl } from "@/lib/http/origin";
import { calendarFeedToken, personalAgenda } from "@/lib/registrations/personal-agenda";
import { selectSessionAction, setAllSessionsAction } from "@/lib/registrations/actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("registration.myAgenda"))("title"), robots: { index: false } };
}

export default async function MyAgendaPage() {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in?next=/me/agenda");
  const db = await getDb();
  const [forums, token, t, te, locale] = await Promise.all([
    personalAgenda(db, actor.id),
    calendarFeedToken(db, actor.id),
    getTranslations("registration.myAgenda"),
    getTranslations("shared"),
    getLocale() as Promise<Locale>,
  ]);
  const feedPath = `/api/v1/calendar/${token}.ics`;
  const feedUrl = `${appUrl()}${feedPath}`;

  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>

      <div className="mt-4 rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm">
        <a href={feedPath} download="my-agenda.ics" className="inline-flex rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-600" data-testid="download-ics">
          {t("downloadIcs")}
        </a>
        <label htmlFor="feed-url" className="mt-3 block text-xs font-medium text-slate-500">
          {t("subscribe")}
        </label>
        <input id="feed-url" readOnly value={feedUrl} className="mt-1 w-full truncate rounded-md border border-slate-200 bg-slate-50 px-2 py-1.5 font-mono text-xs text-slate-700" data-testid="feed-url" />
      </div>

      {forums.length === 0 && <p className="mt-6 text-slate-600">{t("noForums")}</p>}
      {forums.map((f) => {
        const tz = f.event.timezone;
        const mine = f.sessions.filter((s) => s.selected || s.auto);
        // "add all" adds every session but the site visit (joined, or not, at registration); "clear" removes every mark
        const toggleable = f.sessions.filter((s) => s.kind !== "site_visit");
        const days = new Map<string, typeof f.sessions>();
        for (const s of f.sessions) days.set(dayKey(s.startsAt, tz), [...(days.get(dayKey(s.startsAt, tz)) ?? []), s]);
        return (
          <section key={f.event.id} className="mt-8" data-testid="agenda-forum">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="text-lg font-semibold leading-snug text-slate-900">
                <Link href={`/events/${f.event.slug}/agenda`} className="hover:text-brand-700">
                  <Localized locale={locale} zh={f.event.title} en={f.event.titleEn} />
                </Link>
              </h2>
              <a href={`/api/v1/events/${f.event.slug}/agenda.ics`} download className="text-sm font-medium text-brand-700 hover:underline">
                {t("forumIcs")}
              </a>
            </div>
            <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
              <p className="text-sm text-slate-600">
                {t("selected")}: <span data-testid="selected-count">{mine.length}</span> / {f.sessions.length}
              </p>
              {toggleable.length ? (
                <AgendaBulk
                  eventId={f.event.id}
                  forumTitle={pick(locale, f.event.title, f.event.titleEn)}
                  canAdd={toggleable.some((s) => !s.selected)}
                  canClear={f.sessions.some((s) => s.selected)}
                  action={setAllSessionsAction}
                />
              ) : null}
            </div>
            {[...days.entries()].map(([day, sessions]) => (
              <div key={day} className="mt-4">
                <h3 className="text-sm font-medium text-slate-500">{formatDate(sessions[0].startsAt, tz, locale)}</h3>
                <ol className="mt-2 divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
                  {sessions.map((s) => {
                    const title = pick(locale, s.title, s.titleEn);
                    return (
                      <li key={s.id} className="flex items-center gap-3 p-3 sm:p-4" data-testid="my-agenda-session" data-selected={s.selected || s.auto ? "1" : "0"}>
                        <div className="min-w-0 flex-1">
                          <div className="flex flex-wrap items-center gap-2 text-xs">
                            <time className="font-mono font-semibold text-slate-700" dateTime={s.startsAt.toISOString()}>
                              {formatTimeRange(s.startsAt, s.endsAt, tz, locale)}
                            </time>
                            <Badge tone={s.kind === "site_visit" ? "teal" : "blue"}>{te(`sessionKind.${s.kind}`)}</Badge>
                          </div>
                          <p className="mt-1 text-sm font-medium leading-snug text-slate-900">
                            <Localized locale={locale} zh={s.title} en={s.titleEn} />
                          </p>
                          {s.auto && <p className="mt-0.5 text-xs text-teal-700">{t("siteVisitIncluded")}</p>}
                        </div>
                        {!s.auto && <SessionToggle sessionId={s.id} selected={s.selected} title={title} action={selectSessionAction} />}
                      </li>
                    );
                  })}
                </ol>
              </div>
            ))}
          </section>
        );
      })}
    </div>
  );
}
