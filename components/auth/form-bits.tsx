"use client";
/** Small form pieces shared by the account forms: labelled inputs with their error, an alert, a submit button. */
import { useTranslations } from "next-intl";
import { useFormStatus } from "react-dom";
import { cn } from "@/lib/cn";
import { inputClass } from "./styles";

export { inputClass };

type FieldProps = React.InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  hint?: string;
  optional?: boolean;
  error?: string | null;
};

export function Field({ name, label, hint, optional, error, className, ...input }: FieldProps) {
  const t = useTranslations("auth.fields");
  const id = `f-${name}`;
  return (
    <div className={className}>
      <label htmlFor={id} className="flex items-baseline justify-between text-sm font-medium text-slate-700">
        <span>{label}</span>
        {optional ? <span className="text-xs font-normal text-slate-400">{t("optional")}</span> : null}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        className={cn(inputClass, "mt-1")}
        {...input}
      />
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-600" data-testid={`error-${name}`}>
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function FormAlert({ tone = "error", children, testId = "form-error" }: { tone?: "error" | "success"; children: React.ReactNode; testId?: string }) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      data-testid={testId}
      className={cn(
        "rounded-lg px-3 py-2.5 text-sm ring-1 ring-inset",
        tone === "error" ? "bg-red-50 text-red-700 ring-red-200" : "bg-emerald-50 text-emerald-800 ring-emerald-200",
      )}
    >
      {children}
    </div>
  );
}

export function SubmitButton({ children, pendingLabel, className, testId }: { children: React.ReactNode; pendingLabel?: string; className?: string; testId?: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      data-testid={testId}
      className={cn(
        "inline-flex items-center justify-center rounded-lg bg-brand-700 px-4 py-2.5 text-sm font-semibold text-white shadow-sm transition hover:bg-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-wait disabled:opacity-70",
        className,
      )}
    >
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}

/** The localised message for a failed account action (codes from ActionResult, field keys from zod paths). */
export function useAuthErrors() {
  const t = useTranslations("auth.errors");
  return {
    summary(state: { ok: boolean; code?: string; retryAfter?: number } | null): string | null {
      if (!state || state.ok) return null;
      switch (state.code) {
        case "unauthenticated":
          return t("badCredentials");
        case "forbidden":
          return t("disabled");
        case "rate_limited":
          return t("rateLimited", { minutes: Math.max(1, Math.ceil((state.retryAfter ?? 60) / 60)) });
        case "conflict":
          return t("emailTaken");
        case "invalid":
          return t("invalid");
        default:
          return t("generic");
      }
    },
    field(state: { ok: boolean; code?: string; fieldErrors?: Record<string, string[]> } | null, name: string): string | null {
      if (!state || state.ok || !state.fieldErrors?.[name]) return null;
      if (name === "email" && state.code === "conflict") return t("emailTaken");
      return t.has(`field.${name}` as never) ? t(`field.${name}` as "field.name") : state.fieldErrors[name][0];
    },
  };
}
