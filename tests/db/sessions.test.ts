/**
 * Sessions end on the server (issue 12 item 6): sign-out through Auth.js's own endpoints voids the cookie for good,
 * a password change ends every other session and every API token (unless the user keeps them), and the
 * current-password check is throttled.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import { changePassword } from "@/lib/accounts/commands";
import { DomainError } from "@/lib/actions/result";
import { verifyCredentials } from "@/lib/auth/credentials";
import { issueToken } from "@/lib/auth/tokens";
import { useAppDb } from "../fixtures/app-db";
import { createTestDb, testEngines } from "../fixtures/db";
import { withRequest } from "../fixtures/request";
import { makeUser, TEST_PASSWORD } from "../fixtures/users";

process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-0000";
const { GET: authGet, POST: authPost } = await import("@/app/api/auth/[...nextauth]/route");
const { GET: meRoute } = await import("@/app/api/v1/me/route");

const ORIGIN = "http://localhost:3000";
type Jar = Map<string, string>;
const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
function keep(jar: Jar, res: Response) {
  for (const c of res.headers.getSetCookie()) {
    const [pair, ...attrs] = c.split(";");
    const i = pair.indexOf("=");
    const [name, value] = [pair.slice(0, i).trim(), pair.slice(i + 1).trim()];
    if (!value || attrs.some((a) => /max-age=0\b|expires=thu, 01 jan 1970/i.test(a))) jar.delete(name);
    else jar.set(name, value);
  }
}
const req = (path: string, jar: Jar, init: RequestInit = {}) =>
  new Request(`${ORIGIN}${path}`, { ...init, headers: { cookie: cookieHeader(jar), host: "localhost:3000", "x-forwarded-for": "203.0.113.44", ...(init.headers as Record<string, string>) } });

/** Signs in through Auth.js's credentials endpoint, exactly as the browser's form post does. */
async function signIn(email: string, password: string): Promise<Jar> {
  const jar: Jar = new Map();
  const csrf = await authGet(req("/api/auth/csrf", jar) as never);
  keep(jar, csrf);
  const { csrfToken } = await csrf.json();
  const res = await authPost(
    req("/api/auth/callback/credentials", jar, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ email, password, csrfToken }).toString() }) as never,
  );
  keep(jar, res);
  expect(jar.has("authjs.session-token"), "signed in").toBe(true);
  return jar;
}

async function signOut(jar: Jar) {
  const csrf = await authGet(req("/api/auth/csrf", jar) as never);
  keep(jar, csrf);
  const { csrfToken } = await csrf.json();
  const res = await authPost(
    req("/api/auth/signout", jar, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ csrfToken }).toString() }) as never,
  );
  keep(jar, res);
}

/** GET /api/v1/me with exactly these cookies (or a bearer token). */
const me = (cookies: Record<string, string>, authorization?: string) =>
  withRequest({ cookies, headers: authorization ? { authorization } : {} }, () => meRoute(new Request("http://localhost/api/v1/me"), { params: Promise.resolve({}) })).then((r) => r.status);

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

describe.each(testEngines())("sessions on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await createTestDb(engine);
    useAppDb(h);
  });
  afterAll(() => h?.close());

  it("sign-out ends the session on the server: the copied cookie is refused afterwards (401), another session lives on", async () => {
    const u = await makeUser(h.db);
    const jar = await signIn(u.email, TEST_PASSWORD);
    const other = await signIn(u.email, TEST_PASSWORD);
    const stolen = { "authjs.session-token": jar.get("authjs.session-token")! };
    expect(await me(stolen)).toBe(200);
    await signOut(jar);
    expect(jar.has("authjs.session-token")).toBe(false);
    expect(await me(stolen)).toBe(401);
    expect(await me({ "authjs.session-token": other.get("authjs.session-token")! })).toBe(200);
  });

  it("a password change ends every other session and every API token; 'keep my tokens' keeps the tokens only", async () => {
    const u = await makeUser(h.db);
    const actor = { id: u.id, siteRole: u.siteRole, name: u.name, email: u.email };
    const other = { "authjs.session-token": (await signIn(u.email, TEST_PASSWORD)).get("authjs.session-token")! };
    const t1 = await issueToken(h.db, u.id);
    expect(await me({}, `Bearer ${t1.token}`)).toBe(200);
    await changePassword(h.db, actor, { currentPassword: TEST_PASSWORD, newPassword: "brand-new-password-1" });
    expect(await me(other)).toBe(401);
    expect(await me({}, `Bearer ${t1.token}`)).toBe(401);
    expect((await h.db.select({ revokedAt: apiTokens.revokedAt }).from(apiTokens).where(eq(apiTokens.id, t1.id)))[0].revokedAt).not.toBeNull();

    const t2 = await issueToken(h.db, u.id);
    const second = { "authjs.session-token": (await signIn(u.email, "brand-new-password-1")).get("authjs.session-token")! };
    await changePassword(h.db, actor, { currentPassword: "brand-new-password-1", newPassword: "brand-new-password-2", keepTokens: true });
    expect(await me(second)).toBe(401);
    expect(await me({}, `Bearer ${t2.token}`)).toBe(200);
  });

  it("the current-password check is throttled: after 5 wrong tries even the right one is refused (rate_limited)", async () => {
    const u = await makeUser(h.db);
    const actor = { id: u.id, siteRole: u.siteRole, name: u.name, email: u.email };
    for (let i = 0; i < 5; i++) expect(await code(changePassword(h.db, actor, { currentPassword: `wrong-${i}-xxxxxx`, newPassword: "brand-new-password-1" }))).toBe("invalid");
    expect(await code(changePassword(h.db, actor, { currentPassword: TEST_PASSWORD, newPassword: "brand-new-password-1" }))).toBe("rate_limited");
    // nothing changed
    await expect(verifyCredentials(h.db, { email: u.email, password: TEST_PASSWORD, ip: "198.51.100.9" })).resolves.toMatchObject({ id: u.id });
    expect((await h.db.select({ id: users.id }).from(users).where(eq(users.id, u.id))).length).toBe(1);
  });
});
