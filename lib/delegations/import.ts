/**
 * Bulk invitations (批量邀请): a pasted list, a CSV (any encoding lib/registrations/csv.ts reads) or an XLSX (first
 * sheet, read with exceljs like the exports are written). Columns: unit, quota, liaison, phone, e-mail — by header
 * name (zh or en) when the first row is a header, else in that order. Every row is validated on its own: bad rows
 * are reported with their line, the rest go to bulkCreateDelegations. Pure parsing except the XLSX reader.
 */
import type { FieldErrors } from "@/lib/actions/result";
import type { Locale } from "@/lib/i18n/config";
import { decodeCsv, parseCsv } from "@/lib/registrations/csv";
import { delegationT } from "./i18n";
import { delegationCreateSchema, type DelegationCreateInput } from "./validation";

export const INVITE_MAX_BYTES = 5 * 1024 * 1024;
export const INVITE_MAX_ROWS = 2000;

type Col = "organization" | "quota" | "liaisonName" | "liaisonPhone" | "liaisonEmail";
const ORDER: Col[] = ["organization", "quota", "liaisonName", "liaisonPhone", "liaisonEmail"];
const HEADERS: Record<Col, string[]> = {
  organization: ["单位", "受邀单位", "单位名称", "unit", "organization", "organisation"],
  quota: ["名额", "人数", "quota", "seats"],
  liaisonName: ["联络员", "联系人", "联络人", "liaison", "contact", "liaison name"],
  liaisonPhone: ["手机", "电话", "联系电话", "手机号", "联络员手机", "phone", "mobile", "liaison phone"],
  liaisonEmail: ["邮箱", "电子邮箱", "email", "e-mail", "liaison email"],
};
const norm = (s: string) => s.replace(/^\ufeff/, "").trim().toLowerCase().replace(/\s+/g, " ").replace(/[*:：（(].*$/, "").trim();

function headerMap(first: string[]): Partial<Record<Col, number>> | null {
  const map: Partial<Record<Col, number>> = {};
  first.forEach((h, i) => {
    for (const c of ORDER) if (map[c] === undefined && HEADERS[c].includes(norm(h))) map[c] = i;
  });
  return map.organization !== undefined && map.quota !== undefined ? map : null;
}

export type InviteRow = { row: number; data?: DelegationCreateInput; error?: string; fieldErrors?: FieldErrors };

/** Records (line number + cells) → validated rows. */
export function inviteRows(records: { line: number; fields: string[] }[], locale: Locale): InviteRow[] {
  const t = delegationT(locale);
  if (!records.length) return [];
  const map = headerMap(records[0].fields);
  const body = map ? records.slice(1) : records;
  const cols = map ?? Object.fromEntries(ORDER.map((c, i) => [c, i]));
  const schema = delegationCreateSchema(locale);
  return body.slice(0, INVITE_MAX_ROWS).map(({ line, fields }) => {
    const cell = (c: Col) => (cols[c] === undefined ? "" : (fields[cols[c]!] ?? "").trim());
    const r = schema.safeParse({
      organization: cell("organization"),
      quota: cell("quota"),
      liaison: { name: cell("liaisonName"), phone: cell("liaisonPhone"), email: cell("liaisonEmail") },
    });
    if (r.success) return { row: line, data: r.data };
    const fieldErrors: FieldErrors = {};
    for (const i of r.error.issues) (fieldErrors[i.path.join(".")] ??= []).push(i.message);
    const error = Object.entries(fieldErrors)
      .map(([k, v]) => `${labelOf(k, t)}: ${v[0]}`)
      .join("; ");
    return { row: line, error, fieldErrors };
  });
}

function labelOf(path: string, t: ReturnType<typeof delegationT>): string {
  const key = { organization: "organization", quota: "quota", "liaison.name": "liaisonName", "liaison.phone": "liaisonPhone", "liaison.email": "liaisonEmail" }[path];
  return key ? t(`console.${key}` as "console.quota") : path;
}

/** Pasted text: one unit per line, comma, tab, semicolon or Chinese comma separated. */
export function parsePastedInvites(text: string, locale: Locale): InviteRow[] {
  const records = text
    .split(/\r?\n/)
    .map((l, i) => ({ line: i + 1, fields: l.split(/\t|,|，|;|；/).map((f) => f.trim()) }))
    .filter((r) => r.fields.some((f) => f));
  return inviteRows(records, locale);
}

const isXlsx = (b: Uint8Array) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** A CSV or XLSX upload (told apart by its bytes, not its name). */
export async function parseInviteFile(bytes: Uint8Array, locale: Locale): Promise<InviteRow[]> {
  if (!isXlsx(bytes)) return inviteRows(parseCsv(decodeCsv(bytes).text), locale);
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  const records: { line: number; fields: string[] }[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, line) => {
    const fields: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 5); c++) fields.push(row.getCell(c).text ?? "");
    if (fields.some((f) => f.trim())) records.push({ line, fields });
  });
  return inviteRows(records, locale);
}
