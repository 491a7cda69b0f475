/**
 * The forum's team (团队): an organizer invites by email — an existing account joins at once, a new
 * address gets an invitation link that creates the account — gives the role organizer or staff, and removes people.
 * Every change is audited in its transaction. Team changes of one forum are serialised by its row lock, so two
 * organizers demoting each other at once cannot leave the forum without an organizer.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { createTranslator } from "next-intl";
import type { Db, Tx } from "@/db/client";
import { eventInvitations, events, eventStaff, outbox, users } from "@/db/schema";
import { putEventRole } from "@/lib/accounts/admin";
import { createAccount } from "@/lib/accounts/commands";
import { DomainError } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit";
import type { Actor, EventRole } from "@/lib/auth/permissions";
import { hashToken } from "@/lib/auth/tokens";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { pick } from "@/lib/i18n/format";
import { messagesFor } from "@/lib/i18n/messages";
import { appUrl } from "@/lib/http/origin";
import { invitationByToken } from "./queries";
import type { AcceptWithSignUpInput, InviteInput } from "./validation";

export const INVITATION_TTL_DAYS = 14;
export const invitationPath = (token: string) => `/invite/${token}`;

async function lockEvent(tx: Tx, eventId: string) {
  const [e] = await tx
    .select({ id: events.id, slug: events.slug, title: events.title, titleEn: events.titleEn })
    .from(events)
    .where(eq(events.id, eventId))
    .for("update");
  if (!e) throw new DomainError("not_found", "team.errors.noForum");
  return e;
}

async function organizerCount(tx: Tx, eventId: string): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(eventStaff)
    .where(and(eq(eventStaff.eventId, eventId), eq(eventStaff.role, "organizer")));
  return r?.n ?? 0;
}

function teamMail(locale: Locale, kind: "added" | "invited", v: { name: string; title: string; role: EventRole; url: string }) {
  const t = createTranslator({ locale, messages: messagesFor(locale), namespace: "team" });
  const role = createTranslator({ locale, messages: messagesFor(locale), namespace: "shared" })(`eventRole.${v.role}`);
  return {
    subject: t(`mail.${kind}.subject`, { title: v.title }),
    body: [t("mail.greeting", { name: v.name }), "", t(`mail.${kind}.body`, { title: v.title, role, url: v.url, days: INVITATION_TTL_DAYS })].join("\n"),
  };
}

export type InviteResult = { kind: "added"; userId: string; email: string } | { kind: "invited"; invitationId: string; url: string; email: string };

/**
 * Invite `email` with `role`. An existing account joins the team at once (its role is set, a mail tells them);
 * a new address gets an invitation (a previous open one for it is replaced) whose link is returned and mailed.
 */
export async function inviteMember(db: Db, actor: Actor, input: InviteInput, locale: Locale): Promise<InviteResult> {
  return db.transaction(async (tx) => {
    const e = await lockEvent(tx, input.eventId);
    const [user] = await tx.select({ id: users.id, name: users.name, locale: users.locale }).from(users).where(eq(users.email, input.email)).limit(1);
    if (user) {
      const [before] = await tx
        .select({ role: eventStaff.role })
        .from(eventStaff)
        .where(and(eq(eventStaff.eventId, e.id), eq(eventStaff.userId, user.id)));
      if (before?.role === "organizer" && input.role !== "organizer" && (await organizerCount(tx, e.id)) <= 1) {
        throw new DomainError("conflict", "team.errors.lastOrganizer");
      }
      await putEventRole(tx, actor, { event: e, user: { id: user.id, email: input.email }, role: input.role, before: before?.role ?? null });
      if (before?.role !== input.role) {
        const l: Locale = isLocale(user.locale) ? user.locale : locale;
        const mail = teamMail(l, "added", { name: user.name, title: pick(l, e.title, e.titleEn) ?? e.title, role: input.role, url: `${appUrl()}/admin/events/${e.slug}` });
        await tx.insert(outbox).values({ kind: "team.added", toEmail: input.email, userId: user.id, eventId: e.id, ...mail });
      }
      return { kind: "added", userId: user.id, email: input.email };
    }
    const token = randomBytes(32).toString("base64url");
    await tx
      .update(eventInvitations)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(eventInvitations.eventId, e.id), eq(eventInvitations.email, input.email), isNull(eventInvitations.acceptedAt), isNull(eventInvitations.revokedAt)));
    const [inv] = await tx
      .insert(eventInvitations)
      .values({
        eventId: e.id,
        email: input.email,
        role: input.role,
        tokenHash: hashToken(token),
        invitedById: actor.id,
        expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 24 * 3600 * 1000),
      })
      .returning({ id: eventInvitations.id });
    const url = `${appUrl()}${invitationPath(token)}`;
    await recordAudit(tx, actor, { action: "event.staff.invite", entity: "event_invitation", entityId: inv.id, eventId: e.id, after: { email: input.email, role: input.role } });
    const mail = teamMail(locale, "invited", { name: input.email, title: pick(locale, e.title, e.titleEn) ?? e.title, role: input.role, url });
    await tx.insert(outbox).values({ kind: "team.invited", toEmail: input.email, eventId: e.id, ...mail });
    return { kind: "invited", invitationId: inv.id, url, email: input.email };
  });
}

