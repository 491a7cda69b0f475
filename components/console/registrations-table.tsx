"use client";
/**
 * The registrations table: rows come filtered, sorted and paginated from the server (URL search params); here
 * only selection, bulk actions (status, bus) and the detail drawer live. Outcomes show as a toast-like notice.
 */
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { assignBusAction, changeStatusAction } from "@/lib/registrations/actions";
import { Badge } from "@/components/ui/badge";
import { ConfirmDialog } from "@/components/ui/dialog";
import { cn } from "@/lib/cn";
import type { Locale } from "@/lib/i18n/config";
import { formatTime } from "@/lib/i18n/format";
import type { RegistrationRow } from "@/lib/registrations/admin-queries";
import { STATUS_ACTIONS, type StatusAction } from "@/lib/registrations/admin-validation";
import { STATUS_TONE } from "./checkin-desk";
import { RegistrationDrawer, type QuestionView } from "./registration-drawer";

export type BusView = { id: string; name: string; seats: number; taken: number };
type SortCol = "fullName" | "organization" | "category" | "status" | "createdAt";

export function RegistrationsTable({
  eventId,
  rows,
  buses,
  questions,
  segmentLabels,
  canManage,
  timezone,
  locale,
  sortLinks,
  sort,
}: {
  eventId: string;
  rows: RegistrationRow[];
  buses: BusView[];
  questions: QuestionView[];
  segmentLabels: Record<string, string>;
  canManage: boolean;
  timezone: string;
  locale: Locale;
  sortLinks: Record<SortCol, string>;
  sort: { col: string; dir: string };
}) {
  const t = useTranslations("console");
  const ts = useTranslations("shared");
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<RegistrationRow | null>(null);
  const [notice, setNotice] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [busId, setBusId] = useState("");
  const [pending, start] = useTransition();
  const ids = [...selected].filter((id) => rows.some((r) => r.id === id));
  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const date = (d: Date) =>
    new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", { timeZone: timezone, month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(d));

  const toggle = (id: string) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  const afterStatus = (action: StatusAction) => async (fd: FormData) => {
    const r = await changeStatusAction({ eventId, action, registrationIds: ids, ...Object.fromEntries(fd) });
    if (r.ok && r.data) {
      const text = t("registrations.changed", { changed: r.data.changed, skipped: r.data.skipped + r.data.notFound }) + (r.data.promoted ? ` · ${t("registrations.promoted", { n: r.data.promoted })}` : "");
      setNotice({ tone: "ok", text });
      setSelected(new Set());
      router.refresh();
    } else if (!r.ok) setNotice({ tone: "error", text: r.error });
    return r;
  };

  const assign = (target: string) =>
    start(async () => {
      const r = await assignBusAction({ eventId, registrationIds: ids, busId: target });
      if (r.ok && r.data) {
        setNotice({ tone: "ok", text: t("buses.assigned", { n: r.data.assigned }) });
        setSelected(new Set());
        router.refresh();
      } else if (!r.ok) setNotice({ tone: "error", text: r.error });
    });

  const th = (col: SortCol, label: string) => (
    <th scope="col" className="px-3 py-2 text-left font-medium" aria-sort={sort.col === col ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}>
      <a href={sortLinks[col]} className="inline-flex items-center gap-1 hover:text-brand-700" title={t("registrations.sortBy", { column: label })}>
        {label}
        {sort.col === col && <span aria-hidden>{sort.dir === "asc" ? "▲" : "▼"}</span>}
      </a>
    </th>
  );

  return (
    <div className="mt-4">
      {notice && (
        <p
          role="status"
          data-testid="registrations-notice"
          className={cn("mb-3 rounded-lg px-4 py-2 text-sm", notice.tone === "ok" ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-700")}
        >
          {notice.text}
        </p>
      )}
      {canManage && ids.length > 0 && (
        <div className="sticky top-0 z-10 mb-3 flex flex-wrap items-center gap-2 rounded-xl border border-brand-100 bg-brand-50 px-3 py-2 text-sm shadow-sm" data-testid="bulk-bar">
          <span className="font-semibold text-brand-900">{t("registrations.selected", { n: ids.length })}</span>
          {STATUS_ACTIONS.map((a) => (
            <ConfirmDialog
              key={a}
              trigger={
                <button type="button" className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100" data-testid={`bulk-${a}`}>
                  {t(`registrations.action.${a}`)}
                </button>
              }
              title={t("registrations.confirmTitle", { action: t(`registrations.action.${a}`) })}
              body={t("registrations.confirmBody", { n: ids.length, action: t(`registrations.action.${a}`) })}
              confirmLabel={t(`registrations.action.${a}`)}
              cancelLabel={t("cancel")}
              tone={a === "cancel" || a === "reject" ? "danger" : "primary"}
              action={afterStatus(a)}
              fields={{}}
              testId={`confirm-${a}`}
            />
          ))}
          {buses.length > 0 && (
            <span className="flex items-center gap-1">
              <select value={busId} onChange={(e) => setBusId(e.target.value)} aria-label={t("buses.assignTo")} className="rounded-lg border border-slate-300 bg-white px-2 py-1.5">
                <option value="">{t("buses.assignTo")}</option>
                {buses.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name} ({t("buses.seats", { taken: b.taken, seats: b.seats })})
                  </option>
                ))}
                <option value="none">{t("buses.unassign")}</option>
              </select>
              <button type="button" disabled={!busId || pending} onClick={() => assign(busId)} className="rounded-lg bg-brand-700 px-3 py-1.5 font-semibold text-white disabled:opacity-40">
                {t("buses.assign")}
              </button>
            </span>
          )}
          <button type="button" onClick={() => setSelected(new Set())} className="ml-auto text-slate-600 hover:underline">
            {t("registrations.clearSelection")}
          </button>
        </div>
      )}

      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
        <table className="w-full min-w-[44rem] text-sm" data-testid="registrations-table">
          <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
            <tr>
              {canManage && (
                <th scope="col" className="w-10 px-3 py-2">
                  <input
                    type="checkbox"
                    aria-label={t("registrations.selectPage")}
                    checked={allOnPage}
                    onChange={() => setSelected(allOnPage ? new Set() : new Set(rows.map((r) => r.id)))}
                    data-testid="select-page"
                  />
                </th>
              )}
              {th("fullName", t("registrations.col.name"))}
              {th("organization", t("registrations.col.organization"))}
              {th("category", t("registrations.col.category"))}
              {th("status", t("registrations.col.status"))}
              <th scope="col" className="px-3 py-2 text-left font-medium">
                {t("registrations.col.bus")}
              </th>
              <th scope="col" className="px-3 py-2 text-left font-medium">
                {t("registrations.col.checkins")}
              </th>
              {th("createdAt", t("registrations.col.registeredAt"))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.length === 0 && (
              <tr>
                <td colSpan={8} className="px-3 py-8 text-center text-slate-500">
                  {t("registrations.empty")}
                </td>
              </tr>
            )}
            {rows.map((r) => (
              <tr key={r.id} className={cn("hover:bg-slate-50", selected.has(r.id) && "bg-brand-50/60")} data-testid="registration-row" data-status={r.status} data-checkins={r.checkins.map((c) => c.segment).join(",")}>
                {canManage && (
                  <td className="px-3 py-2">
                    <input type="checkbox" aria-label={`${t("registrations.select")} ${r.fullName}`} checked={selected.has(r.id)} onChange={() => toggle(r.id)} />
                  </td>
                )}
                <td className="px-3 py-2">
                  <button type="button" onClick={() => setOpen(r)} className="text-left font-medium text-brand-700 hover:underline" data-testid="open-registration" aria-label={t("registrations.open", { name: r.fullName })}>
                    {r.fullName}
                  </button>
                  {r.email && <div className="whitespace-nowrap text-xs text-slate-500">{r.email}</div>}
                </td>
                <td className="max-w-[16rem] px-3 py-2">
                  <div className="truncate">{r.organization ?? "—"}</div>
                  {r.position && <div className="truncate text-xs text-slate-500">{r.position}</div>}
                </td>
                <td className="whitespace-nowrap px-3 py-2">{ts(`category.${r.category}`)}</td>
                <td className="whitespace-nowrap px-3 py-2">
                  <Badge tone={STATUS_TONE[r.status]}>{ts(`registrationStatus.${r.status}`)}</Badge>
                </td>
                <td className="whitespace-nowrap px-3 py-2">{r.busName ?? <span className="text-slate-400">—</span>}</td>
                <td className="px-3 py-2 text-xs text-slate-600">
                  {r.checkins.length === 0 ? (
                    <span className="text-slate-400">—</span>
                  ) : (
                    r.checkins.map((c) => (
                      <div key={c.segment} className="whitespace-nowrap">
                        <span className="text-emerald-600">✓</span> {segmentLabels[c.segment] ?? c.segment} {formatTime(new Date(c.checkedInAt), timezone, locale)}
                      </div>
                    ))
                  )}
                </td>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums text-slate-600">{date(r.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <RegistrationDrawer
        eventId={eventId}
        row={open}
        onClose={() => setOpen(null)}
        questions={questions}
        segmentLabels={segmentLabels}
        canManage={canManage}
        timezone={timezone}
        locale={locale}
        onSaved={(text) => {
          setNotice({ tone: "ok", text });
          setOpen(null);
          router.refresh();
        }}
      />
    </div>
  );
}
