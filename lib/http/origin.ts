/**
 * THE base URL for absolute links the app emits (feeds, metadataBase, …):
 *  1. APP_URL when set (a deployment should set it);
 *  2. else, only when TRUST_PROXY says a proxy is in front, the scheme and host that proxy forwarded (the custom
 *     server drops X-Forwarded-Proto/-Host from anyone else, lib/http/client-ip.ts);
 *  3. else http://localhost:PORT.
 * A client's own Host header is never used: it would let anyone put their host into a cached page. The page cache
 * keys by this origin too (lib/cache/page-cache.ts), so a trusted proxy's https and http pages never mix.
 * Never 0.0.0.0 (the address the server listens on is not an address to link to).
 */
import { appBaseUrl, env } from "@/lib/env";

type HeaderGetter = (name: string) => string | null | undefined;

const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;
const UNSPECIFIED = /^(?:0\.0\.0\.0|\[::\])(?::\d+)?$/;

export function publicOrigin(header: HeaderGetter): string {
  if (env.APP_URL) return appBaseUrl();
  const trust = env.TRUST_PROXY;
  if (trust.kind !== "none" && !(trust.kind === "hops" && trust.hops <= 0)) {
    const host = header("x-forwarded-host")?.split(",")[0].trim() ?? "";
    const proto = header("x-forwarded-proto")?.split(",")[0].trim().toLowerCase();
    if (HOST.test(host) && !UNSPECIFIED.test(host)) return `${proto === "https" ? "https" : "http"}://${host.toLowerCase()}`;
  }
  return appBaseUrl().replace(/\/\/(?:0\.0\.0\.0|\[::\])(?=[:/]|$)/, "//localhost");
}

/** For links made outside a request (mail, SMS, background work, documents): the configured origin. */
export const appUrl = () => publicOrigin(() => undefined);

/** For route handlers: `publicOrigin` over a Request's headers. */
export const originOf = (req: Request) => publicOrigin((n) => req.headers.get(n));
