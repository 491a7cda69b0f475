"use client";
/**
 * The forum's time zone: a searchable list of IANA zones with labels in the reader's language (type 上海, 东京,
 * Berlin, +08 …); the value stays the IANA id, which the server validates. Default Asia/Shanghai. Under the input,
 * the chosen zone's name and offset in words, and that every time of the forum is typed in it.
 */
import { useLocale, useTranslations } from "next-intl";
import { useId, useMemo, useState, useSyncExternalStore } from "react";
import { Field } from "@/components/ui/field";
import { inputCls } from "@/components/ui/button";
import { useFieldControl } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import { allTimeZones, DEFAULT_TIME_ZONE, timeZoneLabel } from "@/lib/i18n/time-zones";

const noSubscription = () => () => {};

export function TimeZoneInput({
  name,
  defaultValue,
  onValue,
  className,
  ...rest
}: { name: string; defaultValue?: string; onValue?: (zone: string) => void } & Omit<React.InputHTMLAttributes<HTMLInputElement>, "list" | "name" | "defaultValue">) {
  const locale = useLocale();
  const listId = useId();
  const wiring = useFieldControl();
  // The suggestions' labels come from the runtime's time-zone data, and Node's and the browser's differ (zones that
  // changed their rules lately: a hydration error in the console). So the list is the browser's own, filled in once
  // hydrated; the input works without it (it only suggests).
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const options = useMemo(() => (hydrated ? allTimeZones().map((z) => ({ value: z, label: timeZoneLabel(z, locale) })) : []), [hydrated, locale]);
  return (
    <>
      <input
        {...wiring}
        {...rest}
        className={cn(inputCls, className)}
        name={name}
        defaultValue={defaultValue || DEFAULT_TIME_ZONE}
        list={listId}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => onValue?.(e.target.value.trim())}
        data-testid="time-zone-input"
      />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o.value} value={o.value} label={o.label}>
            {o.label}
          </option>
        ))}
      </datalist>
    </>
  );
}

/** The labelled field of the forum editor: the picker, the chosen zone in words, the field's error. */
export function TimeZoneField({ name = "timezone", label, defaultValue, error, className }: { name?: string; label: string; defaultValue?: string; error?: string | null; className?: string }) {
  const t = useTranslations("admin.form");
  const locale = useLocale();
  const [zone, setZone] = useState(defaultValue || DEFAULT_TIME_ZONE);
  const known = useMemo(() => new Set(allTimeZones()), []);
  const hint = known.has(zone) ? t("timesInZone", { tz: timeZoneLabel(zone, locale) }) : t("timezonePick");
  return (
    <Field
      label={label}
      name={name}
      error={error}
      className={className}
      // the zone's name and offset as the server's time-zone data gives them; the browser's may word them differently
      hint={
        <span data-testid="time-zone-label" suppressHydrationWarning>
          {hint}
        </span>
      }
    >
      <TimeZoneInput name={name} defaultValue={zone} onValue={setZone} />
    </Field>
  );
}
