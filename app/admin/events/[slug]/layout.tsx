/** One forum's console: title, status, public link, and tabs to every part (some built by other features). */
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EventTabs } from "@/components/admin/event-tabs";
import { EventStatusBadge } from "@/components/events/event-status-badge";
import { can } from "@/lib/auth/guard";
import type { Locale } from "@/lib/i18n/config";
import { pick } from "@/lib/i18n/format";
import { consolePage } from "@/lib/events/console-page";

export const dynamic = "force-dynamic";

export default async function EventConsoleLayout({ children, params }: LayoutProps<"/admin/events/[slug]">) {
  const { slug } = await params;
  const { db, event: ref, actor } = await consolePage(slug, "event.read");
  const [t, td, tTeam, tSeating, tPublish, locale, mayEdit, mayExport, mayStaff] = await Promise.all([
    getTranslations("admin.nav"),
    getTranslations("delegations"),
    getTranslations("team"),
    getTranslations("seating"),
    getTranslations("publish.preview"),
    getLocale() as Promise<Locale>,
    can(actor, "event.edit", { eventId: ref.id }, db),
    can(actor, "event.export", { eventId: ref.id }, db),
    can(actor, "event.staff.manage", { eventId: ref.id }, db),
  ]);
  const base = `/admin/events/${slug}`;
  const tabs = [
    { seg: "", label: t("overview") },
    ...(mayEdit ? [{ seg: "hosts", label: t("hosts") }, { seg: "agenda", label: t("agenda") }, { seg: "settings", label: t("settings") }] : []),
    { seg: "registrations", label: t("registrations") },
    { seg: "delegations", label: td("tab") },
    { seg: "checkin", label: t("checkin") },
    { seg: "seating", label: tSeating("title") },
    { seg: "badges", label: t("badges") },
    { seg: "handbook", label: t("handbook") },
    { seg: "reports", label: t("reports") },
    ...(mayStaff ? [{ seg: "team", label: tTeam("tab") }] : []),
  ];
  return (
    <div className="space-y-5">
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <EventStatusBadge status={ref.status} endsAt={ref.endsAt} />
          {ref.status !== "draft" ? (
            <Link href={`/events/${slug}`} className="text-brand-700 hover:underline" data-testid="view-public">
              {t("viewPublic")} ↗
            </Link>
          ) : (
            <Link href={`/events/${slug}`} className="text-brand-700 hover:underline" data-testid="preview-public">
              {tPublish("open")} ↗
            </Link>
          )}
          {mayExport ? (
            <a href={`/api/v1/events/${slug}/export`} className="text-brand-700 hover:underline" data-testid="export-bundle">
              {t("export")}
            </a>
          ) : null}
        </div>
        <h1 className="text-xl font-bold leading-snug text-slate-900 sm:text-2xl" data-testid="console-title">
          {pick(locale, ref.title, ref.titleEn)}
        </h1>
      </header>
      <EventTabs base={base} tabs={tabs} label={t("overview")} />
      <div>{children}</div>
    </div>
  );
}
