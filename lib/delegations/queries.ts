/** Delegation reads: the console's unit list (progress, warnings) and the liaison's reply slip. */
import "server-only";
import { and, asc, count, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { delegates, delegations, events, organizations, registrations } from "@/db/schema";
import type { Locale } from "@/lib/i18n/config";
import { ACTIVE_REGISTRATION_STATUSES, type DelegationStatus } from "@/lib/shared/enums";
import { delegationByToken, replyGate } from "./commands";
import { replyUrl } from "./notify";

export const ACTIVE_STATUSES = ACTIVE_REGISTRATION_STATUSES;

export type DelegationSummary = {
  id: string;
  organization: string;
  quota: number;
  filled: number;
  status: DelegationStatus;
  replyBy: Date;
  liaison: { name: string; phone: string; email: string | null };
  note: string | null;
  lastChangeAt: Date | null;
  releasedAt: Date | null;
  remindedAt: Date | null;
  replyUrl: string;
  sortOrder: number;
};

export type DelegationFilter = "all" | "notReplied" | "underQuota";

export async function delegationsOf(db: Db, eventId: string, filter: DelegationFilter = "all"): Promise<DelegationSummary[]> {
  const filled = db
    .select({ delegationId: delegates.delegationId, n: count().as("n") })
    .from(delegates)
    .innerJoin(registrations, eq(registrations.id, delegates.registrationId))
    .where(and(isNull(delegates.replacedById), inArray(registrations.status, [...ACTIVE_STATUSES])))
    .groupBy(delegates.delegationId)
    .as("filled");
  const rows = await db
    .select({ d: delegations, organization: organizations.name, filled: sql<number>`coalesce(${filled.n}, 0)::int` })
    .from(delegations)
    .innerJoin(organizations, eq(organizations.id, delegations.organizationId))
    .leftJoin(filled, eq(filled.delegationId, delegations.id))
    .where(eq(delegations.eventId, eventId))
    .orderBy(asc(delegations.sortOrder), asc(delegations.createdAt));
  const list = rows.map(({ d, organization, filled: n }) => ({
    id: d.id,
    organization,
    quota: d.quota,
    filled: Number(n),
    status: d.status,
    replyBy: d.replyBy,
    liaison: { name: d.liaisonName, phone: d.liaisonPhone, email: d.liaisonEmail },
    note: d.note,
    lastChangeAt: d.lastChangeAt,
    releasedAt: d.releasedAt,
    remindedAt: d.remindedAt,
    replyUrl: replyUrl(d.replyToken),
    sortOrder: d.sortOrder,
  }));
  if (filter === "notReplied") return list.filter((d) => d.status === "invited");
  if (filter === "underQuota") return list.filter((d) => d.filled < d.quota);
  return list;
}

/** The same phone entered in more than one unit: shown to the organizer, never merged. */
export async function duplicatePhones(db: Db, eventId: string): Promise<{ phone: string; units: string[] }[]> {
  const rows = await db
    .select({ phone: registrations.phone, unit: organizations.name })
    .from(delegates)
    .innerJoin(registrations, eq(registrations.id, delegates.registrationId))
    .innerJoin(delegations, eq(delegations.id, delegates.delegationId))
    .innerJoin(organizations, eq(organizations.id, delegations.organizationId))
    .where(and(eq(delegations.eventId, eventId), isNull(delegates.replacedById), inArray(registrations.status, [...ACTIVE_STATUSES])));
  const by = new Map<string, Set<string>>();
  for (const r of rows) if (r.phone) (by.get(r.phone) ?? by.set(r.phone, new Set()).get(r.phone)!).add(r.unit);
  return [...by].filter(([, u]) => u.size > 1).map(([phone, u]) => ({ phone, units: [...u].sort() }));
}

export type ReplyDelegate = {
  id: string;
  registrationId: string;
  name: string;
  gender: "male" | "female" | null;
  position: string;
  rank: (typeof delegates.$inferSelect)["rank"];
  orderInUnit: number | null;
  phone: string;
  email: string | null;
  siteVisit: boolean;
  diet: string | null;
  ethnicity: string | null;
  arrival: (typeof delegates.$inferSelect)["arrival"];
  departure: (typeof delegates.$inferSelect)["departure"];
  accommodation: "none" | "single" | "shared";
  note: string | null;
  status: string;
  ticketCode: string;
};

/** Everything the liaison's page and GET /api/v1/replies/{token} show; "not found" for an unknown token. */
export async function replyView(db: Db, token: string, locale: Locale = "zh-CN") {
  const d = await delegationByToken(db, token, locale);
  const [event] = await db.select().from(events).where(eq(events.id, d.eventId));
  const [org] = await db.select({ name: organizations.name, nameEn: organizations.nameEn }).from(organizations).where(eq(organizations.id, d.organizationId));
  const rows = await db
    .select({ d: delegates, r: registrations })
    .from(delegates)
    .innerJoin(registrations, eq(registrations.id, delegates.registrationId))
    .where(and(eq(delegates.delegationId, d.id), isNull(delegates.replacedById), inArray(registrations.status, [...ACTIVE_STATUSES])))
    .orderBy(asc(delegates.createdAt), asc(delegates.id));
  const gate = replyGate(d, event);
  return {
    delegationId: d.id,
    event: { id: event.id, slug: event.slug, title: event.title, titleEn: event.titleEn, startsAt: event.startsAt, endsAt: event.endsAt, timezone: event.timezone, venueName: event.venueName, venueNameEn: event.venueNameEn },
    organization: org?.name ?? "",
    quota: d.quota,
    replyBy: d.replyBy,
    status: d.status,
    released: d.releasedAt != null,
    open: gate === null,
    closedReason: gate,
    lastChangeAt: d.lastChangeAt,
    draft: d.draft,
    delegates: rows.map(({ d: x, r }): ReplyDelegate => ({
      id: x.id,
      registrationId: r.id,
      name: r.fullName,
      gender: x.gender,
      position: r.position ?? "",
      rank: x.rank,
      orderInUnit: x.orderInUnit,
      phone: r.phone ?? "",
      email: r.email,
      siteVisit: x.siteVisit,
      diet: x.diet,
      ethnicity: x.ethnicity,
      arrival: x.arrival,
      departure: x.departure,
      accommodation: x.accommodation,
      note: x.note,
      status: r.status,
      ticketCode: r.ticketCode,
    })),
  };
}
export type ReplyView = Awaited<ReturnType<typeof replyView>>;
