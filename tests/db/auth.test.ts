/**
 * Accounts: credentials checking (argon2id, timing, throttling), the real currentActor (session cookie and bearer
 * token, re-read from the database on every call), sign-up.
 */
import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { apiTokens, auditLog, rateLimits, users } from "@/db/schema";
import { changePassword, signUp } from "@/lib/accounts/commands";
import { signUpSchema } from "@/lib/accounts/validation";
import { DomainError, parse } from "@/lib/actions/result";
import { currentActor } from "@/lib/auth/actor";
import { verifyCredentials } from "@/lib/auth/credentials";
import { startSession } from "@/lib/auth/sessions";
import { issueToken } from "@/lib/auth/tokens";
import { useAppDb } from "../fixtures/app-db";
import { createTestDb, testEngines } from "../fixtures/db";
import { withRequest } from "../fixtures/request";
import { makeUser, TEST_PASSWORD } from "../fixtures/users";

const SECRET = "test-secret-test-secret-test-secret-0000";
process.env.AUTH_SECRET = SECRET;

/** A session cookie as Auth.js issues it at sign-in: a JWT naming a server-side session row (lib/auth/sessions.ts). */
async function sessionCookie(db: Db, userId: string, authAt = Date.now()) {
  const name = "authjs.session-token";
  const sid = await startSession(db, userId, 3600);
  const value = await encode({ token: { sub: userId, name: "x", email: "x@example.com", authAt, sid }, secret: SECRET, salt: name, maxAge: 3600 });
  return { [name]: value };
}

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

