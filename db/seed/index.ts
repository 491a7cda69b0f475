/**
 * Seeds a fresh database with the demo accounts, the reference forum (DESIGN §6) with its invited units, and the
 * upcoming demo forum dated from the day of seeding (db/seed/demo-forum.ts). Runs at start-up; it never touches a
 * database that already holds users or events.
 *
 * Everything happens in one transaction under a transaction-scoped advisory lock, so several instances starting at
 * once on one Postgres seed exactly once (the others wait, then find the tables non-empty), and a failure leaves the
 * database empty rather than half-seeded. seedYantan's own transaction nests as a savepoint.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { eventStaff, events, users } from "../schema";
import { convertLegacyReports } from "../legacy-reports";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "./demo-accounts";
import { DEMO_FORUM_SLUG, seedDemoForum } from "./demo-forum";
import { seedYantan, YANTAN_SLUG } from "./yantan";

export { YANTAN_SLUG } from "./yantan";
export { DEMO_ACCOUNTS } from "./demo-accounts";
export { DEMO_FORUM_SLUG, demoForumLinks } from "./demo-forum";

const SEED_LOCK = 7283402;

export async function seedIfEmpty(db: Db, now = new Date()): Promise<{ seeded: boolean; slug?: string; demoSlug?: string }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    const [anyUser] = await tx.select({ id: users.id }).from(users).limit(1);
    const [anyEvent] = await tx.select({ id: events.id }).from(events).limit(1);
    if (anyUser || anyEvent) return { seeded: false };

    // A transaction is a Db (PgTransaction extends PgDatabase): inside, only `tx` is used (DESIGN §3.3).
    const accounts = await seedDemoAccounts(tx);
    const { eventId, slug } = await seedYantan(tx, { organizerId: accounts.organizer, staffId: accounts.staff });
    const attendee = DEMO_ACCOUNTS.find((a) => a.role === "attendee")!;
    const demo = await seedDemoForum(tx, { organizerId: accounts.organizer, now, attendee: { ...attendee, id: accounts.attendee } });
    await tx.insert(eventStaff).values(
      [eventId, demo.eventId].flatMap((id) => [
        { eventId: id, userId: accounts.organizer, role: "organizer" as const },
        { eventId: id, userId: accounts.staff, role: "staff" as const },
      ]),
    );
    // the Yantan report is seeded as the Markdown it was written in, then converted like any legacy report
    await convertLegacyReports(tx);
    if (slug !== YANTAN_SLUG || demo.slug !== DEMO_FORUM_SLUG) throw new Error(`unexpected seed slugs ${slug}, ${demo.slug}`);
    return { seeded: true, slug, demoSlug: demo.slug };
  });
}
