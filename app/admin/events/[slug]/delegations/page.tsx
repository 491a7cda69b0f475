import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DelegationDocsNav } from "@/components/delegations/docs-nav";
import { BulkInviteForm, CopyLink, InviteForm, UnitActions } from "@/components/delegations/delegation-console";
import { Dialog } from "@/components/ui/dialog";
import { can } from "@/lib/auth/guard";
import { defaultReplyBy } from "@/lib/delegations/commands";
import { formatMoment } from "@/lib/delegations/notify";
import { delegationsOf, duplicatePhones, type DelegationFilter } from "@/lib/delegations/queries";
import { dateToZoned } from "@/lib/events/zoned";
import type { Locale } from "@/lib/i18n/config";
import { cn } from "@/lib/cn";
import { consolePage } from "@/lib/events/console-page";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("delegations"))("title") };
}

const FILTERS: DelegationFilter[] = ["all", "notReplied", "underQuota"];

export default async function DelegationsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug } = await params;
  const sp = await searchParams;
  const { db, event, actor } = await consolePage(slug, "registration.read", "delegations");
  const filter = (FILTERS as string[]).includes(String(sp.filter)) ? (sp.filter as DelegationFilter) : "all";
  const [ts, tc, locale, mayManage, all, dups] = await Promise.all([
    getTranslations("shared"),
    getTranslations("delegations.console"),
    getLocale() as Promise<Locale>,
    can(actor, "registration.manage", { eventId: event.id }, db),
    delegationsOf(db, event.id),
    duplicatePhones(db, event.id),
  ]);
  const units = filter === "all" ? all : filter === "notReplied" ? all.filter((u) => u.status === "invited") : all.filter((u) => u.filled < u.quota);
  const tz = event.timezone;
  const sum = (f: (u: (typeof all)[number]) => number) => all.reduce((a, u) => a + f(u), 0);
  return (
    <div className="space-y-4" data-testid="delegations-page">
      <DelegationDocsNav slug={slug} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600" data-testid="delegations-summary">
          {tc("summary", { units: all.length, entered: sum((u) => u.filled), quota: sum((u) => u.quota), replied: all.filter((u) => u.status === "replied").length })}
        </p>
        {mayManage && (
          <div className="flex gap-2">
            <Dialog title={tc("bulk")} size="lg" testId="bulk-dialog" trigger={{ label: tc("bulk"), tone: "secondary", testId: "bulk-invite" }}>
              <BulkInviteForm eventId={event.id} eventSlug={event.slug} />
            </Dialog>
            <Dialog title={tc("add")} size="md" testId="invite-dialog" trigger={{ label: tc("add"), testId: "invite-unit" }}>
              <InviteForm eventId={event.id} defaultReplyBy={dateToZoned(defaultReplyBy(event), tz)} />
            </Dialog>
          </div>
        )}
      </div>
      <nav className="flex gap-2 text-sm" aria-label={tc("status")}>
        {FILTERS.map((f) => (
          <Link
            key={f}
            href={`/admin/events/${slug}/delegations${f === "all" ? "" : `?filter=${f}`}`}
            className={cn("rounded-full px-3 py-1 ring-1", f === filter ? "bg-brand-700 text-white ring-brand-700" : "bg-white text-slate-700 ring-slate-300")}
            data-testid={`filter-${f}`}
          >
            {tc(`filter${f[0].toUpperCase()}${f.slice(1)}` as "filterAll")}
          </Link>
        ))}
      </nav>
      {dups.length > 0 && (
        <ul className="space-y-1 rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="phone-warnings">
          {dups.map((d) => (
            <li key={d.phone}>{tc("phoneWarning", { phone: d.phone, units: d.units.join("、") })}</li>
          ))}
        </ul>
      )}
      {units.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-center text-sm text-slate-500 ring-1 ring-slate-200">{tc("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-slate-200">
          <table className="w-full min-w-[56rem] text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase text-slate-500">
              <tr>
                <th className="px-3 py-2">{tc("organization")}</th>
                <th className="whitespace-nowrap px-3 py-2">{tc("progress")}</th>
                <th className="whitespace-nowrap px-3 py-2">{tc("status")}</th>
                <th className="whitespace-nowrap px-3 py-2">{tc("replyBy")}</th>
                <th className="whitespace-nowrap px-3 py-2">{tc("lastChange")}</th>
                <th className="px-3 py-2">{tc("liaison")}</th>
                {mayManage && <th className="px-3 py-2">{tc("actions")}</th>}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {units.map((u) => (
                <tr key={u.id} data-testid="unit-row" data-unit={u.organization}>
                  <td className="px-3 py-2 font-medium text-slate-900">
                    {u.organization}
                    {u.note ? <p className="text-xs font-normal text-slate-500">{u.note}</p> : null}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums" data-testid="unit-progress">
                    <span className={cn(u.filled >= u.quota ? "text-emerald-700" : "text-slate-700")}>
                      {u.filled}/{u.quota}
                    </span>
                    {u.releasedAt ? <p className="text-xs text-slate-500">{tc("released", { when: formatMoment(u.releasedAt, tz, locale) })}</p> : null}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2" data-testid="unit-status">
                    {ts(`delegationStatus.${u.status}`)}
                  </td>
                  <td className="px-3 py-2 text-xs">{formatMoment(u.replyBy, tz, locale)}</td>
                  <td className="px-3 py-2 text-xs">{u.lastChangeAt ? formatMoment(u.lastChangeAt, tz, locale) : tc("never")}</td>
                  <td className="px-3 py-2 text-xs">
                    {u.liaison.name} · {u.liaison.phone}
                    {mayManage && (
                      <div>
                        <CopyLink url={u.replyUrl} />
                      </div>
                    )}
                  </td>
                  {mayManage && (
                    <td className="min-w-[18rem] px-3 py-2">
                      <UnitActions eventId={event.id} unit={{ id: u.id, quota: u.quota, status: u.status, released: u.releasedAt != null, replyUrl: u.replyUrl, replyByLocal: dateToZoned(u.replyBy, tz) }} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
