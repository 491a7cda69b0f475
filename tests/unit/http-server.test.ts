/**
 * The custom HTTP server (scripts/lib/http-server.ts) in front of a stand-in for Next's request handler: what the
 * page cache stores and serves must be what Next would answer for the same request (issue 12 items 3, 4, 9).
 */
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { registerPublicVersionSource } from "@/lib/cache/page-cache";
import { localeFrom } from "@/lib/i18n/config";

/** Next's own cookie parsing (@edge-runtime/cookies): a Map, so of two cookies with one name the last wins. */
function nextCookie(req: IncomingMessage, name: string): string | undefined {
  const map = new Map<string, string>();
  for (const pair of (req.headers.cookie ?? "").split(/; */)) {
    const i = pair.indexOf("=");
    if (i > 0) map.set(pair.slice(0, i), pair.slice(i + 1));
  }
  return map.get(name);
}

let renders = 0;
/** Stands in for a page: renders its language the way next-intl's request config would see it. */
function fakeNext(req: IncomingMessage, res: ServerResponse) {
  renders++;
  if (req.headers["x-test-echo-encoding"]) {
    res.setHeader("x-seen-accept-encoding", String(req.headers["accept-encoding"] ?? "none"));
    return res.end("{}");
  }
  if (req.url?.startsWith("/admin/print-view")) {
    // like Next's sendResponse: a route's own header is copied only when the response has none yet
    const own = { "content-type": "text/html; charset=utf-8", "x-frame-options": "SAMEORIGIN", "content-security-policy": "script-src 'none'; frame-ancestors 'self'" };
    for (const [k, v] of Object.entries(own)) if (res.getHeader(k) === undefined) res.setHeader(k, v);
    return res.end("<!doctype html><html><body>print</body></html>");
  }
  const c = nextCookie(req, "NEXT_LOCALE");
  const explicit = req.headers["x-huiwu-lang"]; // what requestLocale reads first: the URL's ?lang=, set by the server
  const lang = explicit === "en" || explicit === "zh-CN" ? explicit : c === "en" || c === "zh-CN" ? c : /^en/i.test(req.headers["accept-language"] ?? "") ? "en" : "zh-CN";
  // like Next: the nonce comes from the request's Content-Security-Policy header and is stamped on every script
  const nonce = /'nonce-([^']+)'/.exec(String(req.headers["content-security-policy"] ?? ""))?.[1];
  const n = nonce ? ` nonce="${nonce}"` : "";
  if (req.url?.startsWith("/print/")) {
    // like Next's sendResponse for a route handler: a Response header is copied only when the outgoing response has
    // none of that name yet (lib/console/print-route.ts lets the console frame its print documents)
    const own = { "content-type": "text/html; charset=utf-8", "x-frame-options": "SAMEORIGIN", "content-security-policy": "default-src 'self'; script-src 'none'; frame-ancestors 'self'" };
    for (const [k, v] of Object.entries(own)) if (typeof res.getHeader(k) === "undefined") res.appendHeader(k, v);
    res.end("<!doctype html><p>print</p>");
    return;
  }
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.end(`<!doctype html><html lang="${lang}"><body>render ${renders}<script${n}>self.__next_f.push([1,"${req.url}"])</script><script${n} src="/_next/static/chunks/main.js" async></script></body></html>`);
}

vi.mock("next", () => ({
  default: () => ({ prepare: async () => {}, getRequestHandler: () => fakeNext }),
}));

const { reloadFrontConfig } = await import("../../scripts/lib/http-server");
const { startHttpServer } = await import("../../scripts/lib/http-backend");
const port = 41000 + Math.floor(Math.random() * 2000);
const base = `http://127.0.0.1:${port}`;
let server: Server;

beforeAll(async () => {
  registerPublicVersionSource(async () => 1);
  server = await startHttpServer(port, "127.0.0.1", { directRoutes: new Map() }); // no build to load direct routes from: every route reaches the stand-in
});
afterAll(() => new Promise<void>((r) => server?.close(() => r())));

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });
const langOf = async (r: Response) => /<html lang="([^"]+)"/.exec(await r.text())?.[1];

