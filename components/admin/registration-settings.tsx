"use client";
/** Registration window, capacity, approval, waitlist; and the extra questions of the registration form. */
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { saveQuestionsAction, saveRegistrationSettingsAction } from "@/lib/events/actions";
import { cn } from "@/lib/cn";
import { btn, inputCls } from "@/components/ui/button";
import { CheckField, TextField } from "@/components/ui/field";
import { formObject, SubmitButton } from "@/components/ui/form";
import { useAct } from "./use-action";
import { QUESTION_KINDS } from "@/lib/shared/enums";

export type SettingsValues = { capacity: string; opensAt: string; closesAt: string; requiresApproval: boolean; waitlistEnabled: boolean; timezone: string };

export function RegistrationSettingsForm({ eventId, initial }: { eventId: string; initial: SettingsValues }) {
  const t = useTranslations("admin.settings");
  const tf = useTranslations("admin.form");
  const tt = useTranslations("admin.toast");
  const { act, pending, err } = useAct();
  return (
    <form
      data-testid="registration-settings"
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const data = formObject(e.currentTarget);
        void act(() => saveRegistrationSettingsAction({ ...data, eventId }), { success: tt("saved") });
      }}
    >
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label={t("capacity")} name="capacity" type="number" min={0} inputMode="numeric" defaultValue={initial.capacity} error={err("capacity")} hint={t("capacityHint")} />
        <TextField label={t("opensAt")} name="registrationOpensAt" type="datetime-local" defaultValue={initial.opensAt} error={err("registrationOpensAt")} />
        <TextField label={t("closesAt")} name="registrationClosesAt" type="datetime-local" defaultValue={initial.closesAt} error={err("registrationClosesAt")} />
      </div>
      <p className="text-xs text-slate-500">{tf("timesInZone", { tz: initial.timezone })}</p>
      <div className="flex flex-col gap-3 sm:flex-row sm:gap-8">
        <CheckField label={t("requiresApproval")} name="requiresApproval" defaultChecked={initial.requiresApproval} />
        <CheckField label={t("waitlistEnabled")} name="waitlistEnabled" defaultChecked={initial.waitlistEnabled} />
      </div>
      <div className="flex justify-end">
        <SubmitButton busy={pending} testId="settings-save">
          {t("save")}
        </SubmitButton>
      </div>
    </form>
  );
}

type Kind = "text" | "choice" | "multi_choice";
export type QuestionRow = { key: string; id: string | null; label: string; labelEn: string; kind: Kind; options: string; required: boolean };

export function QuestionsEditor({ eventId, initial }: { eventId: string; initial: QuestionRow[] }) {
  const t = useTranslations("admin.settings");
  const tq = useTranslations("shared");
  const tt = useTranslations("admin.toast");
  const { act, pending, err } = useAct();
  const [rows, setRows] = useState<QuestionRow[]>(initial);
  const keys = useRef(0);
  const set = (i: number, patch: Partial<QuestionRow>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div className="space-y-3" data-testid="questions-editor">
      {rows.length === 0 ? <p className="text-sm text-slate-500">{t("noQuestions")}</p> : null}
      {rows.map((r, i) => (
        <fieldset key={r.key} className="space-y-3 rounded-lg border border-slate-200 p-3" data-testid="question-row">
          <div className="grid gap-3 sm:grid-cols-[1fr_1fr_10rem]">
            <label className="text-sm">
              <span className="font-medium text-slate-700">{t("label")}</span>
              <input className={cn(inputCls, "mt-1")} value={r.label} onChange={(e) => set(i, { label: e.target.value })} aria-invalid={err(`questions.${i}.label`) ? true : undefined} />
              {err(`questions.${i}.label`) ? <span className="text-xs text-red-600">{err(`questions.${i}.label`)}</span> : null}
            </label>
            <label className="text-sm">
              <span className="font-medium text-slate-700">{t("labelEn")}</span>
              <input className={cn(inputCls, "mt-1")} value={r.labelEn} onChange={(e) => set(i, { labelEn: e.target.value })} />
            </label>
            <label className="text-sm">
              <span className="font-medium text-slate-700">{t("kind")}</span>
              <select className={cn(inputCls, "mt-1")} value={r.kind} onChange={(e) => set(i, { kind: e.target.value as Kind })}>
                {QUESTION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {tq(`questionKind.${k}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {r.kind !== "text" ? (
            <label className="block text-sm">
              <span className="font-medium text-slate-700">{t("options")}</span>
              <textarea className={cn(inputCls, "mt-1")} rows={3} value={r.options} onChange={(e) => set(i, { options: e.target.value })} />
              <span className={cn("text-xs", err(`questions.${i}.options`) ? "text-red-600" : "text-slate-500")}>{err(`questions.${i}.options`) ?? t("optionsHint")}</span>
            </label>
          ) : null}
          <div className="flex items-center justify-between">
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={r.required} onChange={(e) => set(i, { required: e.target.checked })} />
              {t("required")}
            </label>
            <button type="button" className={btn.danger} onClick={() => setRows(rows.filter((_, j) => j !== i))}>
              {t("remove")}
            </button>
          </div>
        </fieldset>
      ))}
      <div className="flex flex-wrap justify-between gap-2">
        <button type="button" className={btn.secondary} onClick={() => setRows([...rows, { key: `n${++keys.current}`, id: null, label: "", labelEn: "", kind: "text", options: "", required: false }])}>
          + {t("addQuestion")}
        </button>
        <button
          type="button"
          className={btn.primary}
          disabled={pending}
          onClick={() =>
            act(
              () =>
                saveQuestionsAction({
                  eventId,
                  questions: rows.map((r) => ({
                    id: r.id,
                    label: r.label,
                    labelEn: r.labelEn,
                    kind: r.kind,
                    options: r.options
                      .split("\n")
                      .map((s) => s.trim())
                      .filter(Boolean),
                    required: r.required,
                  })),
                }),
              { success: tt("saved") },
            )
          }
        >
          {t("saveQuestions")}
        </button>
      </div>
    </div>
  );
}
