/**
 * The audit log in words: an action code ("report.publish") becomes a sentence in the reader's language
 * ("发布了会后报道"), and a before/after pair becomes field-by-field changes with labelled fields, translated values
 * and local times. Pure: takes a translator of the `audit` namespace and a date formatter. Unknown codes and fields
 * fall back to the code itself, never to nothing; tests/unit/audit-describe.test.ts checks every code the source
 * records has a translation.
 */

export type AuditT = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };
export type Change = { field: string; before: string | null; after: string | null };

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
/** Fields whose values are codes with labels of their own (`audit.values.<field>.<value>`). */
const CODED = new Set(["status", "role", "siteRole", "kind", "segment", "direction", "convention", "category", "source", "accommodation", "rank"]);

/** Coded values whose labels are a shared vocabulary (messages shared.*), not repeated under audit.values. */
const SHARED_VALUES: Record<string, string> = { siteRole: "siteRole" };

/** The audit translator, with the shared vocabularies' labels for SHARED_VALUES fields (one source of labels). */
export function auditT(audit: AuditT, shared: AuditT): AuditT {
  const route = (key: string) => {
    const m = /^values\.(\w+)\.(.+)$/.exec(key);
    return m && SHARED_VALUES[m[1]] ? `${SHARED_VALUES[m[1]]}.${m[2]}` : null;
  };
  return Object.assign((key: string, values?: Record<string, string | number>) => {
    const s = route(key);
    return s ? shared(s) : audit(key, values);
  }, { has: (key: string) => { const s = route(key); return s ? shared.has(s) : audit.has(key); } });
}

export function describeAction(t: AuditT, action: string): string {
  return t.has(`actions.${action}`) ? t(`actions.${action}`) : action;
}

export function fieldLabel(t: AuditT, field: string): string {
  return t.has(`fields.${field}`) ? t(`fields.${field}`) : field;
}

export function formatValue(t: AuditT, field: string, v: unknown, dateTime: (d: Date) => string): string | null {
  if (v === undefined || v === null || v === "") return null;
  if (typeof v === "boolean") return t(v ? "values.yes" : "values.no");
  if (typeof v === "string") {
    if (ISO.test(v) && !Number.isNaN(Date.parse(v))) return dateTime(new Date(v));
    if (CODED.has(field) && t.has(`values.${field}.${v}`)) return t(`values.${field}.${v}`);
    return v;
  }
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) {
    const parts = v.slice(0, 10).map((x) => formatValue(t, field, x, dateTime) ?? "—");
    return v.length > 10 ? `${parts.join("、")} …（${v.length}）` : parts.join("、");
  }
  return JSON.stringify(v);
}

/** Field-by-field: a field in both shows before → after, only in `after` is new, only in `before` was removed. */
export function describeChanges(t: AuditT, before: unknown, after: unknown, dateTime: (d: Date) => string, max = 12): Change[] {
  const b = (before && typeof before === "object" && !Array.isArray(before) ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === "object" && !Array.isArray(after) ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const out: Change[] = [];
  for (const k of keys) {
    const was = k in b ? formatValue(t, k, b[k], dateTime) : null;
    const now = k in a ? formatValue(t, k, a[k], dateTime) : null;
    if (k in b && k in a && was === now) continue; // unchanged fields add noise
    out.push({ field: fieldLabel(t, k), before: was, after: now });
    if (out.length >= max) break;
  }
  return out;
}
