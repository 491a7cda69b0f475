/**
 * CSV import of invited guests (导入嘉宾名单): preview first (nothing written), then import in chunks with a progress
 * bar. The server re-parses and re-validates the file for every chunk; it never trusts the preview. Re-importing
 * the same file creates nothing new: unique (event, email) plus a lookup of existing emails under the forum lock.
 */
import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { registrations } from "@/db/schema";
import { DomainError, type MessageParams } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit";
import type { Locale } from "@/lib/i18n/config";
import { consoleT } from "@/lib/printables/html";
import type { Actor } from "@/lib/auth/permissions";
import { lockEvent, newTicketCode, seatsLeft } from "./admin-commands";
import { type DelegateCategory } from "@/lib/shared/enums";
import { cleanPersonName, nameProblem } from "@/lib/shared/person-name";
import { translateMessage } from "@/lib/i18n/errors";
import { decodeCsv, parseCsv, type CsvEncoding } from "./csv";

export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 50_000;

type Field = "fullName" | "email" | "phone" | "organization" | "position" | "category" | "siteVisit" | "notes" | "needs";

/** Header names understood (zh and en, case- and space-insensitive). */
const HEADERS: Record<Field, string[]> = {
  fullName: ["姓名", "名字", "name", "fullname", "full name"],
  email: ["邮箱", "电子邮箱", "电子邮件", "email", "e-mail", "mail"],
  phone: ["手机", "手机号", "手机号码", "电话", "联系电话", "phone", "mobile", "tel"],
  organization: ["单位", "工作单位", "所在单位", "organization", "organisation", "company"],
  position: ["职务", "职位", "职称", "position", "title", "job title"],
  category: ["类别", "代表类别", "category", "delegate category"],
  siteVisit: ["现场考察", "考察", "参加考察", "site visit", "sitevisit", "site_visit"],
  notes: ["备注", "notes", "note", "remarks"],
  needs: ["需求", "特殊需求", "needs"],
};

const CATEGORY_WORDS: Record<DelegateCategory, string[]> = {
  government: ["government", "政府", "政府部门", "省直部门", "部门", "党政机关"],
  park: ["park", "园区", "产业园区", "园区负责人"],
  expert: ["expert", "专家", "学者", "专家学者"],
  enterprise: ["enterprise", "企业", "企业家", "企业代表"],
  media: ["media", "媒体", "记者"],
  other: ["other", "其他", "其它"],
};

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");

export function mapHeader(header: string[]): Partial<Record<Field, number>> {
  const map: Partial<Record<Field, number>> = {};
  header.forEach((h, i) => {
    const n = norm(h.replace(/^\ufeff/, "")).replace(/[*:：（(].*$/, "").trim();
    for (const [f, names] of Object.entries(HEADERS) as [Field, string[]][]) if (map[f] === undefined && names.includes(n)) map[f] = i;
  });
  return map;
}

function category(v: string): DelegateCategory | null {
  const n = norm(v);
  if (!n) return "other";
  for (const [k, words] of Object.entries(CATEGORY_WORDS) as [DelegateCategory, string[]][]) if (words.includes(n)) return k;
  return null;
}

function yesNo(v: string): boolean | null {
  const n = norm(v);
  if (["", "否", "不", "no", "n", "false", "0", "×"].includes(n)) return false;
  if (["是", "参加", "yes", "y", "true", "1", "✓", "√"].includes(n)) return true;
  return null;
}

const emailSchema = z.email();

export type GuestRow = {
  fullName: string;
  email: string;
  phone: string | null;
  organization: string | null;
  position: string | null;
  category: DelegateCategory;
  siteVisit: boolean;
  notes: string | null;
  needs: string | null;
};

export type ParsedRow = { line: number; row?: GuestRow; errors: string[] };

export type ParsedImport = { encoding: CsvEncoding; rows: ParsedRow[]; missingColumns: Field[] };

const MAX: Partial<Record<Field, number>> = { fullName: 100, email: 254, phone: 40, organization: 200, position: 200, notes: 2000, needs: 1000 };

/** Decode, parse and validate a file. Errors name the file line; a repeated email is an error on its later lines. */
export function parseGuestFile(bytes: Uint8Array, locale: Locale = "en"): ParsedImport {
  const t = consoleT(locale);
  const fileError = (key: string, params?: MessageParams): never => {
    throw new DomainError("invalid", `console.${key}`, { params, fieldErrors: { file: [{ key: `console.${key}`, params }] } });
  };
  const label = (f: Field) => t(`import.field.${f}`);
  if (bytes.byteLength === 0) fileError("import.err.empty");
  if (bytes.byteLength > IMPORT_MAX_BYTES) fileError("import.err.tooLarge");
  const { text, encoding } = decodeCsv(bytes);
  const records = parseCsv(text);
  if (records.length < 2) fileError("import.err.noRows");
  if (records.length - 1 > IMPORT_MAX_ROWS) fileError("import.err.tooMany", { max: IMPORT_MAX_ROWS });
  const [head, ...body] = records;
  const map = mapHeader(head.fields);
  const missingColumns = (["fullName", "email"] as Field[]).filter((f) => map[f] === undefined);
  if (missingColumns.length) {
    fileError("import.err.missingColumns", { columns: missingColumns.map((f) => (f === "email" ? "邮箱 / email" : "姓名 / name")).join(", ") });
  }
  const firstLineOf = new Map<string, number>();
  const rows: ParsedRow[] = body.map(({ line, fields }) => {
    const get = (f: Field) => (map[f] === undefined ? "" : (fields[map[f]!] ?? "").trim());
    const errors: string[] = [];
    for (const [f, max] of Object.entries(MAX) as [Field, number][]) if (get(f).length > max) errors.push(t("import.err.tooLong", { field: label(f), max }));
    const fullName = cleanPersonName(get("fullName")); // the shared name rule (lib/shared/person-name.ts)
    const nameIssue = fullName ? nameProblem(fullName) : null;
    if (!fullName) errors.push(t("import.err.missing", { field: label("fullName") }));
    else if (nameIssue) errors.push(`${label("fullName")}: ${translateMessage(nameIssue === "bidi" ? "errors.nameBidi" : "errors.nameInvisible", locale)}`);
    const email = get("email").toLowerCase();
    if (!email) errors.push(t("import.err.missing", { field: label("email") }));
    else if (!emailSchema.safeParse(email).success) errors.push(t("import.err.invalidEmail", { field: label("email"), value: email }));
    else if (firstLineOf.has(email)) errors.push(t("import.err.repeats", { field: label("email"), value: email, line: firstLineOf.get(email)! }));
    else firstLineOf.set(email, line);
    const cat = category(get("category"));
    if (!cat) errors.push(t("import.err.category", { field: label("category"), value: get("category") }));
    const visit = yesNo(get("siteVisit"));
    if (visit === null) errors.push(t("import.err.yesNo", { field: label("siteVisit"), value: get("siteVisit") }));
    if (errors.length) return { line, errors };
    const opt = (f: Field) => get(f) || null;
    return {
      line,
      errors,
      row: { fullName, email, phone: opt("phone"), organization: opt("organization"), position: opt("position"), category: cat!, siteVisit: visit!, notes: opt("notes"), needs: opt("needs") },
    };
  });
  return { encoding, rows, missingColumns };
}

export type ImportPreview = {
  encoding: CsvEncoding;
  total: number;
  valid: number;
  /** Valid rows whose email is already registered: they will be left as they are. */
  existing: number;
  errors: { line: number; errors: string[] }[];
  sample: (GuestRow & { line: number })[];
};

async function existingEmails(db: Db, eventId: string, emails: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < emails.length; i += 1000) {
    const rows = await db
      .select({ email: registrations.email })
      .from(registrations)
      .where(and(eq(registrations.eventId, eventId), inArray(registrations.email, emails.slice(i, i + 1000))));
    for (const r of rows) if (r.email) found.add(r.email);
  }
  return found;
}

