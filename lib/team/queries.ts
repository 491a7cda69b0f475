/** Reads of a forum's team (团队): members with their roles, open invitations, and an invitation by its link. */
import "server-only";
import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventInvitations, events, eventStaff, users } from "@/db/schema";
import { hashToken } from "@/lib/auth/tokens";

export async function teamOf(db: Db, eventId: string) {
  const [members, invitations] = await Promise.all([
    db
      .select({ userId: users.id, name: users.name, email: users.email, role: eventStaff.role, since: eventStaff.createdAt, disabled: sql<boolean>`${users.disabledAt} IS NOT NULL` })
      .from(eventStaff)
      .innerJoin(users, eq(users.id, eventStaff.userId))
      .where(eq(eventStaff.eventId, eventId))
      .orderBy(asc(eventStaff.role), asc(users.name)),
    db
      .select({ id: eventInvitations.id, email: eventInvitations.email, role: eventInvitations.role, createdAt: eventInvitations.createdAt, expiresAt: eventInvitations.expiresAt })
      .from(eventInvitations)
      .where(and(eq(eventInvitations.eventId, eventId), isNull(eventInvitations.acceptedAt), isNull(eventInvitations.revokedAt)))
      .orderBy(asc(eventInvitations.createdAt)),
  ]);
  return { members, invitations };
}

/** An open, unexpired invitation by the token in its link, with its forum (null for anything else: no hints). */
export async function invitationByToken(db: Db, token: string) {
  const [row] = await db
    .select({
      id: eventInvitations.id,
      email: eventInvitations.email,
      role: eventInvitations.role,
      eventId: events.id,
      slug: events.slug,
      title: events.title,
      titleEn: events.titleEn,
    })
    .from(eventInvitations)
    .innerJoin(events, eq(events.id, eventInvitations.eventId))
    .where(
      and(
        eq(eventInvitations.tokenHash, hashToken(token)),
        isNull(eventInvitations.acceptedAt),
        isNull(eventInvitations.revokedAt),
        gt(eventInvitations.expiresAt, sql`now()`),
      ),
    )
    .limit(1);
  return row ?? null;
}

export type TeamView = Awaited<ReturnType<typeof teamOf>>;
export type InvitationView = NonNullable<Awaited<ReturnType<typeof invitationByToken>>>;
