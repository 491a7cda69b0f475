/** Facts about the incoming request that the auth code needs (client IP), read through lib/http/request-headers.ts. */
import "server-only";
import { requestHeaders } from "@/lib/http/request-headers";

/**
 * The client's address: the right-most X-Forwarded-For entry (the one added by the proxy closest to us; `next start`
 * sets it to the socket address when no proxy is in front), else X-Real-IP. Per-account limits never depend on it.
 */
export function ipFromHeaders(h: Headers): string {
  const xff = h.get("x-forwarded-for");
  const last = xff?.split(",").map((s) => s.trim()).filter(Boolean).pop();
  const ip = last || h.get("x-real-ip")?.trim() || "unknown";
  return ip.replace(/^::ffff:/, "").slice(0, 64);
}

export async function clientIp(): Promise<string> {
  try {
    return ipFromHeaders(await requestHeaders());
  } catch {
    return "unknown"; // outside a request (CLI, scripts)
  }
}
