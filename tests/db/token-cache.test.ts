/**
 * The bearer-token cache (lib/auth/token-cache.ts) and the one-statement check-in, over the real route and the real
 * bearer lookup, on PGlite and Postgres: a cached token costs no statement; a revocation, a site-role removal or a
 * disabled account made by ANOTHER instance (raw SQL here, or a second connection pool on Postgres) is refused on the
 * first request after AUTH_CACHE_RECHECK_MS; a forum-role removal is refused at once (the check-in statement checks it).
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as checkinRoute } from "@/app/api/v1/checkins/route";
import { openDatabase, type DbHandle } from "@/db/client";
import { apiTokens, checkins, events, registrations } from "@/db/schema";
import { setSiteRole, setUserDisabled } from "@/lib/accounts/admin";
import { issueToken, revokeToken } from "@/lib/auth/tokens";
import { useAppDb } from "../fixtures/app-db";
import { createTestDb, testEngines } from "../fixtures/db";
import { withRequest } from "../fixtures/request";
import { grantEventRole, makeAdmin, makeUser } from "../fixtures/users";

const N = 400;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(testEngines())("bearer-token cache on %s", (engine) => {
  let h: DbHandle;
  let eventId: string;
  let counting = false;
  let statements = 0;
  const before = process.env.AUTH_CACHE_RECHECK_MS;

  beforeAll(async () => {
    process.env.AUTH_CACHE_RECHECK_MS = String(N);
    // the batched last_used_at write (a second after a token's first use) is not the scan's: not counted
    h = await createTestDb(engine, { onQuery: (q) => counting && !/^update "api_tokens"/.test(q) && statements++ });
    useAppDb(h);
    const starts = new Date(Date.now() + 86400_000);
    [{ id: eventId }] = await h.db
      .insert(events)
      .values({ slug: `cache-${randomBytes(4).toString("hex")}`, title: "缓存", startsAt: starts, endsAt: new Date(starts.getTime() + 8 * 3600_000), status: "published" })
      .returning({ id: events.id });
  });
  afterAll(async () => {
    process.env.AUTH_CACHE_RECHECK_MS = before;
    await h?.close();
  });

  async function ticket(status: "confirmed" | "cancelled" = "confirmed") {
    const code = randomBytes(16).toString("base64url");
    const [r] = await h.db.insert(registrations).values({ eventId, status, fullName: "代表", ticketCode: code, source: "organizer" }).returning({ id: registrations.id });
    return { id: r.id, code };
  }

  const scan = (token: string, ticketCode: string, segment = "event") =>
    withRequest({ headers: { authorization: `Bearer ${token}` } }, () =>
      checkinRoute(new Request("http://x/api/v1/checkins", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ticketCode, segment }) })),
    );

  async function counted<T>(fn: () => Promise<T>): Promise<[T, number]> {
    statements = 0;
    counting = true;
    try {
      return [await fn(), statements];
    } finally {
      counting = false;
    }
  }

  /** A staff member of the forum with two tokens, each used once (so both are in the cache). */
  async function staffWithTwoCachedTokens() {
    const staff = await makeUser(h.db);
    await grantEventRole(h.db, eventId, staff.id, "staff");
    const a = await issueToken(h.db, staff.id);
    const b = await issueToken(h.db, staff.id);
    expect((await scan(a.token, (await ticket()).code)).status).toBe(200);
    expect((await scan(b.token, (await ticket()).code)).status).toBe(200);
    return { staff, a, b };
  }

  it("a cached token costs no statement: a scan is ONE statement, a re-check one more", async () => {
    const staff = await makeUser(h.db);
    await grantEventRole(h.db, eventId, staff.id, "staff");
    const { token } = await issueToken(h.db, staff.id);
    expect((await scan(token, (await ticket()).code)).status).toBe(200); // loads the token
    const t = await ticket();
    const [res, n] = await counted(() => scan(token, t.code));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ already: false, checkedInBy: staff.name });
    expect(n).toBe(1);
    const [again, m] = await counted(() => scan(token, t.code));
    expect(await again.json()).toMatchObject({ already: true, checkedInBy: staff.name });
    expect(m).toBe(1);
    await sleep(N + 50);
    const t2 = await ticket();
    const [, k] = await counted(() => scan(token, t2.code));
    expect(k).toBe(2); // the version re-check, then the scan
  });

  it("revocation: refused on the first request after AUTH_CACHE_RECHECK_MS (revoked by the app, or by another instance)", async () => {
    const { staff, a, b } = await staffWithTwoCachedTokens();
    await revokeToken(h.db, staff, a.id);
    // another instance: a second pool on Postgres; on PGlite (one process) raw SQL, bypassing the app entirely
    if (h.url) {
      const other = await openDatabase({ databaseUrl: h.url, maxConnections: 1 });
      await other.query("update api_tokens set revoked_at = now() where id = $1", [b.id]);
      await other.close();
    } else await h.query("update api_tokens set revoked_at = now() where id = $1", [b.id]);
    await sleep(N);
    const t = await ticket();
    expect((await scan(a.token, t.code)).status).toBe(401);
    expect((await scan(b.token, t.code)).status).toBe(401);
    expect(await h.db.select().from(checkins).where(eq(checkins.registrationId, t.id))).toHaveLength(0);
  });

  it("revoked, demoted or disabled by this instance's own commands: refused on the very next request (the cache drops the user at once); behind its back: only after AUTH_CACHE_RECHECK_MS", async () => {
    const { staff, a, b } = await staffWithTwoCachedTokens();
    // negative control: revoked behind the app's back, the cached token is still trusted within the recheck time
    await h.query("update api_tokens set revoked_at = now() where id = $1", [b.id]);
    expect((await scan(b.token, (await ticket()).code)).status).toBe(200);
    // revoked through the app: no wait (the user's entries are dropped, b included: it is read afresh and refused)
    await revokeToken(h.db, staff, a.id);
    const t = await ticket();
    expect((await scan(a.token, t.code)).status).toBe(401);
    expect((await scan(b.token, t.code)).status).toBe(401);

    const admin = await makeAdmin(h.db);
    const { token: adminToken } = await issueToken(h.db, admin.id);
    expect((await scan(adminToken, (await ticket()).code)).status).toBe(200);
    await setSiteRole(h.db, null, { userId: admin.id, siteRole: "user" });
    expect((await scan(adminToken, t.code)).status).toBe(403);

    const other = await makeUser(h.db);
    await grantEventRole(h.db, eventId, other.id, "organizer");
    const { token: otherToken } = await issueToken(h.db, other.id);
    expect((await scan(otherToken, (await ticket()).code)).status).toBe(200);
    await setUserDisabled(h.db, null, { userId: other.id, disabled: true });
    expect((await scan(otherToken, t.code)).status).toBe(401);
    expect(await h.db.select().from(checkins).where(eq(checkins.registrationId, t.id))).toHaveLength(0);
  });

  it("a site role removed, or the account disabled: refused after AUTH_CACHE_RECHECK_MS; a forum role removed: refused at once", async () => {
    const admin = await makeAdmin(h.db);
    const { token: adminToken } = await issueToken(h.db, admin.id);
    expect((await scan(adminToken, (await ticket()).code)).status).toBe(200); // an admin has no forum role here
    await h.query("update users set site_role = 'user' where id = $1", [admin.id]);
    await sleep(N);
    const t = await ticket();
    expect((await scan(adminToken, t.code)).status).toBe(403);

    const staff = await makeUser(h.db);
    await grantEventRole(h.db, eventId, staff.id, "staff");
    const { token } = await issueToken(h.db, staff.id);
    expect((await scan(token, (await ticket()).code)).status).toBe(200);
    await h.query("delete from event_staff where user_id = $1", [staff.id]);
    expect((await scan(token, t.code)).status).toBe(403); // no wait: the statement reads event_staff itself
    expect(await h.db.select().from(checkins).where(eq(checkins.registrationId, t.id))).toHaveLength(0);

    const other = await makeUser(h.db);
    await grantEventRole(h.db, eventId, other.id, "organizer");
    const { token: otherToken } = await issueToken(h.db, other.id);
    expect((await scan(otherToken, (await ticket()).code)).status).toBe(200);
    await h.query("update users set disabled_at = now() where id = $1", [other.id]);
    await sleep(N);
    expect((await scan(otherToken, t.code)).status).toBe(401);
  });

  it("the version moves only for what a token stands for: not for last_used_at", async () => {
    const u = await makeUser(h.db);
    const { id } = await issueToken(h.db, u.id);
    const version = async () => (await h.query<{ v: number }>("select auth_version as v from users where id = $1", [u.id]))[0]!.v;
    const v0 = await version();
    await h.db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, id));
    expect(await version()).toBe(v0);
    await h.query("update users set locale = 'en' where id = $1", [u.id]);
    expect(await version()).toBe(v0);
    await grantEventRole(h.db, eventId, u.id, "staff");
    expect(await version()).toBe(v0 + 1);
    await h.db.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, id));
    expect(await version()).toBe(v0 + 2);
  });

  it("a replaced or cancelled ticket is still 409 with whose it is; an unknown one 404", async () => {
    const staff = await makeUser(h.db);
    await grantEventRole(h.db, eventId, staff.id, "staff");
    const { token } = await issueToken(h.db, staff.id);
    const c = await ticket("cancelled");
    const res = await scan(token, c.code);
    expect(res.status).toBe(409);
    expect((await res.json()).registration).toMatchObject({ id: c.id, status: "cancelled" });
    expect((await scan(token, "no-such-ticket-code-at-all")).status).toBe(404);
  });
});
