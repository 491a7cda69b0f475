/**
 * Data of the growth stage (scripts/bench/growth.ts), Postgres only: 100 forums of 10,000 registrations each, filled
 * in steps so the same forum can be measured at 10k, 100k and 1M registrations in the database. Every row is written
 * set-wise (INSERT … SELECT generate_series), as seed-large.ts does for its one forum: a million rows in about a minute.
 *
 * Forum 1 is the one measured: upcoming, published, run by the demo organizer, with a copy of the Yantan agenda (so
 * its agenda page and check-in segments are real). Forums 2–100 are past forums of other organizers: half of their
 * registrants have accounts, and 40% of the confirmed ones checked in — the tables a large installation carries.
 */
import postgres from "postgres";
import { openDatabase, type DbHandle } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { seedIfEmpty, YANTAN_SLUG } from "../../db/seed";
import type { Target } from "./lib";

export const GROWTH = { forums: 100, perForum: 10_000, slug: (n: number) => `growth-forum-${String(n).padStart(3, "0")}` };
/** The forum every figure is measured on. */
export const MEASURED_SLUG = GROWTH.slug(1);

/** A fresh Postgres database named `<prefix>_<time>` next to `base` (GROWTH_DB_PREFIX, default huiwu_growth). */
export async function growthTarget(base: string, prefix = process.env.GROWTH_DB_PREFIX || "huiwu_growth"): Promise<Target> {
  const name = `${prefix}_${Date.now().toString(36)}`;
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  const admin = (sql: string) => {
    const a = postgres(base, { max: 1, onnotice: () => {} });
    return a.unsafe(sql).finally(() => a.end());
  };
  await admin(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { engine: "postgres", databaseUrl: url.toString(), cleanup: async () => void (await admin(`drop database if exists ${name} with (force)`)) };
}

/** Migrations, the demo seed, the 100 (still empty) forums with their agenda. */
export async function seedGrowthForums(t: Target): Promise<void> {
  const h = await openDatabase({ databaseUrl: t.databaseUrl });
  try {
    await migrateDatabase(h);
    await seedIfEmpty(h.db);
    const [org] = await h.query<{ id: string }>("select id from users where email = 'organizer@huiwu.demo'");
    // forum 1: in 30 days, registration open; the others ended n days ago
    await h.query(
      `insert into events (slug, title, starts_at, ends_at, capacity, status, registration_opens_at, registration_closes_at)
       select 'growth-forum-' || lpad(n::text, 3, '0'), '增长曲线论坛 ' || n || '（基准测试）', s, s + interval '8 hours', 20000,
              (case when n = 1 then 'published' else 'completed' end)::event_status, s - interval '60 days', s - interval '1 day'
       from generate_series(1, $1::int) n, lateral (select date_trunc('hour', now()) + (case when n = 1 then 30 else -n end) * interval '1 day' as s) x`,
      [GROWTH.forums],
    );
    await h.query("insert into event_staff (event_id, user_id, role) select id, $1, 'organizer' from events where slug = $2", [org.id, MEASURED_SLUG]);
    await copyAgenda(h);
  } finally {
    await h.close();
  }
}

/** Yantan's sessions, speakers and site-visit stops into every growth forum, shifted to its dates. */
async function copyAgenda(h: DbHandle) {
  await h.query(
    `create table growth_session_map as
     select e.id as event_id, s.id as old_id, gen_random_uuid() as new_id, e.starts_at - y.starts_at as shift
     from events e cross join events y join agenda_sessions s on s.event_id = y.id
     where y.slug = $1 and e.slug like 'growth-forum-%'`,
    [YANTAN_SLUG],
  );
  await h.query(
    `insert into agenda_sessions (id, event_id, kind, title, title_en, description, description_en, starts_at, ends_at, location, location_en, capacity, "order")
     select m.new_id, m.event_id, s.kind, s.title, s.title_en, s.description, s.description_en, s.starts_at + m.shift, s.ends_at + m.shift, s.location, s.location_en, s.capacity, s."order"
     from growth_session_map m join agenda_sessions s on s.id = m.old_id`,
  );
  await h.query(
    `insert into session_speakers (session_id, person_id, role, topic, topic_en, "order")
     select m.new_id, x.person_id, x.role, x.topic, x.topic_en, x."order" from growth_session_map m join session_speakers x on x.session_id = m.old_id`,
  );
  await h.query(
    `insert into site_visit_stops (session_id, "order", name, name_en, organization, description, description_en, facts, planned_arrival)
     select m.new_id, x."order", x.name, x.name_en, x.organization, x.description, x.description_en, x.facts, x.planned_arrival + m.shift
     from growth_session_map m join site_visit_stops x on x.session_id = m.old_id`,
  );
  await h.query("drop table growth_session_map");
}

/**
 * Fills forums `from`..`to` (numbers) with their 10,000 registrations, the accounts of the self-registered half, and
 * (past forums) the check-ins; then VACUUM ANALYZE, as autovacuum would soon after such a load. Returns the ms taken.
 */
export async function fillForums(t: Target, from: number, to: number): Promise<number> {
  const t0 = performance.now();
  const h = await openDatabase({ databaseUrl: t.databaseUrl });
  try {
    const forums = `(select id, right(slug, 3)::int as n, starts_at from events where slug like 'growth-forum-%' and right(slug, 3)::int between ${from} and ${to}) f`;
    const uid = `md5('growth-user-' || f.n || '-' || g)::uuid`;
    await h.query(
      `insert into users (id, name, email, created_at)
       select ${uid}, '代表' || g, 'growth-' || f.n || '-' || g || '@example.com', f.starts_at - interval '61 days'
       from ${forums} cross join generate_series(2, $1::int, 2) g`,
      [GROWTH.perForum],
    );
    // created over the 40 days before the forum; ~92% confirmed, the rest pending, waitlisted or cancelled
    await h.query(
      `insert into registrations (event_id, user_id, status, full_name, email, phone, category, organization, position, ticket_code,
                                  site_visit, source, confirmed_at, waitlisted_at, cancelled_at, created_at)
       select f.id, case when g % 2 = 0 then ${uid} end, st, '代表' || g, 'growth-' || f.n || '-' || g || '@example.com',
              '138' || lpad((f.n * 100000 + g)::text, 8, '0'),
              (array['government','park','expert','enterprise','media','other'])[1 + g % 6]::delegate_category,
              '基准单位' || (g % 400), '职务' || (g % 12), md5('growth-ticket-' || f.n || '-' || g || '-' || random()), g % 3 = 0,
              (case when g % 2 = 0 then 'self' else 'import' end)::registration_source,
              case when st = 'confirmed' then c end, case when st = 'waitlisted' then c end, case when st = 'cancelled' then c end, c
       from ${forums} cross join generate_series(1, $1::int) g,
            lateral (select f.starts_at - interval '2 days' - g * interval '345 seconds' as c,
                            (case when g % 25 = 0 then 'cancelled' when g % 25 = 1 then 'waitlisted' when g % 50 = 2 then 'pending' else 'confirmed' end)::registration_status as st) x`,
      [GROWTH.perForum],
    );
    await h.query(
      `insert into checkins (registration_id, event_id, segment, checked_in_at)
       select r.id, r.event_id, 'symposium', f.starts_at + interval '1 hour' from ${forums} join registrations r on r.event_id = f.id
       where f.n > 1 and r.status = 'confirmed' and random() < 0.4`,
    );
    await h.query("vacuum (analyze) users, registrations, checkins");
  } finally {
    await h.close();
  }
  return performance.now() - t0;
}

/** Ticket codes of the measured forum (the check-in scans take a different slice at each size). */
export async function measuredTicketCodes(t: Target, limit: number): Promise<string[]> {
  const h = await openDatabase({ databaseUrl: t.databaseUrl });
  try {
    const rows = await h.query<{ c: string }>(
      "select r.ticket_code as c from registrations r join events e on e.id = r.event_id where e.slug = $1 and r.status = 'confirmed' order by r.created_at desc limit $2",
      [MEASURED_SLUG, limit],
    );
    return rows.map((r) => r.c);
  } finally {
    await h.close();
  }
}