export async function changeMemberRole(db: Db, actor: Actor, input: { eventId: string; userId: string; role: EventRole }) {
  return db.transaction(async (tx) => {
    const e = await lockEvent(tx, input.eventId);
    const [before] = await tx
      .select({ role: eventStaff.role })
      .from(eventStaff)
      .where(and(eq(eventStaff.eventId, e.id), eq(eventStaff.userId, input.userId)));
    if (!before) throw new DomainError("not_found", "team.errors.notMember");
    if (before.role === input.role) return { changed: false };
    if (before.role === "organizer" && (await organizerCount(tx, e.id)) <= 1) throw new DomainError("conflict", "team.errors.lastOrganizer");
    await tx
      .update(eventStaff)
      .set({ role: input.role })
      .where(and(eq(eventStaff.eventId, e.id), eq(eventStaff.userId, input.userId)));
    await recordAudit(tx, actor, { action: "event.staff.grant", entity: "event_staff", entityId: input.userId, eventId: e.id, before, after: { role: input.role } });
    return { changed: true };
  });
}

export async function removeMember(db: Db, actor: Actor, input: { eventId: string; userId: string }) {
  return db.transaction(async (tx) => {
    const e = await lockEvent(tx, input.eventId);
    const [before] = await tx
      .select({ role: eventStaff.role, email: users.email })
      .from(eventStaff)
      .innerJoin(users, eq(users.id, eventStaff.userId))
      .where(and(eq(eventStaff.eventId, e.id), eq(eventStaff.userId, input.userId)));
    if (!before) throw new DomainError("not_found", "team.errors.notMember");
    if (before.role === "organizer" && (await organizerCount(tx, e.id)) <= 1) throw new DomainError("conflict", "team.errors.lastOrganizer");
    await tx.delete(eventStaff).where(and(eq(eventStaff.eventId, e.id), eq(eventStaff.userId, input.userId)));
    await recordAudit(tx, actor, { action: "event.staff.revoke", entity: "event_staff", entityId: input.userId, eventId: e.id, before });
    return { changed: true };
  });
}

export async function revokeInvitation(db: Db, actor: Actor, input: { eventId: string; invitationId: string }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(eventInvitations)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(eventInvitations.id, input.invitationId),
          eq(eventInvitations.eventId, input.eventId),
          isNull(eventInvitations.acceptedAt),
          isNull(eventInvitations.revokedAt),
        ),
      )
      .returning({ id: eventInvitations.id, email: eventInvitations.email, role: eventInvitations.role });
    if (!row) throw new DomainError("not_found", "team.errors.noInvitation");
    await recordAudit(tx, actor, { action: "event.staff.uninvite", entity: "event_invitation", entityId: row.id, eventId: input.eventId, before: { email: row.email, role: row.role } });
    return { changed: true };
  });
}

/** Take the role an invitation offers; only by the account of the invited address. Returns the forum's slug. */
async function accept(tx: Tx, token: string, user: { id: string; email: string }): Promise<{ slug: string }> {
  const inv = await invitationByToken(tx, token);
  if (!inv) throw new DomainError("not_found", "team.errors.noInvitation");
  if (inv.email !== user.email) throw new DomainError("forbidden", "team.errors.otherEmail");
  const [claimed] = await tx
    .update(eventInvitations)
    .set({ acceptedAt: sql`now()`, acceptedById: user.id })
    .where(and(eq(eventInvitations.id, inv.id), isNull(eventInvitations.acceptedAt), isNull(eventInvitations.revokedAt)))
    .returning({ id: eventInvitations.id });
  if (!claimed) throw new DomainError("not_found", "team.errors.noInvitation");
  const [before] = await tx
    .select({ role: eventStaff.role })
    .from(eventStaff)
    .where(and(eq(eventStaff.eventId, inv.eventId), eq(eventStaff.userId, user.id)));
  // never a demotion by an old invitation: an organizer stays organizer
  const role = before?.role === "organizer" ? "organizer" : inv.role;
  await tx
    .insert(eventStaff)
    .values({ eventId: inv.eventId, userId: user.id, role })
    .onConflictDoUpdate({ target: [eventStaff.eventId, eventStaff.userId], set: { role } });
  await recordAudit(tx, { id: user.id }, { action: "event.staff.accept", entity: "event_invitation", entityId: inv.id, eventId: inv.eventId, before: before ?? null, after: { role, email: user.email } });
  return { slug: inv.slug };
}

export async function acceptInvitation(db: Db, actor: Actor, token: string) {
  return db.transaction((tx) => accept(tx, token, actor));
}

/** A newcomer: create the account for the invited address, then accept — both or neither. */
export async function acceptInvitationWithSignUp(db: Db, input: AcceptWithSignUpInput, ip: string | null) {
  const inv = await invitationByToken(db, input.token);
  if (!inv) throw new DomainError("not_found", "team.errors.noInvitation");
  const { token, ...profile } = input;
  return db.transaction(async (tx) => {
    const user = await createAccount(tx, null, { ...profile, email: inv.email }, { ip });
    return { ...(await accept(tx, token, user)), email: user.email };
  });
}
