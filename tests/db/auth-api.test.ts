/**
 * The auth API over route handlers: sign-up, token, bearer use, bad input (malformed JSON, 10 MB bodies, odd
 * Unicode, missing fields), no account oracle on sign-in (same message, similar timing), throttling with Retry-After.
 */
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as signupRoute } from "@/app/api/v1/auth/signup/route";
import { POST as tokenRoute } from "@/app/api/v1/auth/token/route";
import { DELETE as revokeRoute } from "@/app/api/v1/auth/tokens/[id]/route";
import { PATCH as patchEvent } from "@/app/api/v1/events/[slug]/route";
import { GET as meRoute } from "@/app/api/v1/me/route";
import type { DbHandle } from "@/db/client";
import { apiTokens, auditLog, events, users } from "@/db/schema";
import { useAppDb } from "../fixtures/app-db";
import { createTestDb, testEngines } from "../fixtures/db";
import { buildGuardWorld } from "../fixtures/guard-world";
import { withRequest } from "../fixtures/request";
import { makeUser, TEST_PASSWORD } from "../fixtures/users";

process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";

const post = (body: unknown, headers: Record<string, string> = {}) =>
  new Request("http://localhost:3000/api/v1/x", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.20", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

async function asBearer(token: string, fn: () => Promise<Response>) {
  return withRequest({ headers: { authorization: `Bearer ${token}` } }, fn);
}

describe.each(testEngines())("auth API on %s", (engine) => {
  let h: DbHandle;
  const userCount = async () => (await h.db.select({ n: count() }).from(users))[0].n;

  beforeAll(async () => {
    h = await createTestDb(engine);
    useAppDb(h);
  });
  afterAll(() => h?.close());

  it("signup: 201 {user}; 409 for an existing email (any case / Unicode form); 422 with fieldErrors", async () => {
    const res = await signupRoute(post({ email: "Li.Hua@Example.com", password: "a-good-password", name: "李华", organization: "自贡市" }));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.user).toMatchObject({ email: "li.hua@example.com", name: "李华" });
    expect(Object.keys(body.user).sort()).toEqual(["email", "id", "name"]);
    const [row] = await h.db.select().from(users).where(eq(users.id, body.user.id));
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

    const dup = await signupRoute(post({ email: "LI.HUA@example.COM", password: "a-good-password", name: "x" }));
    expect(dup.status).toBe(409);
    expect((await dup.json()).error).toBe("该邮箱已注册，请直接登录。"); // no Accept-Language: zh-CN, the default

    const bad = await signupRoute(post({ email: "not-an-email", password: "short" }));
    expect(bad.status).toBe(422);
    const b = await bad.json();
    expect(Object.keys(b.fieldErrors).sort()).toEqual(["email", "name", "password"]);
  });

  it("signup: odd Unicode emails are normalised (NFC + lower case) or refused with a clear message", async () => {
    const decomposed = "Zo\u0065\u0308@Example.com"; // "Zoë" with a combining diaeresis
    const res = await signupRoute(post({ email: decomposed, password: "a-good-password", name: "Zoë" }));
    expect(res.status).toBe(201);
    expect((await res.json()).user.email).toBe("zo\u00eb@example.com");
    const again = await signupRoute(post({ email: "ZO\u00cb@example.com", password: "a-good-password", name: "Zoë" }));
    expect(again.status).toBe(409);
    for (const email of ["a\u200b@example.com", "a\u202e@example.com", "a@b", "@example.com"]) {
      const r = await signupRoute(post({ email, password: "a-good-password", name: "x" }));
      expect(r.status, email).toBe(422);
      expect((await r.json()).fieldErrors.email).toBeTruthy();
    }
  });

  it("bad bodies: malformed JSON 400, non-object 422, wrong content type 415, 10 MB 413 — nothing written, no stack", async () => {
    const before = await userCount();
    const malformed = await signupRoute(post('{"email": "x@example.com", "password": '));
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: "请求体不是有效的 JSON。" });
    expect((await signupRoute(post("[1,2,3]"))).status).toBe(422);
    expect((await signupRoute(post("email=x", { "content-type": "application/x-www-form-urlencoded" }))).status).toBe(415);
    const big = JSON.stringify({ email: "big@example.com", password: "a-good-password", name: "x".repeat(10 * 1024 * 1024) });
    const huge = await signupRoute(post(big));
    expect(huge.status).toBe(413);
    expect((await huge.json()).error).toMatch(/^请求体过大（上限 \d+ KB）。$/);
    // the same without a Content-Length (streamed): still 413
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 11; i++) c.enqueue(new TextEncoder().encode("x".repeat(1024 * 1024)));
        c.close();
      },
    });
    const chunked = await signupRoute(
      new Request("http://localhost/api", { method: "POST", headers: { "content-type": "application/json" }, body: stream, duplex: "half" } as RequestInit),
    );
    expect(chunked.status).toBe(413);
    const missing = await tokenRoute(post({}));
    expect(missing.status).toBe(422);
    expect(await userCount()).toBe(before);
  });

  it("token: 200 {token, expiresAt}; stored hashed; usable as Bearer; revocable; expired/revoked → 401", async () => {
    const u = await makeUser(h.db);
    const res = await tokenRoute(post({ email: u.email, password: TEST_PASSWORD, name: "小程序" }));
    expect(res.status).toBe(200);
    const { token, expiresAt, tokenType } = await res.json();
    expect(tokenType).toBe("Bearer");
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now() + 80 * 24 * 3600 * 1000);
    const stored = await h.db.select().from(apiTokens).where(eq(apiTokens.userId, u.id));
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);

    const me = await asBearer(token, () => meRoute(new Request("http://x/api/v1/me")));
    expect(me.status).toBe(200);
    const mine = await me.json();
    expect(mine.user.email).toBe(u.email);
    expect(mine.tokens[0]).not.toHaveProperty("tokenHash");

    // someone else cannot revoke it (404), its owner can
    const other = await makeUser(h.db);
    const otherToken = await (await tokenRoute(post({ email: other.email, password: TEST_PASSWORD }))).json();
    const ctx = { params: Promise.resolve({ id: stored[0].id }) };
    expect((await asBearer(otherToken.token, () => revokeRoute(new Request("http://x", { method: "DELETE" }), ctx))).status).toBe(404);
    expect((await asBearer(token, () => meRoute(new Request("http://x/api/v1/me")))).status).toBe(200);
    expect((await asBearer(token, () => revokeRoute(new Request("http://x", { method: "DELETE" }), ctx))).status).toBe(200);
    const after = await asBearer(token, () => meRoute(new Request("http://x/api/v1/me")));
    expect(after.status).toBe(401);
    expect((await after.json()).error).toMatch(/API 令牌无效、已过期或已撤销/);
    // expired
    await h.db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiTokens.userId, other.id));
    expect((await asBearer(otherToken.token, () => meRoute(new Request("http://x/api/v1/me")))).status).toBe(401);
    const audit = await h.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.actorId, u.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["api_token.issue", "api_token.revoke"]);
  });

  it("token: 401 with the same message and similar timing for unknown and known emails; disabled → 403", async () => {
    const u = await makeUser(h.db);
    const time = async (email: string) => {
      const t0 = performance.now();
      const r = await tokenRoute(post({ email, password: "wrong-password-123" }, { "x-forwarded-for": "198.18.0.1" }));
      return { ms: performance.now() - t0, status: r.status, body: await r.json() };
    };
    await time("warm-up@example.com");
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 6; i++) {
      const a = await time(u.email);
      const b = await time(`nobody-${i}@example.com`);
      expect([a.status, b.status]).toEqual([401, 401]);
      expect(a.body).toEqual(b.body);
      known.push(a.ms);
      unknown.push(b.ms);
    }
    const med = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    console.info(`token 401 timing (median of 6): known email ${med(known).toFixed(1)} ms, unknown email ${med(unknown).toFixed(1)} ms`);
    // Both paths run one argon2id verification; allow for a busy shared CI machine (absolute slack for noise).
    expect(Math.abs(med(known) - med(unknown))).toBeLessThan(Math.max(med(known), med(unknown)) * 0.5 + 25);

    const d = await makeUser(h.db, { disabledAt: new Date() });
    const disabled = await tokenRoute(post({ email: d.email, password: TEST_PASSWORD }));
    expect(disabled.status).toBe(403);
    expect((await disabled.json()).error).toMatch(/已被停用/);
  });

  it("10 wrong passwords → 429 with Retry-After, even with the right password", async () => {
    const u = await makeUser(h.db);
    for (let i = 0; i < 10; i++) expect((await tokenRoute(post({ email: u.email, password: `wrong-${i}-password` }))).status).toBe(401);
    const locked = await tokenRoute(post({ email: u.email, password: TEST_PASSWORD }));
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await locked.json()).error).toMatch(/尝试次数过多/);
  });

  it("IDOR over the API with a token: the organizer of forum A may PATCH A, not B (403, B unchanged); 10 MB → 413", async () => {
    const { world, callers } = await buildGuardWorld(h.db);
    const token = (await (await tokenRoute(post({ email: callers.organizer.email, password: TEST_PASSWORD }))).json()).token;
    const patch = (slug: string, body: string) =>
      asBearer(token, () =>
        patchEvent(new Request(`http://localhost/api/v1/events/${slug}`, { method: "PATCH", headers: { "content-type": "application/json" }, body }), {
          params: Promise.resolve({ slug }),
        }),
      );
    const [before] = await h.db.select().from(events).where(eq(events.id, world.otherEventId));
    const denied = await patch(world.otherEventSlug, JSON.stringify({ capacity: 1 }));
    expect(denied.status).toBe(403);
    const [after] = await h.db.select().from(events).where(eq(events.id, world.otherEventId));
    expect(after).toEqual(before);
    const ok = await patch(world.eventSlug, JSON.stringify({ capacity: 150 }));
    expect(ok.status).toBe(200);
    const huge = await patch(world.eventSlug, JSON.stringify({ capacity: 1, pad: "x".repeat(10 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    expect((await huge.json()).error).toMatch(/^请求体过大（上限 \d+ KB）。$/);
    const [a] = await h.db.select().from(events).where(eq(events.id, world.eventId));
    expect(a.capacity).toBe(150);
  });
});
