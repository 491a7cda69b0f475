"use client";
/**
 * The registration form (new or edit): delegate category, organization, position, phone, needs, site visit + bus,
 * the organizer's questions, and — for newcomers — name, email and password to create the account inline.
 * Everything typed is rendered back as text (React escapes it); errors come localized from the server.
 */
import Link from "next/link";
import { useActionState, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { inputCls } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormAlert, SubmitButton } from "@/components/ui/form";
import { cn } from "@/lib/cn";
import type { RegisterFormState } from "@/lib/registrations/actions";
import type { FormTrack } from "@/lib/registrations/session-choices";
import { DELEGATE_CATEGORIES, type QuestionKind } from "@/lib/shared/enums";

export type FormQuestion = { id: string; label: string; labelEn: string | null; kind: QuestionKind; options: string[]; required: boolean };
export type FormBus = { id: string; name: string; left: number };

export function RegisterForm({
  action,
  newcomer,
  signInHref,
  hasSiteVisit,
  buses,
  tracks = [],
  questions,
  defaults = {},
  submitLabel,
  hidden = {},
}: {
  action: (prev: RegisterFormState, fd: FormData) => Promise<RegisterFormState>;
  /** Fields the form carries for the action (which forum, which registration). */
  hidden?: Record<string, string>;
  newcomer: boolean;
  signInHref?: string;
  hasSiteVisit: boolean;
  buses: FormBus[];
  /** Parallel sessions: one radio group per time slot. */
  tracks?: FormTrack[][];
  questions: FormQuestion[];
  defaults?: Record<string, string | string[]>;
  submitLabel?: string;
}) {
  // Each answer remounts the fields (key = submission count), so React's post-action form reset shows what the
  // server sent back (the typed values) instead of the first render's defaults.
  const [state, formAction] = useActionState(async (prev: Counted, fd: FormData): Promise<Counted> => ({ ...(await action(prev, fd)), n: (prev?.n ?? 0) + 1 }) as Counted, null);
  const t = useTranslations("registration");
  return (
    <form action={formAction} className="space-y-6" noValidate data-testid="register-form">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state && !state.ok && <FormAlert>{state.error}</FormAlert>}
      {state?.ok && (
        <FormAlert tone="success" testId="form-saved">
          {t("saved")}
        </FormAlert>
      )}
      <Fields key={state?.n ?? 0} state={state} {...{ newcomer, signInHref, hasSiteVisit, buses, tracks, questions, defaults, submitLabel }} />
    </form>
  );
}

type Counted = (NonNullable<RegisterFormState> & { n: number }) | null;

