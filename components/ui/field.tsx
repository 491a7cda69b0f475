"use client";
/**
 * The one form field: a label, an optional hint and an error, wired to its control — `htmlFor`/`id`,
 * `aria-describedby` (hint and error), `aria-invalid`. The control is an <Input>, <Select> or <Textarea> from this
 * file placed inside <Field> (they read the wiring from context), or any element given `useFieldControl()`'s props.
 * Shorthands for the usual cases: <TextField>, <TextAreaField>, <SelectField>, <CheckField>.
 *
 * Ids default to `f-<name>` (pass `idPrefix` when two forms on one page share field names); the error paragraph has
 * `data-testid="error-<name>"`.
 */
import { createContext, useContext, useId } from "react";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/cn";
import { inputCls } from "./button";

type Wiring = { id: string; "aria-describedby"?: string; "aria-invalid"?: true };
const FieldContext = createContext<Wiring | null>(null);

/** The props a custom control inside <Field> spreads onto itself. */
export function useFieldControl(): Wiring | Record<string, never> {
  return useContext(FieldContext) ?? {};
}

export type FieldProps = {
  label: React.ReactNode;
  /** Used for the default id (`<idPrefix>-<name>`) and the error's test id. */
  name?: string;
  hint?: React.ReactNode;
  error?: string | null;
  /** Show "optional" next to the label (or a custom text). */
  optional?: boolean | string;
  idPrefix?: string;
  id?: string;
  className?: string;
  children: React.ReactNode;
};

export function Field({ label, name, hint, error, optional, idPrefix = "f", id: givenId, className, children }: FieldProps) {
  const t = useTranslations("ui");
  const auto = useId();
  const id = givenId ?? (name ? `${idPrefix}-${name}` : auto);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("min-w-0", className)}>
      <label htmlFor={id} className="flex items-baseline justify-between gap-2 text-sm font-medium text-slate-700">
        <span>{label}</span>
        {optional ? <span className="text-xs font-normal text-slate-500">{typeof optional === "string" ? optional : t("optional")}</span> : null}
      </label>
      <div className="mt-1">
        <FieldContext.Provider value={{ id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined }}>{children}</FieldContext.Provider>
      </div>
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-red-600" data-testid={name ? `error-${name}` : undefined}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function Input({ className, ...rest }: React.InputHTMLAttributes<HTMLInputElement>) {
  return <input {...useFieldControl()} className={cn(inputCls, className)} {...rest} />;
}

/** An input with no visible label (search boxes, inline rows): its placeholder is also its accessible name; `onValueChange` gets the text. */
export function PlaceholderInput({
  label,
  onValueChange,
  className,
  ...rest
}: { label: string; onValueChange: (value: string) => void } & Omit<React.InputHTMLAttributes<HTMLInputElement>, "onChange" | "placeholder" | "aria-label">) {
  return <input className={cn(inputCls, className)} placeholder={label} aria-label={label} onChange={(e) => onValueChange(e.target.value)} {...rest} />;
}

export function Textarea({ className, rows = 3, ...rest }: React.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea {...useFieldControl()} rows={rows} className={cn(inputCls, className)} {...rest} />;
}

export function Select({ className, options, children, ...rest }: React.SelectHTMLAttributes<HTMLSelectElement> & { options?: { value: string; label: string }[] }) {
  return (
    <select {...useFieldControl()} className={cn(inputCls, className)} {...rest}>
      {options?.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
      {children}
    </select>
  );
}

type Shorthand = Omit<FieldProps, "children" | "name"> & { name: string };
function split<T extends Shorthand>({ label, name, hint, error, optional, idPrefix, id, className, ...control }: T) {
  return { field: { label, name, hint, error, optional, idPrefix, id, className }, control: { name, ...control } };
}

export function TextField(props: Shorthand & Omit<React.InputHTMLAttributes<HTMLInputElement>, "id">) {
  const { field, control } = split(props);
  return (
    <Field {...field}>
      <Input {...control} />
    </Field>
  );
}

export function TextAreaField(props: Shorthand & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "id">) {
  const { field, control } = split(props);
  return (
    <Field {...field}>
      <Textarea {...control} />
    </Field>
  );
}

export function SelectField(props: Shorthand & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "id"> & { options?: { value: string; label: string }[] }) {
  const { field, control } = split(props);
  return (
    <Field {...field}>
      <Select {...control} />
    </Field>
  );
}

/** A checkbox with its label (and hint) to the right; the error, if any, below. */
export function CheckField({
  label,
  name,
  hint,
  error,
  idPrefix = "f",
  className,
  ...rest
}: { label: React.ReactNode; name: string; hint?: React.ReactNode; error?: string | null; idPrefix?: string; className?: string } & Omit<React.InputHTMLAttributes<HTMLInputElement>, "id" | "type">) {
  const id = `${idPrefix}-${name}`;
  const describedBy = [error ? `${id}-error` : "", hint ? `${id}-hint` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="flex items-start gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          id={id}
          name={name}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-300 text-brand-700"
          {...rest}
        />
        <span>
          <span className="font-medium">{label}</span>
          {hint ? (
            <span id={`${id}-hint`} className="block text-xs text-slate-500">
              {hint}
            </span>
          ) : null}
        </span>
      </label>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-600" data-testid={`error-${name}`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
