/**
 * Two production instances on one Postgres (issue 7): what one does, the other sees at once — registrations,
 * counts, edits (through the page cache of each), tokens and session cookies — and a registration rush spread
 * over both never overbooks. Needs TEST_DATABASE_URL (CI sets it) and a production build.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import postgres from "postgres";
import { freshTarget, serverEnv, startServer, type Server, type Target } from "../../scripts/bench/lib";

const base = process.env.TEST_DATABASE_URL;

test.describe("two instances on one Postgres", () => {
  test.skip(!base, "needs TEST_DATABASE_URL (a Postgres server); CI sets it");
  test.describe.configure({ mode: "serial" });

  let target: Target;
  let a: Server;
  let b: Server;
  let sql: ReturnType<typeof postgres>;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    target = await freshTarget("postgres", base);
    const dist = { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || ".next" };
    // both start at once: migrations (advisory lock) and seeding (seed lock) must still happen exactly once
    [a, b] = await Promise.all([startServer(serverEnv(target, 3211, dist)), startServer(serverEnv(target, 3212, dist))]);
    sql = postgres(target.databaseUrl!, { max: 2, onnotice: () => {} });
  });

  test.afterAll(async () => {
    await sql?.end();
    await Promise.all([a?.stop(), b?.stop()]);
    await target?.cleanup();
  });

  async function token(request: APIRequestContext, server: Server, email: string, password: string) {
    const r = await request.post(`${server.url}/api/v1/auth/token`, { data: { email, password } });
    expect(r.status(), await r.text()).toBe(200);
    return (await r.json()).token as string;
  }

  async function openForum(slug: string, capacity: number) {
    const now = Date.now();
    await sql`insert into events (slug, title, starts_at, ends_at, capacity, status, registration_opens_at, registration_closes_at)
      values (${slug}, ${"双实例测试论坛 " + slug}, ${new Date(now + 30 * 86400e3)}, ${new Date(now + 30 * 86400e3 + 8 * 3600e3)}, ${capacity},
              'published', ${new Date(now - 86400e3)}, ${new Date(now + 20 * 86400e3)})`;
  }

  test("seeded exactly once although both instances started together", async () => {
    const [{ n }] = await sql`select count(*)::int as n from events where slug = 'yantan-industrial-parks-2025'`;
    expect(n).toBe(1);
    const [{ u }] = await sql`select count(*)::int as u from users where email = 'admin@huiwu.demo'`;
    expect(u).toBe(1);
  });

  test("a registration made through A is visible and counted through B at once; tokens work on both", async ({ request }) => {
    await openForum("two-inst-visible", 10);
    const t = await token(request, a, "attendee@huiwu.demo", "huiwu-attendee-2025");
    const reg = await request.post(`${a.url}/api/v1/events/two-inst-visible/registrations`, {
      headers: { authorization: `Bearer ${t}` },
      data: { category: "enterprise", organization: "测试企业", position: "经理" },
    });
    expect(reg.status(), await reg.text()).toBe(201);
    const mine = await request.get(`${b.url}/api/v1/me/registrations`, { headers: { authorization: `Bearer ${t}` } });
    expect(mine.status()).toBe(200);
    expect(JSON.stringify(await mine.json())).toContain((await reg.json()).id);
    // the same person registering again through B is refused: one registration per person, whatever the instance
    const again = await request.post(`${b.url}/api/v1/events/two-inst-visible/registrations`, {
      headers: { authorization: `Bearer ${t}` },
      data: { category: "enterprise", organization: "测试企业", position: "经理" },
    });
    expect(again.status()).toBe(409);
  });

  test("an edit through A shows on B's cached public API within 1 s", async ({ request }) => {
    const slug = "yantan-industrial-parks-2025";
    const warm = await request.get(`${b.url}/api/v1/events/${slug}`);
    expect(warm.headers()["x-huiwu-cache"]).toMatch(/^v\d+$/); // served through B's page cache
    const before = (await warm.json()).capacity as number;
    const t = await token(request, a, "organizer@huiwu.demo", "huiwu-organizer-2025");
    const patched = await request.patch(`${a.url}/api/v1/events/${slug}`, { headers: { authorization: `Bearer ${t}` }, data: { capacity: before + 17 } });
    expect(patched.status(), await patched.text()).toBe(200);
    const t0 = Date.now();
    let seen = before;
    while (Date.now() - t0 < 1000) {
      seen = (await (await request.get(`${b.url}/api/v1/events/${slug}`)).json()).capacity;
      if (seen === before + 17) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(seen).toBe(before + 17);
    console.log(`edit visible on the other instance after ${Date.now() - t0} ms`);
  });

  test("a session cookie issued by A is honoured by B", async ({ browser }) => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${a.url}/sign-in`);
    const form = page.getByTestId("sign-in-form");
    await form.locator('input[name="email"]').fill("staff@huiwu.demo");
    await form.locator('input[name="password"]').fill("huiwu-staff-2025");
    await form.getByTestId("sign-in-submit").click();
    await expect(page.getByTestId("header-user")).toBeVisible();
    // cookies are per host name, and both instances are 127.0.0.1: the browser sends A's cookie to B
    const me = await page.request.get(`${b.url}/api/v1/me`);
    expect(me.status()).toBe(200);
    expect(JSON.stringify(await me.json())).toContain("staff@huiwu.demo");
    await ctx.close();
  });

  test("a registration rush spread over both instances never overbooks", async ({ request }) => {
    test.setTimeout(180_000);
    await openForum("two-inst-rush", 20);
    const users = Array.from({ length: 40 }, (_, i) => ({ email: `rush-${i}@example.com`, password: `rush-password-${i}`, name: `抢票用户${i}` }));
    const tokens: string[] = [];
    for (const [i, u] of users.entries()) {
      const server = i % 2 ? b : a;
      const su = await request.post(`${server.url}/api/v1/auth/signup`, { data: u });
      expect(su.status(), await su.text()).toBe(201);
      tokens.push(await token(request, server, u.email, u.password));
    }
    const results = await Promise.all(
      tokens.map((t, i) =>
        request.post(`${(i % 2 ? a : b).url}/api/v1/events/two-inst-rush/registrations`, {
          headers: { authorization: `Bearer ${t}` },
          data: { category: "other", organization: "并发测试", position: "代表" },
        }),
      ),
    );
    const statuses = await Promise.all(results.map(async (r) => (r.status() === 201 ? (await r.json()).status : `http ${r.status()}`)));
    expect(statuses.filter((s) => s === "confirmed")).toHaveLength(20);
    expect(statuses.filter((s) => s === "waitlisted")).toHaveLength(20);
    const rows = await sql`select r.status, count(*)::int as n from registrations r join events e on e.id = r.event_id
      where e.slug = 'two-inst-rush' group by r.status`;
    expect(Object.fromEntries(rows.map((r) => [r.status, r.n]))).toEqual({ confirmed: 20, waitlisted: 20 });
  });
});
