import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { PublicEventDetail, PublicSession } from "@/lib/events/queries";
import type { Locale } from "@/lib/i18n/config";
import { dayKey, formatDate, formatTime, formatTimeRange, pick } from "@/lib/i18n/format";
import { Localized as L } from "@/components/ui/localized";
import { parallelGroups } from "@/lib/shared/parallel";
import { ParallelGroup } from "./parallel-group";

/** Each kind of session gets its own colour so the day reads at a glance. */
const KIND_TONE: Record<string, BadgeTone> = {
  site_visit: "teal",
  report_release: "violet",
  exchange: "blue",
  keynote: "amber",
  remarks: "green",
  plenary: "blue",
  panel: "blue",
  ceremony: "red",
};
const KIND_BORDER: Record<string, string> = {
  site_visit: "border-l-teal-500",
  report_release: "border-l-violet-500",
  exchange: "border-l-brand-600",
  keynote: "border-l-amber-500",
  remarks: "border-l-emerald-500",
  ceremony: "border-l-red-500",
};

export async function AgendaTimeline({ event }: { event: PublicEventDetail }) {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("events.parallel");
  const tz = event.timezone;
  const days = new Map<string, PublicSession[]>();
  for (const s of event.sessions) {
    const k = dayKey(s.startsAt, tz);
    days.set(k, [...(days.get(k) ?? []), s]);
  }
  return (
    <div className="space-y-10">
      {[...days.entries()].map(([day, sessions]) => (
        <section key={day} aria-label={day}>
          <h2 className="mb-4 text-lg font-semibold text-slate-800">{formatDate(sessions[0].startsAt, tz, locale)}</h2>
          <ol className="space-y-4">
            {rowsOf(sessions).map((row) =>
              row.length === 1 ? (
                <SessionCard key={row[0].id} session={row[0]} tz={tz} locale={locale} />
              ) : (
                <ParallelGroup
                  key={row[0].id}
                  label={t("label", { n: row.length })}
                  labels={{ filter: t("filter"), allRooms: t("allRooms") }}
                  rooms={[...new Map(row.filter((s) => s.room).map((s) => [s.room!.id, { id: s.room!.id, name: pick(locale, s.room!.name, s.room!.nameEn) }])).values()]}
                  items={row.map((s) => ({ key: s.id, roomId: s.room?.id ?? null, node: <SessionCard session={s} tz={tz} locale={locale} as="div" /> }))}
                />
              ),
            )}
          </ol>
        </section>
      ))}
    </div>
  );
}

/** The day's sessions in order, parallel ones (lib/shared/parallel.ts) gathered into one row. */
function rowsOf(sessions: PublicSession[]): PublicSession[][] {
  const groupOf = new Map<string, PublicSession[]>();
  for (const g of parallelGroups(sessions)) for (const s of g) groupOf.set(s.id, g);
  const rows: PublicSession[][] = [];
  const seen = new Set<PublicSession[]>();
  for (const s of sessions) {
    const g = groupOf.get(s.id);
    if (!g) rows.push([s]);
    else if (!seen.has(g)) {
      seen.add(g);
      rows.push(g);
    }
  }
  return rows;
}

