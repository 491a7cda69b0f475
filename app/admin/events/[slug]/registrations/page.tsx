import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AddGuestForm } from "@/components/console/add-guest-form";
import { BusPanel } from "@/components/console/bus-panel";
import { GuestImport } from "@/components/console/guest-import";
import { Dialog } from "@/components/ui/dialog";
import { RegistrationsTable } from "@/components/console/registrations-table";
import { can } from "@/lib/auth/guard";
import { checkinSegments, segmentLabels as labelsOfSegments } from "@/lib/checkin/queries";
import type { Locale } from "@/lib/i18n/config";
import { pick } from "@/lib/i18n/format";
import { busesWithSeats, eventQuestions, registrationTable, statusCounts } from "@/lib/registrations/admin-queries";
import { CategoryOptions } from "@/components/console/category-options";
import { SORTS, tableParamsSchema, type TableParams } from "@/lib/registrations/admin-validation";
import { REGISTRATION_STATUSES } from "@/lib/shared/enums";
import { consolePage } from "@/lib/events/console-page";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console"))("registrations.title") };
}

type Search = Record<string, string | string[] | undefined>;

function hrefWith(slug: string, p: TableParams, change: Partial<TableParams>) {
  const next = { ...p, ...change };
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(next)) {
    if (v === undefined || v === "" || (k === "page" && v === 1) || (k === "pageSize" && v === 50) || (k === "sort" && v === "createdAt") || (k === "dir" && v === "desc")) continue;
    qs.set(k, String(v));
  }
  const s = qs.toString();
  return `/admin/events/${slug}/registrations${s ? `?${s}` : ""}`;
}

export default async function RegistrationsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }) {
  const { slug } = await params;
  const raw = await searchParams;
  const { db, event: ev, actor } = await consolePage(slug, "registration.read", "registrations");
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("console");
  const ts = await getTranslations("shared");
  const p = tableParamsSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const [table, counts, buses, questions, segments, labels, canManage] = await Promise.all([
    registrationTable(db, ev.id, p),
    statusCounts(db, ev.id),
    busesWithSeats(db, ev.id),
    eventQuestions(db, ev.id),
    checkinSegments(db, ev.id),
    labelsOfSegments(db, ev.id, locale),
    can(actor, "registration.manage", { eventId: ev.id }),
  ]);
  const pages = Math.max(1, Math.ceil(table.total / p.pageSize));
  const segmentLabels = Object.fromEntries(segments.map((s) => [s, labels[s] ?? s]));
  const sortLink = (col: (typeof SORTS)[number]) => hrefWith(slug, p, { sort: col, dir: p.sort === col && p.dir === "asc" ? "desc" : "asc", page: 1 });

  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold text-slate-900">{t("registrations.title")}</h1>
          <p className="mt-1 text-sm text-slate-600" data-testid="registration-stats">
            {t("registrations.stats", { confirmed: counts.confirmed ?? 0, pending: counts.pending ?? 0, waitlisted: counts.waitlisted ?? 0, cancelled: counts.cancelled ?? 0 })}
            {" · "}
            {ev.capacity == null ? t("registrations.unlimited") : t("registrations.capacity", { capacity: ev.capacity })}
          </p>
        </div>
        {canManage && (
          <div className="flex flex-wrap gap-2">
            <Dialog title={t("registrations.addGuestTitle")} size="lg" testId="add-guest-dialog" trigger={{ label: t("registrations.addGuest"), testId: "add-guest" }}>
              <AddGuestForm eventId={ev.id} />
            </Dialog>
            <a href={`/admin/events/${slug}/registrations/export?format=csv`} className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-700 hover:bg-slate-100" data-testid="export-csv">
              {t("export.csv")}
            </a>
            <a href={`/admin/events/${slug}/registrations/export?format=xlsx`} className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-700 hover:bg-slate-100" data-testid="export-xlsx">
              {t("export.xlsx")}
            </a>
          </div>
        )}
      </div>

      <form method="get" className="mt-4 grid gap-2 rounded-xl border border-slate-200 bg-white p-3 shadow-sm sm:grid-cols-[1fr_auto_auto_auto_auto]" data-testid="registration-filters">
        <input
          type="search"
          name="q"
          defaultValue={p.q ?? ""}
          placeholder={t("registrations.searchPlaceholder")}
          aria-label={t("registrations.searchPlaceholder")}
          className="min-w-0 rounded-lg border border-slate-300 px-3 py-2 text-sm"
          data-testid="registration-search"
        />
        <select name="status" defaultValue={p.status ?? ""} aria-label={t("registrations.allStatuses")} className="rounded-lg border border-slate-300 px-2 py-2 text-sm" data-testid="filter-status">
          <option value="">{t("registrations.allStatuses")}</option>
          {REGISTRATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ts(`registrationStatus.${s}`)}
            </option>
          ))}
        </select>
        <select name="category" defaultValue={p.category ?? ""} aria-label={t("registrations.allCategories")} className="rounded-lg border border-slate-300 px-2 py-2 text-sm">
          <option value="">{t("registrations.allCategories")}</option>
          <CategoryOptions />
        </select>
        <select name="bus" defaultValue={p.bus ?? ""} aria-label={t("registrations.allBuses")} className="rounded-lg border border-slate-300 px-2 py-2 text-sm">
          <option value="">{t("registrations.allBuses")}</option>
          <option value="none">{t("registrations.noBus")}</option>
          {buses.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
        <div className="flex gap-2">
          <button type="submit" className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-900" data-testid="filter-submit">
            {t("registrations.filter")}
          </button>
          <Link href={`/admin/events/${slug}/registrations`} className="rounded-lg px-3 py-2 text-sm text-slate-600 hover:bg-slate-100">
            {t("registrations.reset")}
          </Link>
        </div>
      </form>

      <RegistrationsTable
        eventId={ev.id}
        rows={table.rows}
        buses={buses.map((b) => ({ id: b.id, name: b.name, seats: b.seats, taken: b.taken }))}
        questions={questions.map((q) => ({ id: q.id, label: pick(locale, q.label, q.labelEn), kind: q.kind, options: q.options, required: q.required }))}
        segmentLabels={segmentLabels}
        canManage={canManage}
        timezone={ev.timezone}
        locale={locale}
        sortLinks={{ fullName: sortLink("fullName"), organization: sortLink("organization"), category: sortLink("category"), status: sortLink("status"), createdAt: sortLink("createdAt") }}
        sort={{ col: p.sort, dir: p.dir }}
      />

      <nav className="mt-3 flex items-center justify-between text-sm text-slate-600" aria-label={t("registrations.page", { page: p.page, pages })}>
        <span data-testid="registration-total">{t("registrations.total", { total: table.total })}</span>
        <span className="flex items-center gap-3">
          {p.page > 1 ? <Link href={hrefWith(slug, p, { page: p.page - 1 })} className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100">{t("registrations.prev")}</Link> : null}
          <span>{t("registrations.page", { page: p.page, pages })}</span>
          {p.page < pages ? <Link href={hrefWith(slug, p, { page: p.page + 1 })} className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100" data-testid="page-next">{t("registrations.next")}</Link> : null}
        </span>
      </nav>

      {canManage && (
        <div className="mt-8 grid items-start gap-6 lg:grid-cols-2">
          <BusPanel eventId={ev.id} buses={buses} />
          <GuestImport eventSlug={ev.slug} />
        </div>
      )}
    </>
  );
}
