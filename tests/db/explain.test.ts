/**
 * Hot queries use indexes (issue 7): on Postgres, with 2,000 forums, eight of them with 10,000 registrations each
 * and 60 with 500, check-ins at all of them, and fresh statistics, the plans of the queries behind check-in, the registration table, seat counting,
 * forum pages, the API and a forum's check-in counters and export never scan those tables sequentially. (With a single forum in the table a sequential scan
 * is the right plan, so the data is shaped like a real instance's.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { seedIfEmpty } from "@/db/seed";
import { createTestDb } from "../fixtures/db";

type Plan = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: Plan[] };
const nodes = (p: Plan): Plan[] => [p, ...(p.Plans ?? []).flatMap(nodes)];

describe.runIf(!!process.env.TEST_DATABASE_URL)("query plans on Postgres", () => {
  let h: DbHandle;
  let eventId: string;
  let code: string;
  let pageIds: string[];
  let small: string;
  beforeAll(async () => {
    h = await createTestDb("postgres");
    await seedIfEmpty(h.db);
    [{ id: eventId }] = await h.query<{ id: string }>(
      `insert into events (slug, title, starts_at, ends_at, status) values ('big', '大型论坛', now(), now() + interval '1 day', 'published') returning id`,
    );
    await h.query(
      `insert into events (slug, title, starts_at, ends_at, status)
       select 'forum-' || g, '论坛' || g, now() + (g || ' days')::interval, now() + (g || ' days')::interval + interval '8 hours', 'published'
       from generate_series(1, 2000) g`,
    );
    const forums = [eventId, ...(await h.query<{ id: string }>("select id from events where slug like 'forum-%' order by slug limit 7")).map((r) => r.id)];
    for (const [i, id] of forums.entries()) {
      await h.query(
        `insert into registrations (event_id, status, full_name, email, category, ticket_code, waitlisted_at, created_at)
         select $1, (array['confirmed','confirmed','confirmed','waitlisted','cancelled','pending'])[1 + g % 6]::registration_status, '代表' || g, 'p' || g || '@example.com',
                (array['government','park','expert','enterprise','media','other'])[1 + g % 6]::delegate_category, md5($2 || '-' || g),
                case when g % 6 = 3 then now() - (g || ' seconds')::interval end, now() - (g || ' seconds')::interval
         from generate_series(1, 10000) g`,
        [id, String(i)],
      );
    }
    // and 60 smaller forums with 500 registrations each, so a forum's check-ins are a small share of all of them
    await h.query(
      `insert into registrations (event_id, status, full_name, email, category, ticket_code, created_at)
       select f.id, 'confirmed', '代表' || g, 'p' || g || '@example.com', 'other', md5(f.slug || '-' || g), now() - (g || ' seconds')::interval
       from (select id, slug from events where slug like 'forum-%' order by slug offset 7 limit 60) f cross join generate_series(1, 500) g`,
    );
    small = (await h.query<{ id: string }>("select id from events where slug like 'forum-%' order by slug offset 7 limit 1"))[0]!.id;
    await h.query(
      `insert into checkins (registration_id, event_id, segment)
       select id, event_id, (array['site_visit','symposium'])[1 + (hashtext(id::text) & 1)] from registrations
       where event_id in (select id from events where slug = 'big' or slug like 'forum-%') and status = 'confirmed' and random() < 0.5`,
    );
    [{ code }] = await h.query<{ code: string }>("select ticket_code as code from registrations where event_id = $1 limit 1", [eventId]);
    pageIds = (await h.query<{ id: string }>("select id from registrations where event_id = $1 order by created_at, id limit 5000", [eventId])).map((r) => r.id);
    await h.query("analyze");
  });
  afterAll(() => h?.close());

  async function plan(sql: string, params: unknown[]) {
    const [row] = await h.query<{ "QUERY PLAN": [{ Plan: Plan }] }>(`explain (format json) ${sql}`, params);
    return nodes(row["QUERY PLAN"][0].Plan);
  }
  const seqScansOf = (ns: Plan[], table: string) => ns.filter((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === table);

  const HOT: [string, string, () => unknown[]][] = [
    ["check-in: ticket lookup", "select * from registrations where ticket_code = $1", () => [code]],
    ["registration table: first page", "select * from registrations where event_id = $1 order by created_at desc, id desc limit 50", () => [eventId]],
    ["registration table: filtered by status", "select * from registrations where event_id = $1 and status = 'confirmed' order by created_at desc limit 50", () => [eventId]],
    ["seats taken (under the forum lock)", "select status, count(*) from registrations where event_id = $1 and status in ('confirmed','pending','waitlisted') group by status", () => [eventId]],
    ["waitlist order", "select id from registrations where event_id = $1 and status = 'waitlisted' order by waitlisted_at, created_at limit 10", () => [eventId]],
    ["my registration for a forum", "select * from registrations where event_id = $1 and user_id = $2", () => [eventId, "00000000-0000-4000-8000-000000000000"]],
    ["export keyset page", "select * from registrations where event_id = $1 and (created_at, id) > (now() - interval '1 day', '00000000-0000-4000-8000-000000000000'::uuid) order by created_at, id limit 5000", () => [eventId]],
  ];

  for (const [name, sql, params] of HOT) {
    it(`${name}: no sequential scan of registrations`, async () => {
      const ns = await plan(sql, params());
      expect(seqScansOf(ns, "registrations"), JSON.stringify(ns.map((n) => [n["Node Type"], n["Index Name"] ?? n["Relation Name"]]))).toEqual([]);
    });
  }

  // issue 15: a forum's check-ins are read by their own event_id (lib/checkin/queries.ts, the export), never by a
  // scan of every forum's check-ins joined to registrations
  const PER_FORUM_CHECKINS: [string, string, () => unknown[]][] = [
    ["check-in segments in use", "select distinct segment from checkins where event_id = $1", () => [eventId]],
    ["check-ins per segment", "select segment, count(*) from checkins where event_id = $1 group by segment", () => [eventId]],
    ["people checked in", "select count(distinct registration_id) from checkins where event_id = $1", () => [eventId]],
    ["dashboard: per forum and segment", "select event_id, segment, count(*) from checkins where event_id in ($1, $2) group by event_id, segment", () => [eventId, small]],
    ["dashboard: people per forum", "select event_id, count(distinct registration_id) from checkins where event_id in ($1, $2) group by event_id", () => [eventId, small]],
    ["desk: recent check-ins", "select c.segment, c.checked_in_at, r.full_name from checkins c join registrations r on r.id = c.registration_id where c.event_id = $1 order by c.checked_in_at desc limit 10", () => [eventId]],
    ["export: check-ins of a 5,000-row page", "select registration_id, segment, checked_in_at from checkins where event_id = $1 and registration_id = any($2::uuid[])", () => [eventId, pageIds]],
  ];
  for (const [name, sql, params] of PER_FORUM_CHECKINS) {
    it(`${name}: the forum's check-ins by index, no sequential scan of checkins`, async () => {
      const ns = await plan(sql, params());
      const shown = JSON.stringify(ns.map((n) => [n["Node Type"], n["Index Name"] ?? n["Relation Name"]]));
      expect(seqScansOf(ns, "checkins"), shown).toEqual([]);
      expect(ns.some((n) => n["Index Name"] === "checkins_event_segment_registration_idx"), shown).toBe(true);
    });
  }

  it("forum by slug and check-ins by registration use their unique indexes", async () => {
    const bySlug = await plan("select * from events where slug = $1", ["forum-77"]);
    expect(bySlug.some((n) => n["Index Name"] === "events_slug_unique")).toBe(true);
    const ci = await plan("select * from checkins where registration_id = $1", ["00000000-0000-4000-8000-000000000000"]);
    expect(seqScansOf(ci, "checkins")).toEqual([]);
  });
});
