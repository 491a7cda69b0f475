/**
 * The roster (参会名单): invited units in the organizer's order, each unit's delegates by protocol rank (级别, most
 * senior first) then their order in the unit; public registrants after them under their organization (or under the
 * invited unit of the same name). One query, reused by the API, the console, and the print/XLSX exports.
 */
import "server-only";
import { and, eq, inArray, isNull, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { delegates, delegations, organizations, registrations, type TravelLeg } from "@/db/schema";
import { RANKS, type Rank } from "@/lib/shared/rank";

export type RosterEntry = {
  registrationId: string;
  delegateId: string | null;
  name: string;
  gender: "male" | "female" | null;
  position: string | null;
  rank: Rank;
  orderInUnit: number | null;
  phone: string | null;
  email: string | null;
  siteVisit: boolean;
  accommodation: "none" | "single" | "shared";
  diet: string | null;
  ethnicity: string | null;
  arrival: TravelLeg | null;
  departure: TravelLeg | null;
  note: string | null;
  status: "confirmed" | "pending";
  ticketCode: string;
};
export type RosterUnit = { organization: string; delegationId: string | null; quota: number | null; delegates: RosterEntry[] };

const rankIndex = (r: Rank) => RANKS.indexOf(r);

export function byProtocol(a: RosterEntry, b: RosterEntry): number {
  return (
    rankIndex(a.rank) - rankIndex(b.rank) ||
    (a.orderInUnit ?? 1e6) - (b.orderInUnit ?? 1e6) ||
    a.name.localeCompare(b.name, "zh-CN")
  );
}

/** Everyone holding a seat (confirmed or pending), grouped and ordered for the roster. */
export async function rosterOf(db: Db, eventId: string): Promise<RosterUnit[]> {
  const units = await db
    .select({ id: delegations.id, quota: delegations.quota, name: organizations.name })
    .from(delegations)
    .innerJoin(organizations, eq(organizations.id, delegations.organizationId))
    .where(eq(delegations.eventId, eventId))
    .orderBy(delegations.sortOrder, delegations.createdAt);
  const rows = await db
    .select({ r: registrations, d: delegates })
    .from(registrations)
    .leftJoin(delegates, eq(delegates.registrationId, registrations.id))
    .where(and(eq(registrations.eventId, eventId), inArray(registrations.status, ["confirmed", "pending"]), or(isNull(delegates.id), isNull(delegates.replacedById))))
    .orderBy(registrations.createdAt);
  const out: RosterUnit[] = units.map((u) => ({ organization: u.name, delegationId: u.id, quota: u.quota, delegates: [] }));
  const byId = new Map(out.map((u) => [u.delegationId!, u]));
  const byName = new Map(out.map((u) => [u.organization, u]));
  const others = new Map<string, RosterUnit>();
  for (const { r, d } of rows) {
    const e: RosterEntry = {
      registrationId: r.id,
      delegateId: d?.id ?? null,
      name: r.fullName,
      gender: d?.gender ?? null,
      position: r.position,
      rank: d?.rank ?? "other",
      orderInUnit: d?.orderInUnit ?? null,
      phone: r.phone,
      email: r.email,
      siteVisit: d?.siteVisit ?? r.siteVisit,
      accommodation: d?.accommodation ?? "none",
      diet: d?.diet ?? null,
      ethnicity: d?.ethnicity ?? null,
      arrival: d?.arrival ?? null,
      departure: d?.departure ?? null,
      note: d?.note ?? null,
      status: r.status as "confirmed" | "pending",
      ticketCode: r.ticketCode,
    };
    const unit = (d && byId.get(d.delegationId)) || byName.get(r.organization ?? "");
    if (unit) unit.delegates.push(e);
    else {
      const name = r.organization?.trim() || "";
      (others.get(name) ?? others.set(name, { organization: name, delegationId: null, quota: null, delegates: [] }).get(name)!).delegates.push(e);
    }
  }
  const rest = [...others.values()].sort((a, b) => (a.organization === "") !== (b.organization === "") ? (a.organization === "" ? 1 : -1) : a.organization.localeCompare(b.organization, "zh-CN"));
  const all = [...out, ...rest];
  for (const u of all) u.delegates.sort(byProtocol);
  return all;
}
