/**
 * The notice (会议通知) as text: generated from the forum, edited by the organizer, then filled for each invited unit.
 * Pure (no I/O): the DOCX writer, the print page and the editor all read the same paragraphs.
 *
 * The text keeps four placeholders that every unit's copy fills in: {{unit}}, {{quota}}, {{replyBy}}, {{replyLink}}.
 * Paragraph kinds follow GB/T 9704 practice: 一、 (or "1.") lines are first-level headings (黑体), （一） (or "(1)")
 * lines second-level (楷体), a first line ending in a colon is the salutation (主送机关, no indent), the rest body text.
 */
import type { Locale } from "@/lib/i18n/config";
import { HOST_ROLES } from "@/lib/shared/enums";
import { dateFormat, formatDate, formatEventWhen, formatTimeRange, dayKey, pick } from "@/lib/i18n/format";

export const PLACEHOLDERS = ["unit", "quota", "replyBy", "replyLink"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export type NoticeText = { title: string; body: string; signature: string; issuedOn: string };

/** One unit's copy: what replaces the placeholders. Null = the generic copy (blanks to fill by hand). */
export type UnitCopy = { unit: string; quota: number; replyBy: string; replyLink: string } | null;

export type ParagraphKind = "salutation" | "h1" | "h2" | "p";
/** `plain`: a paragraph with a link or an email address, set flush left (justifying it would stretch the line). */
export type NoticeParagraph = { kind: ParagraphKind; text: string; plain?: boolean };

const HAS_LINK = /https?:\/\/|[\w.+-]+@[\w-]+\./;

const BLANK = "____________";

export function fillPlaceholders(text: string, copy: UnitCopy): string {
  return text.replace(/\{\{(unit|quota|replyBy|replyLink)\}\}/g, (_, k: Placeholder) => (copy ? String(copy[k]) : BLANK));
}

const H1 = /^([一二三四五六七八九十]+、|\d{1,2}\.\s)/;
const H2 = /^(（[一二三四五六七八九十]+）|\(\d{1,2}\)\s?)/;

/** Split the body into typed paragraphs (blank lines dropped). */
export function paragraphs(body: string): NoticeParagraph[] {
  const lines = body
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.map((text, i) => {
    if (i === 0 && text.length <= 60 && (/[：:]$/.test(text) || /^(To:|Dear )/.test(text))) return { kind: "salutation" as const, text };
    if (H1.test(text) && text.length <= 40) return { kind: "h1" as const, text };
    if (H2.test(text) && text.length <= 40) return { kind: "h2" as const, text };
    return HAS_LINK.test(text) ? { kind: "p" as const, text, plain: true } : { kind: "p" as const, text };
  });
}

/** What the notice is generated from (lib/delegations/notice.ts loads it). */
export type NoticeSource = {
  title: string;
  titleEn: string | null;
  summary: string;
  summaryEn: string | null;
  audience: string | null;
  audienceEn: string | null;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  city: string | null;
  cityEn: string | null;
  venueName: string | null;
  venueNameEn: string | null;
  venueAddress: string | null;
  venueAddressEn: string | null;
  hosts: { role: string; name: string; nameEn: string | null }[];
  sessions: { title: string; titleEn: string | null; startsAt: Date; endsAt: Date; location: string | null; locationEn: string | null }[];
  contacts: { name: string; email: string }[];
};

/** Translator for the "delegationDocs.notice.gen" keys and `hostRole.*` (lib/delegations/docs-i18n.ts noticeGenT). */
export type GenT = (key: string, values?: Record<string, string | number>) => string;

const ZH_NUM = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"];
const h1 = (locale: Locale, n: number, text: string) => (locale === "en" ? `${n}. ${text}` : `${ZH_NUM[n - 1]}、${text}`);
const h2 = (locale: Locale, n: number, text: string) => (locale === "en" ? `(${n}) ${text}` : `（${ZH_NUM[Math.min(n, 20) - 1]}）${text}`);

/** 2025年9月5日 / 5 September 2025 — the date as a notice writes it (no weekday). */
export function writtenDate(d: Date, timeZone: string, locale: Locale): string {
  return dateFormat(locale === "en" ? "en-GB" : "zh-CN", { timeZone, year: "numeric", month: "long", day: "numeric" }).format(d);
}

/** The notice generated from the forum, in the given language, with the unit placeholders in place. */
export function generateNotice(src: NoticeSource, t: GenT, locale: Locale, today: Date): NoticeText {
  const tz = src.timezone;
  const title = pick(locale, src.title, src.titleEn);
  const place = [pick(locale, src.venueName, src.venueNameEn), pick(locale, src.venueAddress, src.venueAddressEn)].filter(Boolean).join(locale === "en" ? ", " : "，");
  const city = pick(locale, src.city, src.cityEn) ?? "";
  const lines: string[] = [];
  let n = 0;
  lines.push(t("salutation", { unit: "{{unit}}" }));
  lines.push(t("opening", { date: writtenDate(src.startsAt, tz, locale), city: city || place || "—", title }));

  lines.push(h1(locale, ++n, t("time")));
  lines.push(formatEventWhen(src.startsAt, src.endsAt, tz, locale));
  if (place) {
    lines.push(h1(locale, ++n, t("place")));
    lines.push(place);
  }
  const byRole = HOST_ROLES.map((role) => ({ role, names: src.hosts.filter((h) => h.role === role).map((h) => pick(locale, h.name, h.nameEn)) })).filter((g) => g.names.length);
  if (byRole.length) {
    lines.push(h1(locale, ++n, t("hosts")));
    for (const g of byRole) lines.push(`${t(`hostRole.${g.role}`)}${locale === "en" ? ": " : "："}${g.names.join(locale === "en" ? "; " : "、")}`);
  }
  if (src.sessions.length) {
    lines.push(h1(locale, ++n, t("agenda")));
    const multiDay = new Set(src.sessions.map((s) => dayKey(s.startsAt, tz))).size > 1;
    src.sessions.forEach((s, i) => {
      const when = `${multiDay ? `${formatDate(s.startsAt, tz, locale)} ` : ""}${formatTimeRange(s.startsAt, s.endsAt, tz, locale)}`;
      const where = pick(locale, s.location, s.locationEn);
      lines.push(h2(locale, i + 1, `${when}　${pick(locale, s.title, s.titleEn)}${where ? (locale === "en" ? ` (${where})` : `（${where}）`) : ""}`));
    });
  }
  lines.push(h1(locale, ++n, t("attendees")));
  lines.push(pick(locale, src.audience, src.audienceEn)?.trim() || t("attendeesDefault"));
  lines.push(h1(locale, ++n, t("quota")));
  lines.push(t("quotaText", { quota: "{{quota}}", replyBy: "{{replyBy}}" }));
  lines.push(t("replyLinkText"));
  lines.push("{{replyLink}}");
  lines.push(h1(locale, ++n, t("contacts")));
  if (src.contacts.length) for (const c of src.contacts) lines.push(t("contactLine", { name: c.name, email: c.email }));
  else lines.push(t("contactsDefault"));
  lines.push(t("attachment"));

  const issuers = src.hosts.filter((h) => h.role === "host" || h.role === "co_host").map((h) => pick(locale, h.name, h.nameEn));
  return {
    title: t("title", { title }),
    body: lines.join("\n"),
    signature: (issuers.length ? issuers : src.hosts.slice(0, 1).map((h) => pick(locale, h.name, h.nameEn))).join("\n"),
    issuedOn: writtenDate(today, tz, locale),
  };
}

/** The copy of one unit (or the generic one): every text with its placeholders filled. */
export function unitNotice(n: NoticeText, copy: UnitCopy): { title: string; paragraphs: NoticeParagraph[]; signature: string[]; issuedOn: string } {
  return {
    title: fillPlaceholders(n.title, copy),
    paragraphs: paragraphs(fillPlaceholders(n.body, copy)),
    signature: fillPlaceholders(n.signature, copy)
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean),
    issuedOn: fillPlaceholders(n.issuedOn, copy),
  };
}
export type FilledNotice = ReturnType<typeof unitNotice>;
