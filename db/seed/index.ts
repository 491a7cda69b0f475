/**
 * Seeds a fresh database with the demo accounts and the reference forum (DESIGN §6). Runs at start-up; it never
 * touches a database that already holds users or events.
 *
 * Everything happens in one transaction under a transaction-scoped advisory lock, so several instances starting at
 * once on one Postgres seed exactly once (the others wait, then find the tables non-empty), and a failure leaves the
 * database empty rather than half-seeded. seedYantan's own transaction nests as a savepoint.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { eventStaff, events, users } from "../schema";
import { seedDemoAccounts } from "./demo-accounts";
import { seedYantan, YANTAN_SLUG } from "./yantan";

export { YANTAN_SLUG } from "./yantan";
export { DEMO_ACCOUNTS } from "./demo-accounts";

const SEED_LOCK = 7283402;

export async function seedIfEmpty(db: Db): Promise<{ seeded: boolean; slug?: string }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    const [anyUser] = await tx.select({ id: users.id }).from(users).limit(1);
    const [anyEvent] = await tx.select({ id: events.id }).from(events).limit(1);
    if (anyUser || anyEvent) return { seeded: false };

    // A transaction is a Db (PgTransaction extends PgDatabase): inside, only `tx` is used (DESIGN §3.3).
    const accounts = await seedDemoAccounts(tx);
    const { eventId, slug } = await seedYantan(tx, { organizerId: accounts.organizer, staffId: accounts.staff });
    await tx.insert(eventStaff).values([
      { eventId, userId: accounts.organizer, role: "organizer" },
      { eventId, userId: accounts.staff, role: "staff" },
    ]);
    if (slug !== YANTAN_SLUG) throw new Error(`unexpected seed slug ${slug}`);
    return { seeded: true, slug };
  });
}
