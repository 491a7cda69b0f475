"use client";
/** Labelled inputs of the console forms, each with its field error (aria-invalid + message). */
import { cn } from "@/lib/cn";

export const inputCls =
  "block w-full min-w-0 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm outline-none transition placeholder:text-slate-400 focus:border-brand-600 focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-500 sm:text-sm";

export const btn = {
  primary: "inline-flex items-center justify-center gap-1 rounded-lg bg-brand-700 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-600 disabled:opacity-60",
  secondary: "inline-flex items-center justify-center gap-1 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60",
  danger: "inline-flex items-center justify-center gap-1 rounded-lg border border-red-200 bg-white px-3 py-2 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60",
  icon: "inline-flex h-8 w-8 items-center justify-center rounded-md border border-slate-200 bg-white text-slate-600 hover:bg-slate-50 disabled:opacity-40",
};

type Common = { label: string; name: string; error?: string; hint?: string; className?: string; optionalLabel?: string; /** id prefix when two forms on a page share field names */ idPrefix?: string };

function Wrap({ label, name, error, hint, className, optionalLabel, idPrefix = "f", children }: Common & { children: React.ReactNode }) {
  return (
    <div className={cn("min-w-0", className)}>
      <label htmlFor={`${idPrefix}-${name}`} className="flex items-baseline justify-between gap-2 text-sm font-medium text-slate-700">
        <span>{label}</span>
        {optionalLabel ? <span className="text-xs font-normal text-slate-400">{optionalLabel}</span> : null}
      </label>
      <div className="mt-1">{children}</div>
      {error ? (
        <p className="mt-1 text-sm text-red-600" data-testid={`error-${name}`}>
          {error}
        </p>
      ) : hint ? (
        <p className="mt-1 text-xs text-slate-500">{hint}</p>
      ) : null}
    </div>
  );
}

export function TextField({ label, name, error, hint, className, optionalLabel, idPrefix = "f", ...rest }: Common & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Wrap {...{ label, name, error, hint, className, optionalLabel, idPrefix }}>
      <input id={`${idPrefix}-${name}`} name={name} aria-invalid={error ? true : undefined} className={inputCls} {...rest} />
    </Wrap>
  );
}

export function TextArea({ label, name, error, hint, className, optionalLabel, idPrefix = "f", ...rest }: Common & React.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Wrap {...{ label, name, error, hint, className, optionalLabel, idPrefix }}>
      <textarea id={`${idPrefix}-${name}`} name={name} rows={3} aria-invalid={error ? true : undefined} className={inputCls} {...rest} />
    </Wrap>
  );
}

export function SelectField({
  label,
  name,
  error,
  hint,
  className,
  options,
  idPrefix = "f",
  ...rest
}: Common & React.SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }) {
  return (
    <Wrap {...{ label, name, error, hint, className, idPrefix }}>
      <select id={`${idPrefix}-${name}`} name={name} aria-invalid={error ? true : undefined} className={inputCls} {...rest}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrap>
  );
}

export function CheckField({ label, name, hint, idPrefix = "f", ...rest }: { label: string; name: string; hint?: string; idPrefix?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="flex items-start gap-2 text-sm text-slate-700">
      <input type="checkbox" id={`${idPrefix}-${name}`} name={name} className="mt-0.5 h-4 w-4 rounded border-slate-300 text-brand-700" {...rest} />
      <span>
        <span className="font-medium">{label}</span>
        {hint ? <span className="block text-xs text-slate-500">{hint}</span> : null}
      </span>
    </label>
  );
}

/** FormData → plain object (checkboxes absent = false is handled by the schemas). */
export function formObject(form: HTMLFormElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of new FormData(form).entries()) out[k] = v;
  return out;
}