function Fields({
  state,
  newcomer,
  signInHref,
  hasSiteVisit,
  buses,
  tracks,
  questions,
  defaults,
  submitLabel,
}: {
  state: Counted;
  newcomer: boolean;
  signInHref?: string;
  hasSiteVisit: boolean;
  buses: FormBus[];
  tracks: FormTrack[][];
  questions: FormQuestion[];
  defaults: Record<string, string | string[]>;
  submitLabel?: string;
}) {
  const t = useTranslations("registration");
  const ts = useTranslations("shared");
  const locale = useLocale();
  const values: Record<string, string | string[]> = state?.values ?? defaults;
  const [siteVisit, setSiteVisit] = useState(values.siteVisit === "on" || values.siteVisit === "true");
  const err = (name: string) => (state && !state.ok ? (state.fieldErrors?.[name]?.[0] ?? null) : null);
  const val = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");

  return (
    <>

      {newcomer && (
        <fieldset className="space-y-4 rounded-xl border border-brand-100 bg-brand-50/60 p-4">
          <legend className="px-1 text-sm font-semibold text-brand-900">{t("newcomer")}</legend>
          <TextField name="name" label={t("fields.name")} autoComplete="name" required defaultValue={val("name")} error={err("name")} maxLength={100} />
          <TextField name="email" type="email" label={t("fields.email")} autoComplete="email" required defaultValue={val("email")} error={err("email")} inputMode="email" />
          <TextField name="password" type="password" label={t("fields.password")} autoComplete="new-password" required error={err("password")} />
          {signInHref && (
            <p className="text-sm text-slate-600">
              {t("haveAccount")}{" "}
              <Link href={signInHref} className="font-medium text-brand-700 underline">
                {t("signInLink")}
              </Link>
            </p>
          )}
        </fieldset>
      )}

      <fieldset className="space-y-4">
        <legend className="sr-only">{t("you")}</legend>
        <div>
          <label htmlFor="f-category" className="block text-sm font-medium text-slate-700">
            {t("fields.category")}
          </label>
          <select id="f-category" name="category" defaultValue={val("category") || ""} required className={cn(inputCls, "mt-1")} aria-invalid={err("category") ? true : undefined}>
            <option value="" disabled>
              —
            </option>
            {DELEGATE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {ts(`category.${c}`)}
              </option>
            ))}
          </select>
          {err("category") && <p className="mt-1 text-sm text-red-600">{err("category")}</p>}
        </div>
        <TextField name="organization" label={t("fields.organization")} autoComplete="organization" required defaultValue={val("organization")} error={err("organization")} />
        <TextField name="position" label={t("fields.position")} autoComplete="organization-title" required defaultValue={val("position")} error={err("position")} />
        <TextField name="phone" type="tel" label={t("fields.phone")} autoComplete="tel" optional defaultValue={val("phone")} error={err("phone")} inputMode="tel" />
        <div>
          <label htmlFor="f-needs" className="flex items-baseline justify-between text-sm font-medium text-slate-700">
            <span>{t("fields.needs")}</span>
            <span className="text-xs font-normal text-slate-500">{t("fields.optional")}</span>
          </label>
          <textarea id="f-needs" name="needs" rows={2} defaultValue={val("needs")} className={cn(inputCls, "mt-1")} aria-invalid={err("needs") ? true : undefined} placeholder={t("fields.needsHint")} />
          {err("needs") && <p className="mt-1 text-sm text-red-600">{err("needs")}</p>}
        </div>
      </fieldset>

      {tracks.length > 0 && (
        <fieldset className="space-y-4" data-testid="tracks">
          <legend className="text-sm font-semibold text-slate-900">{t("tracks.title")}</legend>
          <p className="text-sm text-slate-600">{t("tracks.hint")}</p>
          <input type="hidden" name="tracks" value="1" />
          {err("sessions") && <p className="text-sm text-red-600">{err("sessions")}</p>}
          {tracks.map((group, gi) => (
            <div key={gi} role="radiogroup" aria-label={t("tracks.slot", { when: group[0]?.when ?? "" })} className="space-y-2 rounded-xl border border-slate-200 p-3">
              <p className="text-sm font-medium text-slate-700">{group[0]?.when}</p>
              {group.map((s) => {
                const full = s.left !== null && s.left <= 0 && val(`track.${gi}`) !== s.id;
                return (
                  <label key={s.id} className={cn("flex items-start gap-3 rounded-lg px-2 py-1.5", full ? "opacity-60" : "cursor-pointer hover:bg-slate-50")}>
                    <input type="radio" name={`track.${gi}`} value={s.id} defaultChecked={val(`track.${gi}`) === s.id} disabled={full} className="mt-1 h-4 w-4 accent-brand-700" data-testid="track-option" />
                    <span className="min-w-0">
                      <span className="block font-medium text-slate-900">{s.title}</span>
                      <span className="block text-xs text-slate-600">
                        {[s.room, s.left === null ? null : full ? t("tracks.full") : t("tracks.left", { n: s.left })].filter(Boolean).join(" · ")}
                      </span>
                    </span>
                  </label>
                );
              })}
              <label className="flex items-center gap-3 px-2 py-1 text-sm text-slate-600">
                <input type="radio" name={`track.${gi}`} value="" defaultChecked={!val(`track.${gi}`)} className="h-4 w-4" />
                {t("tracks.undecided")}
              </label>
            </div>
          ))}
        </fieldset>
      )}

      {hasSiteVisit && (
        <fieldset className="space-y-3 rounded-xl border border-teal-200 bg-teal-50/60 p-4">
          <legend className="sr-only">{t("fields.siteVisit")}</legend>
          <label className="flex items-start gap-3">
            <input type="checkbox" name="siteVisit" checked={siteVisit} onChange={(e) => setSiteVisit(e.target.checked)} className="mt-1 h-5 w-5 accent-teal-600" data-testid="site-visit" />
            <span>
              <span className="block font-medium text-slate-900">{t("fields.siteVisit")}</span>
              <span className="block text-sm text-slate-600">{t("fields.siteVisitHint")}</span>
            </span>
          </label>
          {siteVisit && buses.length > 0 && (
            <div>
              <label htmlFor="f-groupId" className="block text-sm font-medium text-slate-700">
                {t("fields.bus")}
              </label>
              <select id="f-groupId" name="groupId" defaultValue={val("groupId")} className={cn(inputCls, "mt-1")} aria-invalid={err("groupId") ? true : undefined}>
                <option value="">{t("fields.busAny")}</option>
                {buses.map((b) => (
                  <option key={b.id} value={b.id} disabled={b.left <= 0 && val("groupId") !== b.id}>
                    {b.left > 0 ? t("fields.busOption", { name: b.name, left: b.left }) : t("fields.busFull", { name: b.name })}
                  </option>
                ))}
              </select>
              {err("groupId") && <p className="mt-1 text-sm text-red-600">{err("groupId")}</p>}
            </div>
          )}
        </fieldset>
      )}

      {questions.length > 0 && (
        <fieldset className="space-y-4">
          <legend className="text-sm font-semibold text-slate-900">{t("questions")}</legend>
          {questions.map((q) => {
            const name = `answers.${q.id}`;
            const label = locale === "en" && q.labelEn ? q.labelEn : q.label;
            const current = values[name];
            if (q.kind === "text")
              return <TextField key={q.id} name={name} label={label} optional={!q.required} required={q.required} defaultValue={typeof current === "string" ? current : ""} error={err(name)} />;
            return (
              <fieldset key={q.id}>
                <legend className="flex w-full items-baseline justify-between text-sm font-medium text-slate-700">
                  <span>{label}</span>
                  {!q.required && <span className="text-xs font-normal text-slate-500">{t("fields.optional")}</span>}
                </legend>
                <div className="mt-1 flex flex-wrap gap-2">
                  {q.options.map((o) => {
                    const checked = Array.isArray(current) ? current.includes(o) : current === o;
                    return (
                      <label key={o} className="flex items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                        <input type={q.kind === "choice" ? "radio" : "checkbox"} name={q.kind === "choice" ? name : `${name}[]`} value={o} defaultChecked={checked} className="accent-brand-700" />
                        {o}
                      </label>
                    );
                  })}
                </div>
                {err(name) && <p className="mt-1 text-sm text-red-600">{err(name)}</p>}
              </fieldset>
            );
          })}
        </fieldset>
      )}

      <SubmitButton pendingLabel={t("submitting")} className="w-full py-3 text-base sm:w-auto" testId="register-submit">
        {submitLabel ?? t("submit")}
      </SubmitButton>
    </>
  );
}
