/** `?next=/path` for after sign-in: only local paths are honoured (no open redirect). */
export function nextParam(v: string | string[] | undefined, fallback: string): string {
  return typeof v === "string" && /^\/(?![/\\])[^\s]*$/.test(v) ? v : fallback;
}
