"use client";
/** The detail drawer (Radix Dialog from the right): everything about one registration; organizers edit it here. */
import * as Dialog from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { updateRegistrationAction } from "@/app/admin/events/[slug]/registrations/actions";
import { Badge } from "@/components/ui/badge";
import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatTime } from "@/lib/i18n/format";
import type { RegistrationRow } from "@/lib/registrations/admin-queries";
import { CategoryOptions } from "@/components/console/category-options";
import { STATUS_TONE } from "./checkin-desk";

export type QuestionView = { id: string; label: string; kind: "text" | "choice" | "multi_choice"; options: string[]; required: boolean };

const input = "mt-1 w-full rounded-lg border border-slate-300 px-3 py-2 text-sm disabled:bg-slate-50 disabled:text-slate-600";

export function RegistrationDrawer({
  eventId,
  row,
  onClose,
  questions,
  segmentLabels,
  canManage,
  timezone,
  locale,
  onSaved,
}: {
  eventId: string;
  row: RegistrationRow | null;
  onClose: () => void;
  questions: QuestionView[];
  segmentLabels: Record<string, string>;
  canManage: boolean;
  timezone: string;
  locale: Locale;
  onSaved: (text: string) => void;
}) {
  const t = useTranslations("console");
  const ts = useTranslations("shared");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const save = (fd: FormData) =>
    start(async () => {
      if (!row) return;
      const answers: Record<string, string | string[]> = {};
      for (const q of questions) {
        const vals = fd.getAll(`answer.${q.id}`).map(String).filter(Boolean);
        if (vals.length) answers[q.id] = q.kind === "multi_choice" ? vals : vals[0];
      }
      const o: Record<string, unknown> = { eventId, registrationId: row.id, answers };
      for (const k of ["fullName", "email", "phone", "organization", "position", "category", "needs", "notes"]) o[k] = fd.get(k) ?? "";
      o.siteVisit = fd.get("siteVisit") === "on";
      const r = await updateRegistrationAction(o);
      if (r.ok) {
        setErrors({});
        setError(null);
        onSaved(t("saved"));
      } else {
        setErrors(r.fieldErrors ?? {});
        setError(r.error);
      }
    });

  const err = (k: string) => errors[k]?.map((m) => <p key={m} className="mt-1 text-xs text-red-600">{m}</p>);
  const field = (name: keyof RegistrationRow, label: string, type = "text") => (
    <label className="block text-sm">
      <span className="text-slate-600">{label}</span>
      <input name={name} type={type} defaultValue={(row?.[name] as string | null) ?? ""} disabled={!canManage} className={input} />
      {err(name)}
    </label>
  );

  return (
    <Dialog.Root open={row !== null} onOpenChange={(o) => !o && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/30" />
        <Dialog.Content
          data-testid="registration-drawer"
          className="fixed inset-y-0 right-0 z-50 flex w-full max-w-lg flex-col bg-white shadow-2xl focus:outline-none"
          aria-describedby={undefined}
        >
          {row && (
            <>
              <div className="flex items-start justify-between gap-3 border-b border-slate-200 px-5 py-4">
                <div>
                  <Dialog.Title className="text-lg font-semibold text-slate-900">{row.fullName}</Dialog.Title>
                  <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
                    <Badge tone={STATUS_TONE[row.status]}>{ts(`registrationStatus.${row.status}`)}</Badge>
                    <span>
                      {t("registrations.source")}: {ts(`registrationSource.${row.source}`)}
                    </span>
                    <span>
                      {t("registrations.registeredAt")}: {formatDate(new Date(row.createdAt), timezone, locale)} {formatTime(new Date(row.createdAt), timezone, locale)}
                    </span>
                  </div>
                </div>
                <Dialog.Close className="rounded-lg px-2 py-1 text-slate-500 hover:bg-slate-100" aria-label={t("close")}>
                  ✕
                </Dialog.Close>
              </div>
              <form action={save} className="flex-1 space-y-3 overflow-y-auto px-5 py-4" key={row.id}>
                {error && <p className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p>}
                <div className="grid gap-3 sm:grid-cols-2">
                  {field("fullName", t("registrations.fullName"))}
                  {field("email", t("registrations.email"), "email")}
                  {field("phone", t("registrations.phone"), "tel")}
                  <label className="block text-sm">
                    <span className="text-slate-600">{t("registrations.category")}</span>
                    <select name="category" defaultValue={row.category} disabled={!canManage} className={input}>
                      <CategoryOptions />
                    </select>
                  </label>
                  {field("organization", t("registrations.organization"))}
                  {field("position", t("registrations.position"))}
                </div>
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="siteVisit" defaultChecked={row.siteVisit} disabled={!canManage} />
                  {t("registrations.siteVisit")}
                  {row.busName && <span className="text-slate-500">· {row.busName}</span>}
                </label>
                <label className="block text-sm">
                  <span className="text-slate-600">{t("registrations.needs")}</span>
                  <textarea name="needs" defaultValue={row.needs ?? ""} disabled={!canManage} rows={2} className={input} />
                </label>
                {questions.length > 0 && (
                  <fieldset className="rounded-lg border border-slate-200 p-3">
                    <legend className="px-1 text-sm font-semibold text-slate-700">{t("registrations.answers")}</legend>
                    <div className="space-y-3">
                      {questions.map((q) => {
                        const a = row.answers[q.id];
                        const vals = Array.isArray(a) ? a : a ? [a] : [];
                        return (
                          <div key={q.id} className="text-sm">
                            <div className="text-slate-600">
                              {q.label}
                              {q.required && <span className="text-red-600"> *</span>}
                            </div>
                            {q.kind === "text" && <input name={`answer.${q.id}`} defaultValue={vals.join(", ")} disabled={!canManage} className={input} />}
                            {q.kind === "choice" && (
                              <select name={`answer.${q.id}`} defaultValue={vals[0] ?? ""} disabled={!canManage} className={input}>
                                <option value="">—</option>
                                {q.options.map((o) => (
                                  <option key={o}>{o}</option>
                                ))}
                              </select>
                            )}
                            {q.kind === "multi_choice" && (
                              <div className="mt-1 flex flex-wrap gap-3">
                                {q.options.map((o) => (
                                  <label key={o} className="flex items-center gap-1">
                                    <input type="checkbox" name={`answer.${q.id}`} value={o} defaultChecked={vals.includes(o)} disabled={!canManage} />
                                    {o}
                                  </label>
                                ))}
                              </div>
                            )}
                            {err(`answers.${q.id}`)}
                          </div>
                        );
                      })}
                    </div>
                  </fieldset>
                )}
                <label className="block text-sm">
                  <span className="text-slate-600">{t("registrations.notes")}</span>
                  <textarea name="notes" defaultValue={row.notes ?? ""} disabled={!canManage} rows={2} className={input} />
                </label>
                <div className="rounded-lg bg-slate-50 p-3 text-sm">
                  <div className="font-semibold text-slate-700">{t("registrations.checkins")}</div>
                  {row.checkins.length === 0 ? (
                    <p className="text-slate-500">{t("registrations.notCheckedIn")}</p>
                  ) : (
                    <ul className="mt-1 space-y-0.5">
                      {row.checkins.map((c) => (
                        <li key={c.segment}>
                          {segmentLabels[c.segment] ?? c.segment} · {formatTime(new Date(c.checkedInAt), timezone, locale)}
                          {c.byName ? ` · ${t("checkin.by", { by: c.byName })}` : ""}
                        </li>
                      ))}
                    </ul>
                  )}
                  <div className="mt-2 text-slate-600">
                    {t("registrations.ticket")}:{" "}
                    <code className="select-all break-all font-mono text-xs text-slate-800" data-testid="drawer-ticket">
                      {row.ticketCode}
                    </code>
                  </div>
                </div>
                {canManage && (
                  <div className="sticky bottom-0 flex justify-end gap-2 bg-white pt-2">
                    <Dialog.Close className="rounded-lg border border-slate-300 px-4 py-2 text-sm text-slate-700 hover:bg-slate-100">{t("close")}</Dialog.Close>
                    <button type="submit" disabled={pending} className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-900 disabled:opacity-50" data-testid="drawer-save">
                      {t("save")}
                    </button>
                  </div>
                )}
              </form>
            </>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
