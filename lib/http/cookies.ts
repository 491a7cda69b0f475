/** A Cookie request header, parsed. Pure: the front's page cache, the back end and server code share it. */

/** Every cookie of a Cookie header by name (raw values; a repeated name: the last one). */
export function parseCookies(header: string | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    const name = i > 0 ? part.slice(0, i).trim() : "";
    if (name) out[name] = part.slice(i + 1).trim();
  }
  return out;
}

/** One cookie's value, URL-decoded as Next's `cookies()` decodes it; undefined when absent. */
export function cookieOf(header: string | null | undefined, name: string): string | undefined {
  const raw = header ? parseCookies(header)[name] : undefined;
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
