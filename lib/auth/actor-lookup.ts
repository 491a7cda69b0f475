/**
 * The Actor for a user id, fresh from the database: null when unknown or disabled, or — for a session cookie, which
 * passes `authAt` (when its holder signed in) — when the session predates the user's last password change.
 */
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "./permissions";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function actorById(db: Db, id: string, session?: { authAt: number }): Promise<Actor | null> {
  if (!UUID.test(id)) return null;
  const [u] = await db
    .select({ id: users.id, siteRole: users.siteRole, name: users.name, email: users.email, disabledAt: users.disabledAt, sessionsValidAfter: users.sessionsValidAfter })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  if (!u || u.disabledAt) return null;
  if (session && u.sessionsValidAfter && session.authAt < u.sessionsValidAfter.getTime()) return null;
  return { id: u.id, siteRole: u.siteRole, name: u.name, email: u.email };
}