describe("page cache and language (item 3)", () => {
  it("two NEXT_LOCALE cookies cannot poison the cache: every answer is in the language localeFrom gives its request", async () => {
    const path = `/events/poison-${Math.random().toString(36).slice(2)}?p=1`;
    const twoCookies = { cookie: "NEXT_LOCALE=zh-CN; NEXT_LOCALE=en" };
    expect(await langOf(await get(path, twoCookies))).toBe(localeFrom(twoCookies.cookie, null));
    // a visitor whose only signal is Accept-Language: en gets English, whatever the first request stored
    const en = await get(path, { "accept-language": "en" });
    expect(await langOf(en)).toBe("en");
    expect(await langOf(await get(path, { cookie: "NEXT_LOCALE=zh-CN", "accept-language": "en" }))).toBe("zh-CN");
    const again = await get(path, twoCookies);
    expect(again.headers.get("x-huiwu-cache")).toBeTruthy(); // served from the cache, still right
    expect(await langOf(again)).toBe(localeFrom(twoCookies.cookie, null));
  });
});

describe("security headers on every response (item 9)", () => {
  const scriptSrc = (csp: string | null) => csp?.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
  const common = (r: Response) => {
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    expect(r.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    const csp = r.headers.get("content-security-policy");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(scriptSrc(csp)).not.toContain("unsafe-inline");
    expect(scriptSrc(csp)).not.toBe("");
    return csp!;
  };
  const inline = (html: string) => /<script(?: nonce="[^"]*")?>([^<]*)<\/script>/.exec(html)![1];

  it("a cached page: the policy allows its inline script by hash, the same on the miss and on every hit", async () => {
    const path = `/events/headers-${Math.random().toString(36).slice(2)}`;
    for (let i = 0; i < 2; i++) {
      const r = await get(path);
      expect(r.headers.get("x-huiwu-cache")).toBeTruthy();
      const csp = common(r);
      const body = await r.text();
      const hash = createHash("sha256").update(inline(body)).digest("base64");
      expect(scriptSrc(csp)).toContain(`'sha256-${hash}'`);
      expect(scriptSrc(csp)).not.toContain("nonce-");
    }
  });

  it("an uncached page: a fresh nonce per request, the one Next stamped on its scripts", async () => {
    const a = await get("/me/registrations");
    expect(a.headers.get("x-huiwu-cache")).toBeNull();
    const csp = common(a);
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc(csp))?.[1];
    expect(nonce).toBeTruthy();
    expect(await a.text()).toContain(`nonce="${nonce}"`);
    const b = await get("/me/registrations");
    expect(/'nonce-([^']+)'/.exec(scriptSrc(b.headers.get("content-security-policy")))?.[1]).not.toBe(nonce);
  });

  it("a route's own framing headers win over the defaults: the console frames its print documents", async () => {
    const r = await get("/print/roster");
    expect(r.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(r.headers.get("content-security-policy")).toContain("frame-ancestors 'self'");
    expect(r.headers.get("x-content-type-options")).toBe("nosniff"); // the defaults it does not set still come
    const page = await get("/me/registrations");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
  });

  it("HSTS only over https, and only a trusted proxy can say so", async () => {
    expect((await get("/me", { "x-forwarded-proto": "https" })).headers.get("strict-transport-security")).toBeNull();
    process.env.TRUST_PROXY = "1";
    reloadFrontConfig(); // the front reads its configuration at start
    try {
      expect((await get("/me", { "x-forwarded-proto": "https" })).headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
      expect((await get("/me")).headers.get("strict-transport-security")).toBeNull();
    } finally {
      delete process.env.TRUST_PROXY;
      reloadFrontConfig();
    }
  });
});

describe("security headers are defaults a route can replace (issue 12 item 9)", () => {
  it("a print view that the console frames keeps its own frame-ancestors and X-Frame-Options; others get the defaults", async () => {
    const print = await get("/admin/print-view?x=1");
    expect(print.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(print.headers.get("content-security-policy")).toBe("script-src 'none'; frame-ancestors 'self'");
    expect(print.headers.get("x-content-type-options")).toBe("nosniff"); // what it did not set itself: the defaults
    const page = await get("/me");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});

describe("explicit language URLs (issue 12 item 15)", () => {
  it("?lang= wins over the cookie and Accept-Language, keys its own cache entry, and a client cannot set it by header", async () => {
    const path = `/events/lang-${Math.random().toString(36).slice(2)}`;
    expect(await langOf(await get(path, { "accept-language": "en" }))).toBe("en");
    expect(await langOf(await get(`${path}?lang=zh-CN`, { "accept-language": "en" }))).toBe("zh-CN");
    expect(await langOf(await get(`${path}?lang=en`, { cookie: "NEXT_LOCALE=zh-CN" }))).toBe("en");
    const cached = await get(`${path}?lang=en`, { cookie: "NEXT_LOCALE=zh-CN" });
    expect(cached.headers.get("x-huiwu-cache")).toMatch(/^v/);
    expect(await langOf(cached)).toBe("en");
    expect(await langOf(await get(`${path}?lang=zh-CN`))).toBe("zh-CN"); // not the en entry
    expect(await langOf(await get(`${path}?lang=fr`, { "accept-language": "en" }))).toBe("en"); // not a locale: negotiated
    expect(await langOf(await get(`/events/lang-${Math.random().toString(36).slice(2)}`, { "x-huiwu-lang": "en" }))).toBe("zh-CN");
  });
});

describe("405 Method Not Allowed carries Allow (issue 12 item 12)", () => {
  it("every API route: a method it does not serve is 405 with the methods it does, without entering Next", async () => {
    const { API_ROUTES } = await import("@/lib/api/routes");
    for (const [template, methods] of Object.entries(API_ROUTES)) {
      const path = template.replace(/\{[^}]+\}/g, "x-1");
      const wrong = ["GET", "POST", "PUT", "PATCH", "DELETE"].find((m) => !methods.includes(m as never))!;
      const before = renders;
      const res = await fetch(`${base}${path}`, { method: wrong, headers: { "accept-language": "en" }, ...(wrong === "GET" ? {} : { body: "{}" }) });
      expect(res.status, `${wrong} ${path}`).toBe(405);
      const allow = res.headers.get("allow")!.split(", ");
      expect(allow, `${wrong} ${path}`).toEqual([...new Set([...methods, "OPTIONS", ...(methods.includes("GET") ? ["HEAD"] : [])])].sort());
      expect((await res.json()).error).toMatch(/not allowed/);
      expect(renders, "answered before Next").toBe(before);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff"); // security headers on it too
    }
  });

  it("API writes reach Next without Accept-Encoding (small JSON is not worth gzip); reads and pages keep it", async () => {
    const seen: (string | undefined)[] = [];
    const spy = (path: string, method: string) =>
      fetch(`${base}${path}`, { method, headers: { "accept-encoding": "gzip, br", "x-test-echo-encoding": "1", authorization: "Bearer t" }, ...(method === "GET" ? {} : { body: "{}" }) }).then((r) => {
        seen.push(r.headers.get("x-seen-accept-encoding") ?? undefined);
        return r.status;
      });
    expect(await spy("/api/v1/checkins", "POST")).toBe(200);
    expect(await spy("/api/v1/events/some-forum", "PATCH")).toBe(200);
    expect(await spy("/api/v1/events/some-forum", "GET")).toBe(200); // signed in: not a cache hit
    expect(await spy("/admin/events/x/registrations", "POST")).toBe(200); // a server action: its RSC payload can be large
    expect(seen).toEqual(["none", "none", "gzip, br", "gzip, br"]);
  });

  it("served methods, OPTIONS and other paths still reach Next", async () => {
    const before = renders;
    expect((await fetch(`${base}/api/v1/events/some-forum`, { method: "PATCH", body: "{}" })).status).toBe(200);
    expect((await fetch(`${base}/api/v1/events/some-forum`, { method: "OPTIONS" })).status).toBe(200);
    expect((await fetch(`${base}/api/v1/no-such-thing`, { method: "DELETE" })).status).toBe(200);
    expect((await fetch(`${base}/api/auth/session`, { method: "GET" })).status).toBe(200);
    expect(renders).toBe(before + 4);
    const auth = await fetch(`${base}/api/auth/signout`, { method: "DELETE" });
    expect(auth.status).toBe(405);
    expect(auth.headers.get("allow")).toBe("GET, HEAD, OPTIONS, POST");
  });
});
