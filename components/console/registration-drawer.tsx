"use client";
/** The detail drawer (the kit's Dialog as a panel from the right): everything about one registration; organizers edit it here. */
import { useTranslations } from "next-intl";
import { updateRegistrationAction } from "@/lib/registrations/actions";
import { CategoryOptions } from "@/components/console/category-options";
import { Badge } from "@/components/ui/badge";
import { inputCls } from "@/components/ui/button";
import { Dialog, DialogFormActions } from "@/components/ui/dialog";
import { CheckField, Field, Select, TextAreaField, TextField } from "@/components/ui/field";
import { FormAlert, useActionForm } from "@/components/ui/form";
import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatTime } from "@/lib/i18n/format";
import type { RegistrationRow } from "@/lib/registrations/admin-queries";
import { STATUS_TONE } from "./checkin-desk";

export type QuestionView = { id: string; label: string; kind: "text" | "choice" | "multi_choice"; options: string[]; required: boolean };

const input = `mt-1 ${inputCls}`;

export function RegistrationDrawer({
  row,
  onClose,
  ...form
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
  return (
    <Dialog
      open={row !== null}
      onOpenChange={(o) => !o && onClose()}
      variant="drawer"
      testId="registration-drawer"
      title={row?.fullName ?? ""}
      header={
        row ? (
          <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
            <Badge tone={STATUS_TONE[row.status]}>{ts(`registrationStatus.${row.status}`)}</Badge>
            <span>
              {t("registrations.source")}: {ts(`registrationSource.${row.source}`)}
            </span>
            <span>
              {t("registrations.registeredAt")}: {formatDate(new Date(row.createdAt), form.timezone, form.locale)} {formatTime(new Date(row.createdAt), form.timezone, form.locale)}
            </span>
          </div>
        ) : null
      }
    >
      {row ? <DrawerForm key={row.id} {...form} row={row} /> : null}
    </Dialog>
  );
}

function DrawerForm({
  eventId,
  row,
  questions,
  segmentLabels,
  canManage,
  timezone,
  locale,
  onSaved,
}: Omit<React.ComponentProps<typeof RegistrationDrawer>, "row" | "onClose"> & { row: RegistrationRow }) {
  const t = useTranslations("console");
  const f = useActionForm(
    (fd: FormData) => {
      const answers: Record<string, string | string[]> = {};
      for (const q of questions) {
        const vals = fd.getAll(`answer.${q.id}`).map(String).filter(Boolean);
        if (vals.length) answers[q.id] = q.kind === "multi_choice" ? vals : vals[0];
      }
      const o: Record<string, unknown> = { eventId, registrationId: row.id, answers };
      for (const k of ["fullName", "email", "phone", "organization", "position", "category", "needs", "notes"]) o[k] = fd.get(k) ?? "";
      o.siteVisit = fd.get("siteVisit") === "on";
      return updateRegistrationAction(o);
    },
    { onOk: () => onSaved(t("saved")), refresh: false },
  );
  const text = (name: keyof RegistrationRow, label: string, type = "text") => (
    <TextField name={name} label={label} type={type} idPrefix="reg" defaultValue={(row[name] as string | null) ?? ""} disabled={!canManage} error={f.error(name)} />
  );
  return (
    <form action={f.formAction} className="space-y-3" noValidate>
      {f.formError ? <FormAlert>{f.formError}</FormAlert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        {text("fullName", t("registrations.fullName"))}
        {text("email", t("registrations.email"), "email")}
        {text("phone", t("registrations.phone"), "tel")}
        <Field name="category" idPrefix="reg" label={t("registrations.category")} error={f.error("category")}>
          <Select name="category" defaultValue={row.category} disabled={!canManage}>
            <CategoryOptions />
          </Select>
        </Field>
        {text("organization", t("registrations.organization"))}
        {text("position", t("registrations.position"))}
      </div>
      <CheckField
        name="siteVisit"
        idPrefix="reg"
        defaultChecked={row.siteVisit}
        disabled={!canManage}
        label={
          <>
            {t("registrations.siteVisit")}
            {row.busName && <span className="font-normal text-slate-500"> · {row.busName}</span>}
          </>
        }
      />
      <TextAreaField name="needs" idPrefix="reg" rows={2} label={t("registrations.needs")} defaultValue={row.needs ?? ""} disabled={!canManage} error={f.error("needs")} />
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
                  {f.error(`answers.${q.id}`) ? <p className="mt-1 text-sm text-red-600">{f.error(`answers.${q.id}`)}</p> : null}
                </div>
              );
            })}
          </div>
        </fieldset>
      )}
      <TextAreaField name="notes" idPrefix="reg" rows={2} label={t("registrations.notes")} defaultValue={row.notes ?? ""} disabled={!canManage} error={f.error("notes")} />
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
        <DialogFormActions closeLabel={t("close")} submitLabel={t("save")} submitTestId="drawer-save" className="sticky bottom-0 bg-white" />
      )}
    </form>
  );
}
