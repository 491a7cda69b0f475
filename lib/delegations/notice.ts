/**
 * The notice (会议通知) of a forum: the organizer's saved text, or the text generated from the forum; each invited
 * unit's copy (name, quota, reply-by, reply link). Reads and the two commands (save, back to generated).
 */
import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { delegationNotices, delegations, eventStaff, events, organizations, users } from "@/db/schema";
import { DomainError } from "@/lib/actions/result";

import { recordAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/permissions";
import { eventProgramWith } from "@/lib/events/queries";
import type { Locale } from "@/lib/i18n/config";
import { formatTime, pick } from "@/lib/i18n/format";
import { noticeGenT } from "./docs-i18n";
import { generateNotice, unitNotice, writtenDate, type NoticeSource, type NoticeText, type UnitCopy } from "./notice-text";

/** The liaison's page for a reply token (the route deleg-core serves). */
export function replyLinkFor(origin: string, token: string): string {
  return `${origin}/reply/${token}`;
}

export async function noticeSource(db: Db, eventId: string): Promise<NoticeSource | null> {
  const e = await db.query.events.findFirst({ where: eq(events.id, eventId), with: { hosts: eventProgramWith.hosts, sessions: { orderBy: eventProgramWith.sessions.orderBy } } });
  if (!e) return null;
  const contacts = await db
    .select({ name: users.name, email: users.email })
    .from(eventStaff)
    .innerJoin(users, eq(users.id, eventStaff.userId))
    .where(and(eq(eventStaff.eventId, eventId), eq(eventStaff.role, "organizer")))
    .orderBy(asc(eventStaff.createdAt));
  return {
    ...e,
    hosts: e.hosts.map((h) => ({ role: h.role, name: h.organization.name, nameEn: h.organization.nameEn })),
    sessions: e.sessions.map((s) => ({ title: s.title, titleEn: s.titleEn, startsAt: s.startsAt, endsAt: s.endsAt, location: s.location, locationEn: s.locationEn })),
    contacts: contacts.map((c) => ({ name: c.name ?? c.email, email: c.email })),
  };
}

export type CurrentNotice = NoticeText & { edited: boolean; updatedAt: Date | null; timezone: string };

/** The saved notice, or the one generated from the forum in `locale`. Null for an unknown forum. */
export async function currentNotice(db: Db, eventId: string, locale: Locale, now = new Date()): Promise<CurrentNotice | null> {
  const [saved] = await db.select().from(delegationNotices).where(eq(delegationNotices.eventId, eventId));
  const src = await noticeSource(db, eventId);
  if (!src) return null;
  if (saved) return { title: saved.title, body: saved.body, signature: saved.signature, issuedOn: saved.issuedOn, edited: true, updatedAt: saved.updatedAt, timezone: src.timezone };
  return { ...generateNotice(src, noticeGenT(locale), locale, now), edited: false, updatedAt: null, timezone: src.timezone };
}

/** Each invited unit's copy data, in the organizer's order (or only `delegationId`'s). */
export async function noticeUnits(db: Db, eventId: string, locale: Locale, origin: string, delegationId?: string) {
  const rows = await db
    .select({ id: delegations.id, name: organizations.name, nameEn: organizations.nameEn, quota: delegations.quota, replyBy: delegations.replyBy, token: delegations.replyToken, timezone: events.timezone })
    .from(delegations)
    .innerJoin(organizations, eq(organizations.id, delegations.organizationId))
    .innerJoin(events, eq(events.id, delegations.eventId))
    .where(delegationId ? and(eq(delegations.eventId, eventId), eq(delegations.id, delegationId)) : eq(delegations.eventId, eventId))
    .orderBy(asc(delegations.sortOrder), asc(delegations.createdAt));
  return rows.map((r) => ({
    id: r.id,
    name: pick(locale, r.name, r.nameEn),
    copy: {
      unit: pick(locale, r.name, r.nameEn),
      quota: r.quota,
      replyBy: `${writtenDate(r.replyBy, r.timezone, locale)} ${formatTime(r.replyBy, r.timezone, locale)}`,
      replyLink: replyLinkFor(origin, r.token),
    } satisfies NonNullable<UnitCopy>,
  }));
}

/** The filled copies to render: one unit, all units, or the generic copy. */
export async function noticeCopies(db: Db, eventId: string, locale: Locale, origin: string, which: "generic" | "all" | { delegationId: string }) {
  const notice = await currentNotice(db, eventId, locale);
  if (!notice) return null;
  if (which === "generic") return [{ notice: unitNotice(notice, null), replyLink: null, unitKey: undefined as string | undefined }];
  const units = await noticeUnits(db, eventId, locale, origin, which === "all" ? undefined : which.delegationId);
  if (which !== "all" && !units.length) return null;
  return units.map((u) => ({ notice: unitNotice(notice, u.copy), replyLink: u.copy.replyLink, unitKey: u.id }));
}

const text = (max: number) => z.string().trim().max(max, "admin.errors.too_long");
export const saveNoticeSchema = z.object({
  eventId: z.uuid(),
  title: text(300).min(1, "admin.errors.required"),
  body: text(20_000).min(1, "admin.errors.required"),
  signature: text(2_000).default(""),
  issuedOn: text(100).default(""),
});
export const resetNoticeSchema = z.object({ eventId: z.uuid() });

export async function saveNotice(db: Db, actor: Actor, v: z.infer<typeof saveNoticeSchema>) {
  return db.transaction(async (tx) => {
    const [ev] = await tx.select({ id: events.id }).from(events).where(eq(events.id, v.eventId));
    if (!ev) throw new DomainError("not_found", "errors.forumNotFound");
    const row = { title: v.title, body: v.body, signature: v.signature, issuedOn: v.issuedOn, updatedById: actor.id, updatedAt: new Date() };
    await tx.insert(delegationNotices).values({ eventId: v.eventId, ...row }).onConflictDoUpdate({ target: delegationNotices.eventId, set: row });
    await recordAudit(tx, actor, { action: "notice.edit", entity: "delegation_notice", entityId: v.eventId, eventId: v.eventId, after: { title: v.title, length: v.body.length } });
    return { eventId: v.eventId };
  });
}

export async function resetNotice(db: Db, actor: Actor, v: z.infer<typeof resetNoticeSchema>) {
  return db.transaction(async (tx) => {
    const gone = await tx.delete(delegationNotices).where(eq(delegationNotices.eventId, v.eventId)).returning({ id: delegationNotices.eventId });
    if (gone.length) await recordAudit(tx, actor, { action: "notice.reset", entity: "delegation_notice", entityId: v.eventId, eventId: v.eventId });
    return { reset: gone.length > 0 };
  });
}
