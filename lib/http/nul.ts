/**
 * NUL (U+0000) in input: Postgres refuses it in text, so a NUL that reaches a query is a 500.
 * Every entry point refuses it in one place before any query: the JSON body reader (lib/http/json-body.ts), the path
 * and query parsers (lib/http/params.ts, lib/actions/route.ts) and the server-action family (lib/actions/define.ts).
 * Pure; safe anywhere.
 */

/** The path ("a.b.0", "" for the value itself) of the first string or key that contains NUL, or null if none. */
export function nulPath(value: unknown, at = "", depth = 0): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? at : null;
  if (depth > 64 || value === null || typeof value !== "object") return null;
  if (typeof FormData !== "undefined" && value instanceof FormData) {
    for (const [k, v] of value.entries()) {
      if (k.includes("\u0000")) return k;
      if (typeof v === "string" && v.includes("\u0000")) return k;
    }
    return null;
  }
  if (typeof Blob !== "undefined" && value instanceof Blob) return null;
  for (const [k, v] of Object.entries(value)) {
    const p = at ? `${at}.${k}` : k;
    if (k.includes("\u0000")) return p;
    const hit = nulPath(v, p, depth + 1);
    if (hit !== null) return hit;
  }
  return null;
}

export const NUL_MESSAGE = "errors.nul";
