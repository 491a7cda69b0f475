/**
 * The Actor for a user id, fresh from the database: null when unknown or disabled, or — for a session cookie, which
 * passes `authAt` (when its holder signed in) and `sid` (its server-side row, lib/auth/sessions.ts) — when the session
 * was ended (sign-out, password change) or predates the user's last password change.
 */
import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { isUuid } from "@/lib/shared/uuid";
import type { Actor } from "./permissions";

export async function actorById(db: Db, id: string, session?: { authAt: number; sid: string }): Promise<Actor | null> {
  if (!isUuid(id)) return null;
  if (session && !session.sid) return null; // a cookie without a server-side session (issued before sessions were recorded)
  const live = session
    ? sql<boolean>`exists (select 1 from ${sessions} where ${sessions.sessionToken} = ${session.sid} and ${sessions.userId} = ${users.id} and ${sessions.expires} > now())`
    : sql<boolean>`true`;
  const [u] = await db
    .select({ id: users.id, siteRole: users.siteRole, name: users.name, email: users.email, disabledAt: users.disabledAt, sessionsValidAfter: users.sessionsValidAfter, live })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  if (!u || u.disabledAt || !u.live) return null;
  if (session && u.sessionsValidAfter && session.authAt < u.sessionsValidAfter.getTime()) return null;
  return { id: u.id, siteRole: u.siteRole, name: u.name, email: u.email };
}
