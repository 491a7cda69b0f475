/**
 * Content with an optional English value (DESIGN §3.6): the English text on the English UI when it exists;
 * otherwise the Chinese, and on the English UI inside `lang="zh-CN"` so screen readers switch voice and the browser
 * picks a CJK font. Server- and client-safe (no hooks): pass the page's locale.
 */
import { Fragment } from "react";
import type { Locale } from "@/lib/i18n/config";

const HAN = /\p{Script=Han}/u;

export function Localized({ locale, zh, en, className }: { locale: Locale; zh: string | null | undefined; en?: string | null; className?: string }) {
  if (locale === "en" && en) return className ? <span className={className}>{en}</span> : <>{en}</>;
  if (!zh) return null;
  if (locale === "en" && HAN.test(zh))
    return (
      <span lang="zh-CN" className={className}>
        {zh}
      </span>
    );
  return className ? <span className={className}>{zh}</span> : <>{zh}</>;
}

/** Several localized parts joined by a separator, blanks left out: venue · address. */
export function LocalizedJoin({ locale, parts, separator = " · " }: { locale: Locale; parts: { zh: string | null | undefined; en?: string | null }[]; separator?: string }) {
  const kept = parts.filter((p) => p.zh || (locale === "en" && p.en));
  return (
    <>
      {kept.map((p, i) => (
        <Fragment key={i}>
          {i ? separator : null}
          <Localized locale={locale} zh={p.zh} en={p.en} />
        </Fragment>
      ))}
    </>
  );
}

/** A person's position as cited: "宜宾市人民政府 副市长" / "Yibin Municipal Government, Vice Mayor". */
export function LocalizedPosition({ locale, p }: { locale: Locale; p: { organization: string; organizationEn?: string | null; title?: string | null; titleEn?: string | null } }) {
  return (
    <>
      <Localized locale={locale} zh={p.organization} en={p.organizationEn} />
      {p.title ? (
        <>
          {locale === "en" ? ", " : " "}
          <Localized locale={locale} zh={p.title} en={p.titleEn} />
        </>
      ) : null}
    </>
  );
}