describe.each(testEngines())("accounts on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await createTestDb(engine);
    useAppDb(h);
  });
  afterAll(() => h?.close());

  it("stores argon2id hashes with the OWASP parameters", async () => {
    const u = await makeUser(h.db);
    expect(u.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("verifies credentials; unknown email and wrong password get the same answer", async () => {
    const u = await makeUser(h.db);
    await expect(verifyCredentials(h.db, { email: u.email.toUpperCase(), password: TEST_PASSWORD, ip: "198.51.100.1" })).resolves.toMatchObject({ id: u.id });
    const wrong = await verifyCredentials(h.db, { email: u.email, password: "nope-nope-nope", ip: "198.51.100.1" }).catch((e) => e);
    const unknown = await verifyCredentials(h.db, { email: "nobody-here@example.com", password: "nope-nope-nope", ip: "198.51.100.1" }).catch((e) => e);
    expect(wrong).toBeInstanceOf(DomainError);
    expect([wrong.code, wrong.message]).toEqual([unknown.code, unknown.message]);
    expect(wrong.code).toBe("unauthenticated");
  });

  it("an attacker's 10 wrong passwords from one address lock out that address only: the owner elsewhere still signs in", async () => {
    const u = await makeUser(h.db);
    for (let i = 0; i < 10; i++) expect(await code(verifyCredentials(h.db, { email: u.email, password: `wrong-${i}-xxxxxx`, ip: "203.0.113.66" }))).toBe("unauthenticated");
    const attacker = await verifyCredentials(h.db, { email: u.email, password: TEST_PASSWORD, ip: "203.0.113.66" }).catch((e) => e);
    expect(attacker.code).toBe("rate_limited"); // even the right password, from that address
    expect(attacker.extra.retryAfter).toBeGreaterThan(800);
    await expect(verifyCredentials(h.db, { email: u.email, password: TEST_PASSWORD, ip: "198.51.100.77" })).resolves.toMatchObject({ id: u.id });
  });

  it("RATE_LIMIT_SIGNIN_PER_ACCOUNT wrong passwords spread over many addresses lock the account (429 even with the right password) until the window passes", async () => {
    const prev = process.env.RATE_LIMIT_SIGNIN_PER_ACCOUNT;
    process.env.RATE_LIMIT_SIGNIN_PER_ACCOUNT = "10";
    onTestFinished(() => {
      if (prev === undefined) delete process.env.RATE_LIMIT_SIGNIN_PER_ACCOUNT;
      else process.env.RATE_LIMIT_SIGNIN_PER_ACCOUNT = prev;
    });
    const u = await makeUser(h.db);
    for (let i = 0; i < 10; i++) expect(await code(verifyCredentials(h.db, { email: u.email, password: `wrong-${i}-xxxxxx`, ip: `198.51.100.${10 + i}` }))).toBe("unauthenticated");
    const locked = await verifyCredentials(h.db, { email: u.email, password: TEST_PASSWORD, ip: "198.51.100.99" }).catch((e) => e);
    expect(locked.code).toBe("rate_limited");
    expect(locked.extra.retryAfter).toBeGreaterThan(800);
    // the window passes
    await h.db.update(rateLimits).set({ resetAt: new Date(Date.now() - 1000) }).where(eq(rateLimits.key, `signin:account:${u.email}`));
    await expect(verifyCredentials(h.db, { email: u.email, password: TEST_PASSWORD, ip: "198.51.100.99" })).resolves.toMatchObject({ id: u.id });
  });

  it("a disabled user cannot sign in, and is told so only after giving the right password", async () => {
    const u = await makeUser(h.db, { disabledAt: new Date() });
    expect(await code(verifyCredentials(h.db, { email: u.email, password: "wrong-password-1", ip: "198.51.100.2" }))).toBe("unauthenticated");
    expect(await code(verifyCredentials(h.db, { email: u.email, password: TEST_PASSWORD, ip: "198.51.100.2" }))).toBe("forbidden");
  });

  it("currentActor: session cookie → fresh user from the database; demotion and disabling apply on the next call", async () => {
    const u = await makeUser(h.db, { siteRole: "admin" });
    const cookies = await sessionCookie(h.db, u.id);
    const call = () => withRequest({ cookies }, () => currentActor());
    expect(await call()).toMatchObject({ id: u.id, siteRole: "admin" });
    await h.db.update(users).set({ siteRole: "user" }).where(eq(users.id, u.id));
    expect(await call()).toMatchObject({ id: u.id, siteRole: "user" });
    await h.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, u.id));
    expect(await call()).toBeNull();
    // a cookie whose server-side session is gone (or never existed) is nobody
    const orphan = await encode({ token: { sub: u.id, authAt: Date.now() }, secret: SECRET, salt: "authjs.session-token", maxAge: 3600 });
    await h.db.update(users).set({ disabledAt: null }).where(eq(users.id, u.id));
    expect(await call()).toMatchObject({ id: u.id });
    expect(await withRequest({ cookies: { "authjs.session-token": orphan } }, () => currentActor())).toBeNull();
    // a forged cookie is nobody
    expect(await withRequest({ cookies: { "authjs.session-token": "forged" } }, () => currentActor())).toBeNull();
  });

  it("changing the password voids sessions signed in before it (not later sessions; API tokens only when the user keeps them)", async () => {
    const u = await makeUser(h.db);
    const old = await sessionCookie(h.db, u.id, Date.now() - 60_000);
    const as = (cookies: Record<string, string>) => withRequest({ cookies }, () => currentActor());
    expect(await as(old)).toMatchObject({ id: u.id });
    const { token } = await issueToken(h.db, u.id);
    await changePassword(h.db, { id: u.id, siteRole: "user", name: u.name, email: u.email }, { currentPassword: TEST_PASSWORD, newPassword: "brand-new-password-1", keepTokens: true });
    expect(await as(old)).toBeNull();
    expect(await as(await sessionCookie(h.db, u.id))).toMatchObject({ id: u.id });
    expect(await withRequest({ headers: { authorization: `Bearer ${token}` } }, () => currentActor())).toMatchObject({ id: u.id });
    await expect(verifyCredentials(h.db, { email: u.email, password: "brand-new-password-1", ip: "198.51.100.4" })).resolves.toMatchObject({ id: u.id });
  });

  it("currentActor: bearer token; expired, revoked or malformed tokens are nobody (no fallback to the cookie)", async () => {
    const u = await makeUser(h.db);
    const { token, id } = await issueToken(h.db, u.id);
    const [stored] = await h.db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const as = (authorization: string, cookies?: Record<string, string>) =>
      withRequest({ headers: { authorization }, cookies }, () => currentActor());
    expect(await as(`Bearer ${token}`)).toMatchObject({ id: u.id });
    expect(await as(`Bearer ${token}x`)).toBeNull();
    expect(await as(`Bearer`, await sessionCookie(h.db, u.id))).toBeNull();
    await h.db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiTokens.id, id));
    expect(await as(`Bearer ${token}`)).toBeNull();
    const second = await issueToken(h.db, u.id);
    await h.db.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, second.id));
    expect(await as(`Bearer ${second.token}`)).toBeNull();
  });

  it("sign-up normalises odd-Unicode emails (NFC, lower-case), refuses duplicates, writes an audit record", async () => {
    const input = parse(signUpSchema, { name: " 张三 ", email: " E\u0301MILE.Zhang@Example.COM ", password: "long-enough-password" });
    expect(input.email).toBe("\u00e9mile.zhang@example.com");
    const u = await signUp(h.db, input, "198.51.100.3");
    expect(u.email).toBe("émile.zhang@example.com");
    const again = parse(signUpSchema, { name: "x", email: "\u00c9MILE.ZHANG@example.com", password: "long-enough-password" });
    expect(await code(signUp(h.db, again, "198.51.100.3"))).toBe("conflict");
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.entityId, u.id));
    expect(audit.map((a) => a.action)).toEqual(["user.signup"]);
    expect(JSON.stringify(audit)).not.toContain("long-enough-password");
    expect(() => parse(signUpSchema, { name: "x", email: "a\u200b@example.com", password: "long-enough-password" })).toThrow(DomainError);
    expect(() => parse(signUpSchema, { name: "x", email: "ok@example.com", password: "short" })).toThrow(DomainError);
  });

  it("sign-up is throttled per IP", async () => {
    const prev = process.env.RATE_LIMIT_SIGNUP_PER_IP;
    process.env.RATE_LIMIT_SIGNUP_PER_IP = "2";
    try {
      const mk = (i: number) => parse(signUpSchema, { name: "n", email: `throttle-${i}@example.com`, password: "long-enough-password" });
      expect(await code(signUp(h.db, mk(1), "192.0.2.50"))).toBe("ok");
      expect(await code(signUp(h.db, mk(2), "192.0.2.50"))).toBe("ok");
      expect(await code(signUp(h.db, mk(3), "192.0.2.50"))).toBe("rate_limited");
      expect(await code(signUp(h.db, mk(4), "192.0.2.51"))).toBe("ok");
      const [none] = await h.db.select().from(users).where(eq(users.email, "throttle-3@example.com"));
      expect(none).toBeUndefined();
    } finally {
      // (assigning undefined would store the string "undefined", which lib/env.ts rightly refuses)
      if (prev === undefined) delete process.env.RATE_LIMIT_SIGNUP_PER_IP;
      else process.env.RATE_LIMIT_SIGNUP_PER_IP = prev;
    }
  });
});
