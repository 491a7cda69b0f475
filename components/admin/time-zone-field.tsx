"use client";
/**
 * The forum's time zone: a searchable list of IANA zones with labels in the reader's language (type 上海, 东京,
 * Berlin, +08 …); the value stays the IANA id, which the server validates. Default Asia/Shanghai.
 */
import { useLocale } from "next-intl";
import { useId, useMemo } from "react";
import { allTimeZones, DEFAULT_TIME_ZONE, timeZoneLabel } from "@/lib/i18n/time-zones";

export function TimeZoneInput({ name, defaultValue, ...rest }: { name: string; defaultValue?: string } & Omit<React.InputHTMLAttributes<HTMLInputElement>, "list" | "name" | "defaultValue">) {
  const locale = useLocale();
  const listId = useId();
  const options = useMemo(() => allTimeZones().map((z) => ({ value: z, label: timeZoneLabel(z, locale) })), [locale]);
  return (
    <>
      <input {...rest} name={name} defaultValue={defaultValue || DEFAULT_TIME_ZONE} list={listId} autoComplete="off" spellCheck={false} data-testid="time-zone-input" />
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
