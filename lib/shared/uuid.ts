/**
 * A UUID in its text form. Ids from URLs, forms and tokens are checked with this before they reach a query, so a
 * malformed id is simply "not found" — never a database error. Client-safe.
 */
export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (v: unknown): v is string => typeof v === "string" && UUID_RE.test(v);
