/**
 * Bench stage (issue 11): auto-assign a 2,000-delegate hall (100 units × 20, a 50 × 45 grid with a reserved row) and
 * print the timings as JSON. Runs in its own process in plain Node with `server-only` stubbed (under the react-server
 * condition next-intl's entry loads its client provider, which plain Node cannot evaluate) against a fresh database:
 * DATABASE_URL when given (a throwaway Postgres database), else in-memory PGlite.
 *   node -r ./scripts/bench/server-only-stub.cjs --import tsx scripts/bench/seating-hall.ts
 */
import { randomBytes } from "node:crypto";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { delegates, delegations, events, organizations, registrations, users } from "@/db/schema";
import { autoAssignDining, autoAssignHall, configureHall } from "@/lib/seating/commands";
import { RANKS } from "@/lib/shared/rank";

const token = () => randomBytes(18).toString("base64url");

async function main() {
  const h = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
  await migrateDatabase(h);
  const db = h.db;
  const [admin] = await db.insert(users).values({ name: "bench", email: `bench-${token().toLowerCase()}@example.com`, siteRole: "admin" }).returning();
  const starts = new Date(Date.now() + 30 * 86400_000);
  const [ev] = await db
    .insert(events)
    .values({ slug: `bench-seating-${Date.now().toString(36)}`, title: "座次基准", startsAt: starts, endsAt: new Date(starts.getTime() + 8 * 3600_000), capacity: 3000, status: "draft" })
    .returning();
  const orgs = await db
    .insert(organizations)
    .values(Array.from({ length: 100 }, (_, u) => ({ name: `基准单位${u}-${token().slice(0, 6)}`, kind: "government" as const })))
    .returning({ id: organizations.id, name: organizations.name });
  const units = await db
    .insert(delegations)
    .values(orgs.map((o, u) => ({ eventId: ev!.id, organizationId: o.id, quota: 20, liaisonName: "联络员", liaisonPhone: "13800000000", replyBy: starts, replyToken: token(), sortOrder: u })))
    .returning({ id: delegations.id });
  for (let u = 0; u < 100; u++) {
    const regs = await db
      .insert(registrations)
      .values(Array.from({ length: 20 }, (_, i) => ({ eventId: ev!.id, status: "confirmed" as const, fullName: `代表${u}-${i}`, organization: orgs[u]!.name, ticketCode: token(), source: "organizer" as const })))
      .returning({ id: registrations.id });
    await db.insert(delegates).values(regs.map((r, i) => ({ delegationId: units[u]!.id, registrationId: r.id, rank: RANKS[(u + i) % RANKS.length]! })));
  }
  await configureHall(db, admin!, { eventId: ev!.id, rows: 50, seatsPerRow: 45, reserved: [{ row: 1, reason: "staff" }] });
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const r = await autoAssignHall(db, admin!, { eventId: ev!.id });
    runs.push(performance.now() - t0);
    if (r.seated !== 2000) throw new Error(`seated ${r.seated}`);
  }
  const t1 = performance.now();
  await autoAssignDining(db, admin!, { eventId: ev!.id });
  const dining = performance.now() - t1;
  await h.close();
  console.log(JSON.stringify({ hallMs: runs, diningMs: dining }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
