"use client";
/**
 * The registrations table: rows come filtered, sorted and paginated from the server (URL search params); here
 * only selection, bulk actions (status, bus) and the detail drawer live. Outcomes show as a toast-like notice.
 * On a computer: the full console width, a column chooser (remembered in this browser) and the name column stuck
 * to the left while the rest scrolls. On a phone (< md): one card per registration, name and status on top.
 */
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import * as Menu from "@radix-ui/react-dropdown-menu";
import { Fragment, useState, useSyncExternalStore, useTransition } from "react";
import { assignBusAction, changeStatusAction } from "@/lib/registrations/actions";
import { Badge } from "@/components/ui/badge";
import { btn } from "@/components/ui/button";
import { Check, ChevronDown } from "@/components/ui/icons";
import { ConfirmDialog } from "@/components/ui/dialog";
import { cn } from "@/lib/cn";
import type { Locale } from "@/lib/i18n/config";
import { dateFormat, formatTime } from "@/lib/i18n/format";
import type { RegistrationRow } from "@/lib/registrations/admin-queries";
import { STATUS_ACTIONS, type StatusAction } from "@/lib/registrations/admin-validation";
import { STATUS_TONE } from "./checkin-desk";
import { RegistrationDrawer, type QuestionView } from "./registration-drawer";

export type BusView = { id: string; name: string; seats: number; taken: number };
type SortCol = "fullName" | "organization" | "category" | "status" | "createdAt";

/** The optional columns, in table order; the name column is always there. */
const COLUMNS = ["organization", "email", "phone", "category", "status", "siteVisit", "bus", "checkins", "source", "registeredAt"] as const;
type Column = (typeof COLUMNS)[number];
const DEFAULT_COLUMNS: readonly Column[] = ["organization", "category", "status", "bus", "checkins", "registeredAt"];