async function SessionCard({ session: s, tz, locale, as: Tag = "li" }: { session: PublicSession; tz: string; locale: Locale; as?: "li" | "div" }) {
  const [t, ts] = await Promise.all([getTranslations("events"), getTranslations("shared")]);
  return (
    <Tag
      className={`break-inside-avoid rounded-xl border border-l-4 border-slate-200 bg-white p-5 shadow-sm ${KIND_BORDER[s.kind] ?? "border-l-slate-400"}`}
      data-testid="agenda-session"
      data-kind={s.kind}
    >
      <div className="flex flex-wrap items-center gap-3">
        <time className="font-mono text-sm font-semibold text-slate-700" dateTime={s.startsAt.toISOString()}>
          {formatTimeRange(s.startsAt, s.endsAt, tz, locale)}
        </time>
        <Badge tone={KIND_TONE[s.kind] ?? "slate"}>{ts(`sessionKind.${s.kind}`)}</Badge>
        {s.room && (
          <span className="text-sm font-medium text-slate-600" data-testid="session-room">
            <L locale={locale} zh={s.room.name} en={s.room.nameEn} />
            {s.room.floor ? ` · ${s.room.floor}` : ""}
          </span>
        )}
        {s.location && <span className="text-sm text-slate-500"><L locale={locale} zh={s.location} en={s.locationEn} /></span>}
      </div>
      <h3 className="mt-2 text-base font-semibold leading-snug text-slate-900"><L locale={locale} zh={s.title} en={s.titleEn} /></h3>
      {s.description && <p className="mt-1 text-sm leading-6 text-slate-600"><L locale={locale} zh={s.description} en={s.descriptionEn} /></p>}

      {s.stops.length > 0 && (
        <div className="mt-4">
          <h4 className="text-sm font-medium text-slate-500">{t("stops")}</h4>
          <ol className="mt-2 space-y-3 border-l-2 border-dashed border-teal-300 pl-5" data-testid="site-visit-stops">
            {s.stops.map((st) => (
              <li key={st.id} className="relative">
                <span className="absolute -left-[31px] flex h-5 w-5 items-center justify-center rounded-full bg-teal-600 text-xs font-bold text-white" aria-hidden>
                  {st.order}
                </span>
                <div className="flex flex-wrap items-baseline gap-x-3">
                  <span className="sr-only">{t("stopNumber", { n: st.order })}</span>
                  <span className="font-medium text-slate-900"><L locale={locale} zh={st.name} en={st.nameEn} /></span>
                  {st.plannedArrival && <span className="text-xs text-slate-500">{t("arrival", { time: formatTime(st.plannedArrival, tz, locale) })}</span>}
                </div>
                {st.description && <p className="mt-1 text-sm leading-6 text-slate-600"><L locale={locale} zh={st.description} en={st.descriptionEn} /></p>}
                {st.facts.length > 0 && (
                  <ul className="mt-1 flex flex-wrap gap-2">
                    {st.facts.map((f, i) => (
                      <li key={i} className="rounded bg-teal-50 px-2 py-0.5 text-xs text-teal-900">
                        <L locale={locale} zh={f.label} en={f.labelEn} />
                        {locale === "en" ? ": " : "："}
                        <L locale={locale} zh={f.value} en={f.valueEn} />
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </div>
      )}

      {s.buses.length > 0 && (
        <div className="mt-4">
          <h4 className="text-sm font-medium text-slate-500">{t("buses")}</h4>
          <ul className="mt-1 flex flex-wrap gap-2 text-sm">
            {s.buses.map((b) => (
              <li key={b.id} className="rounded-md bg-slate-100 px-2 py-1">
                <L locale={locale} zh={b.name} en={b.nameEn} /> · {t("busSeats", { seats: b.seats })}
                {b.leaderName ? (
                  <>
                    {" · "}
                    {t.rich("busLeader", { name: b.leaderName, n: () => <L locale={locale} zh={b.leaderName} en={b.leaderNameEn} /> })}
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      )}

      {s.speakers.length > 0 && (
        <ul className="mt-4 grid gap-3 sm:grid-cols-2" data-testid="session-speakers">
          {s.speakers.map((sp) => (
            <li key={sp.id} className="rounded-lg bg-slate-50 p-3">
              <div className="flex items-baseline gap-2">
                <Link href={`/speakers/${sp.person.id}`} className="font-semibold text-slate-900 hover:text-brand-700 hover:underline" data-testid="speaker-link">
                  <L locale={locale} zh={sp.person.name} en={sp.person.nameEn} />
                </Link>
                <span className="text-xs text-slate-500">{t(`sessionRole.${sp.role}`)}</span>
              </div>
              <ul className="mt-1 space-y-0.5 text-sm text-slate-600">
                {sp.person.positions.map((p) => (
                  <li key={p.id}>
                    <L locale={locale} zh={p.organization} en={p.organizationEn} />
                    {p.title ? (
                      <>
                        {locale === "en" ? ", " : " "}
                        <L locale={locale} zh={p.title} en={p.titleEn} />
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
              {sp.topic && <p className="mt-1 text-sm text-slate-800"><L locale={locale} zh={sp.topic} en={sp.topicEn} /></p>}
            </li>
          ))}
        </ul>
      )}
    </Tag>
  );
}

