/**
 * Server-side record of each signed-in session. The session cookie stays an Auth.js JWT, but it
 * carries a random session id (`sid`) whose row in `sessions` must exist for the cookie to count (actorById). So:
 *  - sign-out deletes the row (Auth.js `events.signOut`): a copied cookie is dead at once, not after 14 days;
 *  - a password change deletes every row of the user (the current browser signs in afresh right after);
 *  - an admin can end all sessions of a user by deleting the rows.
 * The table is Auth.js's own `sessions` table (unused by JWT sessions otherwise): sessionToken = sid.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { sessions } from "@/db/schema";

export async function startSession(db: Db, userId: string, maxAgeSeconds: number): Promise<string> {
  const sid = randomBytes(32).toString("base64url");
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expires, sql`now()`))); // tidy up as we go
  await db.insert(sessions).values({ sessionToken: sid, userId, expires: new Date(Date.now() + maxAgeSeconds * 1000) });
  return sid;
}

export async function endSession(db: Db, sid: unknown): Promise<void> {
  if (typeof sid === "string" && sid) await db.delete(sessions).where(eq(sessions.sessionToken, sid));
}

export async function endAllSessions(tx: Db | Tx, userId: string): Promise<number> {
  return (await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ sid: sessions.sessionToken })).length;
}