/** The chosen columns, kept in localStorage (per browser, all forums), shared by every table on the page. */
const STORE_KEY = "huiwu.registrations.columns";
const listeners = new Set<() => void>();
let cached: { raw: string | null; cols: readonly Column[] } | null = null;
function readColumns(): readonly Column[] {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(STORE_KEY);
  } catch {
    /* storage blocked: defaults */
  }
  if (cached && cached.raw === raw) return cached.cols;
  let cols = DEFAULT_COLUMNS;
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (Array.isArray(parsed)) cols = COLUMNS.filter((c) => parsed.includes(c));
  } catch {
    /* malformed: defaults */
  }
  cached = { raw, cols };
  return cols;
}
function writeColumns(cols: readonly Column[]) {
  try {
    window.localStorage.setItem(STORE_KEY, JSON.stringify(cols));
  } catch {
    /* storage blocked: this page only */
    cached = { raw: JSON.stringify(cols), cols };
  }
  listeners.forEach((l) => l());
}
function useColumns(): [readonly Column[], (cols: readonly Column[]) => void] {
  const cols = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    readColumns,
    () => DEFAULT_COLUMNS,
  );
  return [cols, writeColumns];
}

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
    dateFormat(locale === "en" ? "en-GB" : "zh-CN", { timeZone: timezone, month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(d));

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

  const [columns, setColumns] = useColumns();
  const shown = (c: Column) => columns.includes(c);
  const SORTABLE: Partial<Record<Column, SortCol>> = { organization: "organization", category: "category", status: "status", registeredAt: "createdAt" };
  const label: Record<Column, string> = {
    organization: t("registrations.col.organization"),
    email: t("export.col.email"),
    phone: t("export.col.phone"),
    category: t("registrations.col.category"),
    status: t("registrations.col.status"),
    siteVisit: t("export.col.siteVisit"),
    bus: t("registrations.col.bus"),
    checkins: t("registrations.col.checkins"),
    source: t("export.col.source"),
    registeredAt: t("registrations.col.registeredAt"),
  };
  const checkinList = (r: RegistrationRow) =>
    r.checkins.length === 0 ? (
      <span className="text-slate-500">—</span>
    ) : (
      r.checkins.map((c) => (
        <div key={c.segment} className="whitespace-nowrap">
          <span className="text-emerald-600">✓</span> {segmentLabels[c.segment] ?? c.segment} {formatTime(new Date(c.checkedInAt), timezone, locale)}
        </div>
      ))
    );
  const none = <span className="text-slate-500">—</span>;
  const cell: Record<Column, (r: RegistrationRow) => React.ReactNode> = {
    organization: (r) => (
      <td className="max-w-[16rem] px-3 py-2">
        <div className="truncate">{r.organization ?? "—"}</div>
        {r.position && <div className="truncate text-xs text-slate-500">{r.position}</div>}
      </td>
    ),
    email: (r) => <td className="whitespace-nowrap px-3 py-2 text-slate-600">{r.email ?? none}</td>,
    phone: (r) => <td className="whitespace-nowrap px-3 py-2 tabular-nums text-slate-600">{r.phone ?? none}</td>,
    category: (r) => <td className="whitespace-nowrap px-3 py-2">{ts(`category.${r.category}`)}</td>,
    status: (r) => (
      <td className="whitespace-nowrap px-3 py-2">
        <Badge tone={STATUS_TONE[r.status]}>{ts(`registrationStatus.${r.status}`)}</Badge>
      </td>
    ),
    siteVisit: (r) => <td className="whitespace-nowrap px-3 py-2">{r.siteVisit ? t("yes") : none}</td>,
    bus: (r) => <td className="whitespace-nowrap px-3 py-2">{r.busName ?? none}</td>,
    checkins: (r) => <td className="px-3 py-2 text-xs text-slate-600">{checkinList(r)}</td>,
    source: (r) => <td className="whitespace-nowrap px-3 py-2 text-slate-600">{ts(`registrationSource.${r.source}`)}</td>,
    registeredAt: (r) => <td className="whitespace-nowrap px-3 py-2 tabular-nums text-slate-600">{date(r.createdAt)}</td>,
  };
  // the name column sticks to the left edge (after the selection box) while the other columns scroll under it
  const stickyName = cn("sticky z-[1] bg-inherit shadow-[1px_0_0_var(--color-slate-200)]", canManage ? "left-10" : "left-0");

  const th = (col: SortCol, text: string, className?: string) => (
    <th scope="col" className={cn("px-3 py-2 text-left font-medium", className)} aria-sort={sort.col === col ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}>
      <a href={sortLinks[col]} className="inline-flex items-center gap-1 whitespace-nowrap hover:text-brand-700" title={t("registrations.sortBy", { column: text })}>
        {text}
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

      <div className="mb-2 hidden justify-end md:flex">
        <Menu.Root modal={false}>
          <Menu.Trigger className={cn(btn.secondary, "py-1.5")} data-testid="column-chooser">
            {t("registrations.columns", { n: columns.length + 1 })}
            <ChevronDown aria-hidden className="h-4 w-4" />
          </Menu.Trigger>
          <Menu.Portal>
            <Menu.Content align="end" sideOffset={6} className="z-50 w-56 rounded-xl border border-slate-200 bg-white p-1.5 shadow-lg" data-testid="column-menu">
              <Menu.Label className="px-3 py-1.5 text-xs text-slate-500">{t("registrations.columnsHint")}</Menu.Label>
              {COLUMNS.map((c) => (
                <Menu.CheckboxItem
                  key={c}
                  checked={shown(c)}
                  onCheckedChange={(on) => setColumns(on ? COLUMNS.filter((x) => x === c || shown(x)) : columns.filter((x) => x !== c))}
                  onSelect={(e) => e.preventDefault()}
                  className="flex cursor-pointer select-none items-center gap-2 rounded-md px-3 py-2 text-sm text-slate-700 outline-none data-[highlighted]:bg-brand-50"
                  data-testid={`column-${c}`}
                >
                  <span className="flex h-4 w-4 items-center justify-center rounded border border-slate-300">
                    <Menu.ItemIndicator>
                      <Check aria-hidden className="h-3.5 w-3.5 text-brand-700" />
                    </Menu.ItemIndicator>
                  </span>
                  {label[c]}
                </Menu.CheckboxItem>
              ))}
              <Menu.Separator className="my-1 h-px bg-slate-100" />
              <Menu.Item className="cursor-pointer rounded-md px-3 py-2 text-sm text-brand-700 outline-none data-[highlighted]:bg-brand-50" onSelect={() => setColumns(DEFAULT_COLUMNS)} data-testid="columns-reset">
                {t("registrations.columnsReset")}
              </Menu.Item>
            </Menu.Content>
          </Menu.Portal>
        </Menu.Root>
      </div>

      <div className="hidden overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm md:block" data-testid="registrations-scroll">
        <table className="w-full text-sm" data-testid="registrations-table">
          <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
            <tr>
              {canManage && (
                <th scope="col" className="sticky left-0 z-[1] w-10 bg-slate-50 px-3 py-2">
                  <input
                    type="checkbox"
                    aria-label={t("registrations.selectPage")}
                    checked={allOnPage}
                    onChange={() => setSelected(allOnPage ? new Set() : new Set(rows.map((r) => r.id)))}
                    data-testid="select-page"
                  />
                </th>
              )}
              {th("fullName", t("registrations.col.name"), cn(stickyName, "bg-slate-50"))}
              {COLUMNS.filter(shown).map((c) =>
                SORTABLE[c] ? (
                  <Fragment key={c}>{th(SORTABLE[c], label[c])}</Fragment>
                ) : (
                  <th key={c} scope="col" className="whitespace-nowrap px-3 py-2 text-left font-medium">
                    {label[c]}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.length === 0 && (
              <tr>
                <td colSpan={columns.length + 2} className="px-3 py-8 text-center text-slate-500">
                  {t("registrations.empty")}
                </td>
              </tr>
            )}
            {rows.map((r) => (
              <tr
                key={r.id}
                className={cn("bg-white hover:bg-slate-50", selected.has(r.id) && "bg-brand-50 hover:bg-brand-50")}
                data-testid="registration-row"
                data-status={r.status}
                data-checkins={r.checkins.map((c) => c.segment).join(",")}
              >
                {canManage && (
                  <td className="sticky left-0 z-[1] bg-inherit px-3 py-2">
                    <input type="checkbox" aria-label={`${t("registrations.select")} ${r.fullName}`} checked={selected.has(r.id)} onChange={() => toggle(r.id)} />
                  </td>
                )}
                <td className={cn("px-3 py-2", stickyName)}>
                  <button type="button" onClick={() => setOpen(r)} className="whitespace-nowrap text-left font-medium text-brand-700 hover:underline" data-testid="open-registration" aria-label={t("registrations.open", { name: r.fullName })}>
                    {r.fullName}
                  </button>
                </td>
                {COLUMNS.filter(shown).map((c) => (
                  <Fragment key={c}>{cell[c](r)}</Fragment>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {/* a phone: one card per registration, the status always visible */}
      <ul className="space-y-2 md:hidden" data-testid="registration-cards">
        {rows.length === 0 && <li className="rounded-xl border border-slate-200 bg-white px-4 py-8 text-center text-sm text-slate-500">{t("registrations.empty")}</li>}
        {rows.map((r) => (
          <li
            key={r.id}
            className={cn("flex gap-3 rounded-xl border bg-white p-3 shadow-sm", selected.has(r.id) ? "border-brand-300 bg-brand-50" : "border-slate-200")}
            data-testid="registration-card"
            data-status={r.status}
            data-checkins={r.checkins.map((c) => c.segment).join(",")}
          >
            {canManage && (
              <input type="checkbox" className="mt-1 h-4 w-4 shrink-0" aria-label={`${t("registrations.select")} ${r.fullName}`} checked={selected.has(r.id)} onChange={() => toggle(r.id)} />
            )}
            <div className="min-w-0 flex-1">
              <div className="flex items-start justify-between gap-2">
                <button type="button" onClick={() => setOpen(r)} className="min-w-0 break-words text-left font-semibold text-brand-700 hover:underline" aria-label={t("registrations.open", { name: r.fullName })} data-testid="open-registration-card">
                  {r.fullName}
                </button>
                <Badge tone={STATUS_TONE[r.status]} className="shrink-0" data-testid="card-status">
                  {ts(`registrationStatus.${r.status}`)}
                </Badge>
              </div>
              {r.organization || r.position ? <p className="mt-0.5 break-words text-sm text-slate-600">{[r.organization, r.position].filter(Boolean).join(" · ")}</p> : null}
              <p className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-slate-500">
                <span>{ts(`category.${r.category}`)}</span>
                {r.busName ? <span>{r.busName}</span> : null}
                {r.phone ? <span className="tabular-nums">{r.phone}</span> : null}
                <span className="tabular-nums">{date(r.createdAt)}</span>
              </p>
              {r.checkins.length ? <div className="mt-1 text-xs text-slate-600">{checkinList(r)}</div> : null}
            </div>
          </li>
        ))}
      </ul>

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