/** Preview: what an import would do. Writes nothing. */
export async function previewGuestImport(db: Db, eventId: string, bytes: Uint8Array, locale: Locale = "en"): Promise<ImportPreview> {
  const parsed = parseGuestFile(bytes, locale);
  const valid = parsed.rows.filter((r) => r.row);
  const existing = await existingEmails(db, eventId, valid.map((r) => r.row!.email));
  return {
    encoding: parsed.encoding,
    total: parsed.rows.length,
    valid: valid.length,
    existing: existing.size,
    errors: parsed.rows.filter((r) => r.errors.length).map(({ line, errors }) => ({ line, errors })),
    sample: valid.slice(0, 20).map((r) => ({ line: r.line, ...r.row! })),
  };
}

export type ImportChunkResult = { processed: number; created: number; existing: number; confirmed: number; waitlisted: number; pending: number; failed: number };

/**
 * Import rows [from, to) of the file (row index, header excluded; all rows when omitted). Valid rows whose email is
 * new become registrations (source "import"): confirmed while the forum has seats, then waitlisted (or pending
 * when it has no waitlist). Rows with errors are skipped (the preview listed them). One transaction per call.
 */
export async function importGuests(
  db: Db,
  actor: Actor,
  input: { eventId: string; bytes: Uint8Array; from?: number; to?: number; status?: "confirmed" | "pending"; locale?: Locale },
): Promise<ImportChunkResult> {
  const parsed = parseGuestFile(input.bytes, input.locale);
  const from = Math.max(0, input.from ?? 0);
  const to = Math.min(parsed.rows.length, input.to ?? parsed.rows.length);
  const slice = parsed.rows.slice(from, to);
  const good = slice.filter((r) => r.row).map((r) => r.row!);
  const result: ImportChunkResult = { processed: slice.length, created: 0, existing: 0, confirmed: 0, waitlisted: 0, pending: 0, failed: slice.length - good.length };
  if (good.length === 0) return result;
  return db.transaction(async (tx) => {
    const ev = await lockEvent(tx, input.eventId);
    const have = await existingEmails(tx, input.eventId, good.map((g) => g.email));
    const fresh = good.filter((g) => !have.has(g.email));
    result.existing = good.length - fresh.length;
    let left = input.status === "pending" ? 0 : await seatsLeft(tx, ev);
    const now = new Date();
    const values = fresh.map((g) => {
      let status: "confirmed" | "waitlisted" | "pending";
      if (input.status === "pending") status = "pending";
      else if (left > 0) {
        status = "confirmed";
        left--;
      } else status = ev.waitlistEnabled ? "waitlisted" : "pending";
      result[status]++;
      return {
        eventId: input.eventId,
        status,
        ...g,
        source: "import" as const,
        ticketCode: newTicketCode(),
        confirmedAt: status === "confirmed" ? now : null,
        waitlistedAt: status === "waitlisted" ? now : null,
      };
    });
    for (let i = 0; i < values.length; i += 500) {
      const ins = await tx
        .insert(registrations)
        .values(values.slice(i, i + 500))
        .onConflictDoNothing({ target: [registrations.eventId, registrations.email] })
        .returning({ id: registrations.id });
      result.created += ins.length;
    }
    if (result.created !== values.length) throw new DomainError("conflict", "errors.importRace");
    await recordAudit(tx, actor, { action: "registration.import", entity: "event", entityId: input.eventId, eventId: input.eventId, after: { from, to, ...result } });
    return result;
  });
}
