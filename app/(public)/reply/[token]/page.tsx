import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import QRCode from "qrcode";
import { ReplyForm } from "@/components/delegations/reply-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { emptyRow, type ReplyRow } from "@/components/delegations/reply-rows";
import { DomainError } from "@/lib/actions/result";
import { getDb } from "@/lib/db";
import { delegateTicketPath, formatMoment } from "@/lib/delegations/notify";
import { replyView, type ReplyView } from "@/lib/delegations/queries";
import { dateToZoned } from "@/lib/events/zoned";
import type { Locale } from "@/lib/i18n/config";
import { Localized } from "@/components/ui/localized";
import { formatEventWhen } from "@/lib/i18n/format";

/** The liaison's page: never page-cached (not in lib/cache/page-cache.ts's allowlist), never indexed. */
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("delegations.reply"))("heading"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

async function load(token: string, locale: Locale): Promise<ReplyView> {
  try {
    return await replyView(await getDb(), token, locale);
  } catch (e) {
    if (e instanceof DomainError && e.code === "not_found") notFound();
    throw e;
  }
}

function rowsOf(v: ReplyView): ReplyRow[] {
  const tz = v.event.timezone;
  const local = (iso?: string) => (iso ? dateToZoned(new Date(iso), tz) : "");
  if (v.delegates.length === 0 && v.draft?.delegates?.length) {
    return v.draft.delegates.map((d, i) => ({ ...emptyRow(`draft${i}`), ...pickStrings(d) }));
  }
  return v.delegates.map((d) => ({
    ...emptyRow(d.id),
    id: d.id,
    name: d.name,
    gender: d.gender ?? "",
    position: d.position,
    rank: d.rank,
    orderInUnit: d.orderInUnit ? String(d.orderInUnit) : "",
    phone: d.phone,
    email: d.email ?? "",
    siteVisit: d.siteVisit,
    diet: d.diet ?? "",
    ethnicity: d.ethnicity ?? "",
    arrivalAt: local(d.arrival?.at),
    arrivalBy: d.arrival?.by ?? "train",
    arrivalNumber: d.arrival?.number ?? "",
    arrivalStation: d.arrival?.station ?? "",
    departureAt: local(d.departure?.at),
    departureBy: d.departure?.by ?? "train",
    departureNumber: d.departure?.number ?? "",
    departureStation: d.departure?.station ?? "",
    accommodation: d.accommodation,
    note: d.note ?? "",
  }));
}

/** A draft is stored as the form sent it; only known string/boolean fields come back. */
function pickStrings(d: Record<string, unknown>): Partial<ReplyRow> {
  const out: Record<string, string | boolean> = {};
  for (const k of ["name", "gender", "position", "rank", "orderInUnit", "phone", "email", "diet", "ethnicity", "accommodation", "note"]) if (typeof d[k] === "string") out[k] = d[k] as string;
  if (typeof d.siteVisit === "boolean") out.siteVisit = d.siteVisit;
  for (const leg of ["arrival", "departure"] as const) {
    const l = d[leg] as Record<string, unknown> | undefined;
    if (l && typeof l === "object") for (const f of ["at", "by", "number", "station"]) if (typeof l[f] === "string") out[`${leg}${f[0].toUpperCase()}${f.slice(1)}`] = l[f] as string;
  }
  return out as Partial<ReplyRow>;
}

export default async function ReplyPage({ params }: PageProps<"/reply/[token]">) {
  const { token } = await params;
  const locale = (await getLocale()) as Locale;
  const v = await load(token, locale);
  const [t, td, ts] = await Promise.all([getTranslations("delegations.reply"), getTranslations("delegations"), getTranslations("shared")]);
  const tz = v.event.timezone;
  const tickets = await Promise.all(
    v.delegates.map(async (d) => ({ ...d, svg: d.status === "confirmed" ? await QRCode.toString(d.ticketCode, { type: "svg", errorCorrectionLevel: "M", margin: 1, color: { dark: "#0f2f5f", light: "#ffffff" } }) : null })),
  );
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header className="rounded-2xl bg-gradient-to-br from-brand-900 to-brand-700 p-5 text-white">
        <p className="text-xs uppercase tracking-widest text-brand-100">{t("heading")}</p>
        <h1 className="mt-1 text-xl font-bold leading-snug"><Localized locale={locale} zh={v.event.title} en={v.event.titleEn} /></h1>
        <p className="mt-1 text-sm text-brand-100">{formatEventWhen(v.event.startsAt, v.event.endsAt, tz, locale)}</p>
        <p className="text-sm text-brand-100"><Localized locale={locale} zh={v.event.venueName} en={v.event.venueNameEn} /></p>
        <dl className="mt-4 grid grid-cols-[minmax(0,1fr)_auto_minmax(0,1fr)] gap-4 text-sm">
          <div>
            <dt className="text-brand-100">{t("unit")}</dt>
            <dd className="font-semibold" data-testid="reply-unit">
              {v.organization}
            </dd>
          </div>
          <div>
            <dt className="text-brand-100">{t("quota")}</dt>
            <dd className="font-semibold">{v.quota}</dd>
          </div>
          <div>
            <dt className="text-brand-100">{t("deadline")}</dt>
            <dd className="font-semibold">{formatMoment(v.replyBy, tz, locale)}</dd>
          </div>
        </dl>
      </header>
      {!v.open && v.closedReason && (
        <p className="rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="reply-readonly">
          {t(`closedReason.${v.closedReason}`, { deadline: formatMoment(v.replyBy, tz, locale) })} {t("readOnly")} {t("contactHint")}
        </p>
      )}
      <ClientMessages namespaces={["delegations", "shared", "ui"]}>
        <ReplyForm key={v.delegates.map((d) => d.id).join(",")} token={token} quota={v.quota} open={v.open} initial={rowsOf(v)} draftSavedAt={v.delegates.length === 0 && v.draft ? formatMoment(new Date(v.draft.savedAt), tz, locale) : null} />
      </ClientMessages>
      <section className="space-y-3" data-testid="unit-tickets">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-lg font-semibold text-slate-900">{t("tickets")}</h2>
          {tickets.some((x) => x.svg) && (
            <a href={`/reply/${token}/tickets.pdf`} className="rounded-xl bg-brand-700 px-4 py-2 text-sm font-semibold text-white" data-testid="download-tickets">
              {t("downloadTickets")}
            </a>
          )}
        </div>
        {tickets.length === 0 ? <p className="text-sm text-slate-500">{t("noTickets")}</p> : <p className="text-xs text-slate-500">{t("openTicketHint")}</p>}
        <ul className="grid gap-3 sm:grid-cols-2">
          {tickets.map((d) => (
            <li key={d.id} className="flex items-center gap-3 rounded-2xl bg-white p-3 shadow-sm ring-1 ring-slate-200" data-testid="unit-ticket">
              {d.svg && (
                // eslint-disable-next-line @next/next/no-img-element -- an inline data: SVG, nothing to optimise
                <img src={`data:image/svg+xml;base64,${Buffer.from(d.svg).toString("base64")}`} alt={d.name} width={96} height={96} className="h-24 w-24 shrink-0" />
              )}
              <div className="min-w-0 text-sm">
                <p className="font-semibold text-slate-900">{d.name}</p>
                <p className="text-slate-600">{d.position}</p>
                <p className="text-slate-500">{td(`rank.${d.rank}`)}</p>
                <p className="mt-1 text-xs text-slate-500">
                  {ts(`registrationStatus.${d.status as "confirmed"}`)}
                  {d.svg && (
                    <>
                      {" · "}
                      {t("ticketCode")} <span className="break-all font-mono">{d.ticketCode}</span>
                    </>
                  )}
                </p>
                <Link href={delegateTicketPath(d.ticketCode)} className="mt-1 inline-block text-xs text-brand-700 underline" data-testid="open-ticket">
                  {t("openTicket")}
                </Link>
              </div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
