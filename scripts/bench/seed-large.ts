/**
 * Benchmark data, written before the server starts (PGlite allows one process): the Yantan seed, a forum with
 * 10,000 confirmed registrations (organizer: the demo organizer) whose hall (50 rows × 45 seats) seats 2,000 of them —
 * for the seating editor's measure — and an open, empty forum for the registration rush.
 */
import { openDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { seedIfEmpty } from "../../db/seed";
import type { Target } from "./lib";

const iso = (ms: number) => new Date(ms).toISOString(); // raw parameters: strings work on both drivers

export const LARGE_FORUM = { slug: "bench-10k-forum", rushSlug: "bench-rush-forum", registrations: 10_000, hall: { rows: 50, seatsPerRow: 45, seated: 2_000 } };

export async function seedBenchData(t: Target): Promise<string[]> {
  const h = await openDatabase({ databaseUrl: t.databaseUrl, dataDir: t.dataDir });
  try {
    await migrateDatabase(h);
    await seedIfEmpty(h.db);
    const [org] = await h.query<{ id: string }>("select id from users where email = 'organizer@huiwu.demo'");
    const now = Date.now();
    for (const slug of [LARGE_FORUM.slug, LARGE_FORUM.rushSlug]) {
      const [ev] = await h.query<{ id: string }>(
        `insert into events (slug, title, starts_at, ends_at, capacity, status, registration_opens_at, registration_closes_at)
         values ($1, $2, $3, $4, $5, 'published', $6, $7) returning id`,
        [slug, slug === LARGE_FORUM.slug ? "万人论坛（基准测试）" : "抢票论坛（基准测试）", iso(now + 30 * 864e5), iso(now + 30 * 864e5 + 8 * 36e5), slug === LARGE_FORUM.slug ? 20_000 : 1000, iso(now - 864e5), iso(now + 20 * 864e5)],
      );
      await h.query("insert into event_staff (event_id, user_id, role) values ($1, $2, 'organizer')", [ev.id, org.id]);
      if (slug === LARGE_FORUM.slug) {
        await h.query(
          `insert into registrations (event_id, status, full_name, email, category, organization, position, ticket_code, site_visit, confirmed_at, source)
           select $1, 'confirmed', '代表' || g, 'bench-' || g || '@example.com',
                  (array['government','park','expert','enterprise','media','other'])[1 + g % 6]::delegate_category,
                  '基准单位' || (g % 400), '职务' || (g % 12), md5('ticket-' || g || '-' || random()), g % 3 = 0, now() - (g || ' seconds')::interval, 'import'
           from generate_series(1, $2::int) g`,
          [ev.id, LARGE_FORUM.registrations],
        );
        const { rows, seatsPerRow, seated } = LARGE_FORUM.hall;
        const [plan] = await h.query<{ id: string }>("insert into hall_plans (event_id, rows, seats_per_row) values ($1, $2, $3) returning id", [ev.id, rows, seatsPerRow]);
        await h.query(
          `insert into hall_seats (plan_id, registration_id, row, seat)
           select $1, id, 1 + (n - 1) / $3::int, 1 + (n - 1) % $3::int
           from (select id, row_number() over (order by organization, full_name) as n from registrations where event_id = $2 order by n limit $4::int) r`,
          [plan.id, ev.id, seatsPerRow, seated],
        );
      }
    }
    const codes = await h.query<{ c: string }>(
      "select r.ticket_code as c from registrations r join events e on e.id = r.event_id where e.slug = $1 order by r.created_at limit 1500",
      [LARGE_FORUM.slug],
    );
    return codes.map((r) => r.c);
  } finally {
    await h.close();
  }
}
