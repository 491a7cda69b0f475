/**
 * Client IPs (issue 12 item 2): sign-ups go through the real custom server (scripts/lib/http-server.ts) in front of
 * the real sign-up route, with a stand-in for Next's request handler. Forged X-Forwarded-For headers must not
 * spread one client over many rate-limit keys unless TRUST_PROXY says a proxy is in front.
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { count, eq, like } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { ipFromHeaders } from "@/lib/auth/request-info";
import { parseTrustProxy, resolveClient } from "@/lib/http/client-ip";
import { useAppDb } from "../fixtures/app-db";
import { createTestDb } from "../fixtures/db";

const { POST: signupRoute } = await import("@/app/api/v1/auth/signup/route");

/** Next's request handler, reduced to what this test needs: the sign-up route and an echo of the client IP. */
async function fakeNext(req: IncomingMessage, res: ServerResponse) {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  if (req.url === "/whoami") {
    res.end(ipFromHeaders(headers));
    return;
  }
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const r = await signupRoute(new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) }));
  res.statusCode = r.status;
  res.end(Buffer.from(await r.arrayBuffer()));
}
vi.mock("next", () => ({ default: () => ({ prepare: async () => {}, getRequestHandler: () => fakeNext }) }));
const { reloadFrontConfig } = await import("../../scripts/lib/http-server");
const { startHttpServer } = await import("../../scripts/lib/http-backend");

const port = 43000 + Math.floor(Math.random() * 2000);
const base = `http://127.0.0.1:${port}`;

describe("client IP behind the custom server (pglite)", () => {
  let h: DbHandle;
  let server: Server;
  beforeAll(async () => {
    h = await createTestDb("pglite");
    useAppDb(h);
    server = await startHttpServer(port, "127.0.0.1", { directRoutes: new Map() }); // no build: every route reaches the stand-in
  });
  afterAll(async () => {
    await new Promise<void>((r) => server?.close(() => r()));
    await h?.close();
  });
  afterEach(() => {
    delete process.env.TRUST_PROXY;
    reloadFrontConfig();
  });

  const signUp = (n: string, xff: string) =>
    fetch(`${base}/api/v1/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": xff },
      body: JSON.stringify({ email: `ip-${n}@example.com`, password: "a-long-password-123", name: `访客${n}` }),
    });

  it("TRUST_PROXY unset: 21 sign-ups with 21 forged X-Forwarded-For are one client — the 21st is refused (429)", async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 21; i++) statuses.push((await signUp(`a${i}`, `198.51.100.${i}`)).status);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(201));
    expect(statuses[20]).toBe(429);
    // the audit log keeps the real (socket) address, not the forged one
    const [u] = await h.db.select({ id: users.id }).from(users).where(eq(users.email, "ip-a1@example.com"));
    const [a] = await h.db.select({ ip: auditLog.ip }).from(auditLog).where(eq(auditLog.entityId, u.id));
    expect(a?.ip).toBe("127.0.0.1");
    expect(await (await fetch(`${base}/whoami`, { headers: { "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.10" } })).text()).toBe("127.0.0.1");
  });

  it("TRUST_PROXY=1 (one proxy in front): the address that proxy added is the client, per-IP limits apply to it", async () => {
    process.env.TRUST_PROXY = "1";
    reloadFrontConfig(); // the front reads its configuration at start
    expect(await (await fetch(`${base}/whoami`, { headers: { "x-forwarded-for": "10.9.9.9, 203.0.113.9" } })).text()).toBe("203.0.113.9");
    const statuses: number[] = [];
    for (let i = 1; i <= 3; i++) statuses.push((await signUp(`b${i}`, `203.0.113.${100 + i}`)).status);
    expect(statuses).toEqual([201, 201, 201]); // three real clients behind the proxy, each under its own limit
    const [{ n }] = await h.db.select({ n: count() }).from(users).where(like(users.email, "ip-b%"));
    expect(n).toBe(3);
  });

  it("TRUST_PROXY as CIDRs: only listed hops are skipped; a peer outside the list is the client", async () => {
    process.env.TRUST_PROXY = "127.0.0.0/8, 10.0.0.0/8";
    reloadFrontConfig(); // the front reads its configuration at start
    expect(await (await fetch(`${base}/whoami`, { headers: { "x-forwarded-for": "203.0.113.9, 10.1.2.3" } })).text()).toBe("203.0.113.9");
    process.env.TRUST_PROXY = "10.0.0.0/8";
    reloadFrontConfig(); // the front reads its configuration at start
    expect(await (await fetch(`${base}/whoami`, { headers: { "x-forwarded-for": "203.0.113.9" } })).text()).toBe("127.0.0.1");
  });
});

describe("resolveClient", () => {
  it("hop counts and CIDR walks", () => {
    expect(resolveClient("10.0.0.1", "1.1.1.1, 2.2.2.2", parseTrustProxy(undefined))).toEqual({ ip: "10.0.0.1", viaProxy: false });
    expect(resolveClient("10.0.0.1", "1.1.1.1, 2.2.2.2", parseTrustProxy("1"))).toEqual({ ip: "2.2.2.2", viaProxy: true });
    expect(resolveClient("10.0.0.1", "1.1.1.1, 2.2.2.2", parseTrustProxy("2"))).toEqual({ ip: "1.1.1.1", viaProxy: true });
    expect(resolveClient("10.0.0.1", "1.1.1.1", parseTrustProxy("5")).ip).toBe("1.1.1.1");
    expect(resolveClient("::ffff:10.0.0.1", "1.1.1.1, 10.0.0.7", parseTrustProxy("10.0.0.0/8")).ip).toBe("1.1.1.1");
    expect(resolveClient("fd00::1", "2001:db8::5", parseTrustProxy("fd00::/8")).ip).toBe("2001:db8::5");
    expect(() => parseTrustProxy("yes")).toThrow(/TRUST_PROXY/);
  });
});
