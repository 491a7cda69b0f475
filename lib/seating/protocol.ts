/**
 * The protocol order (领导排序) of a forum and the directory of everyone who can be seated. One ordered list per
 * forum feeds every seating plan, the roster and the handbook's 出席领导 list: read it with `protocolOrderOf`.
 */
import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  agendaSessions,
  delegates,
  delegations,
  organizations,
  people,
  personPositions,
  protocolEntries,
  registrations,
  sessionSpeakers,
} from "@/db/schema";
import { SEAT_HOLDING_STATUSES } from "@/lib/shared/enums";
import { RANKS, type Rank } from "@/lib/shared/rank";


export type SeatableKind = "person" | "registration";

/** Someone who can take a seat: a person (speaker, VIP guest) or a registration (delegate, attendee). */
export type Seatable = {
  /** people.id or registrations.id — the id the API speaks of. */
  id: string;
  kind: SeatableKind;
  name: string;
  nameEn: string | null;
  organization: string | null;
  organizationEn: string | null;
  title: string | null;
  titleEn: string | null;
  /** From the protocol list when listed, else the delegate's rank, else null (unranked). */
  rank: Rank | null;
  /** 1-based place in the protocol order, or null when not listed. */
  protocolPosition: number | null;
  /** The unit (delegation) a delegate belongs to, its place in the organizer's unit order, and the order within it. */
  delegationId: string | null;
  unitOrder: number | null;
  orderInUnit: number | null;
};

export type ProtocolEntry = Seatable & { entryId: string; position: number; rank: Rank };

export const rankIndex = (r: Rank | null | undefined) => (r ? RANKS.indexOf(r) : RANKS.length);

/**
 * Everyone seatable at a forum, keyed by id: the agenda's speakers, the people on the protocol list, and every
 * registration holding a seat (confirmed or pending; with the unit and rank of delegates).
 */
export async function seatablesOf(db: Db, eventId: string): Promise<Map<string, Seatable>> {
  const [entries, speakerRows, regs] = await Promise.all([
    db.select().from(protocolEntries).where(eq(protocolEntries.eventId, eventId)),
    db
      .select({ personId: sessionSpeakers.personId })
      .from(sessionSpeakers)
      .innerJoin(agendaSessions, eq(agendaSessions.id, sessionSpeakers.sessionId))
      .where(eq(agendaSessions.eventId, eventId))
      .orderBy(asc(agendaSessions.startsAt), asc(agendaSessions.order), asc(sessionSpeakers.order)),
    db
      .select({
        id: registrations.id,
        name: registrations.fullName,
        organization: registrations.organization,
        position: registrations.position,
        unitName: organizations.name,
        unitNameEn: organizations.nameEn,
        delegationId: delegations.id,
        unitOrder: delegations.sortOrder,
        rank: delegates.rank,
        orderInUnit: delegates.orderInUnit,
      })
      .from(registrations)
      .leftJoin(delegates, eq(delegates.registrationId, registrations.id))
      .leftJoin(delegations, eq(delegations.id, delegates.delegationId))
      .leftJoin(organizations, eq(organizations.id, delegations.organizationId))
      .where(and(eq(registrations.eventId, eventId), inArray(registrations.status, [...SEAT_HOLDING_STATUSES]))),
  ]);
  const entryByRef = new Map(entries.map((e) => [e.personId ?? e.registrationId!, e]));
  const positionOf = protocolPositions(entries);
  const personIds = [...new Set([...speakerRows.map((s) => s.personId), ...entries.flatMap((e) => (e.personId ? [e.personId] : []))])];
  const persons = personIds.length
    ? await db.query.people.findMany({ where: inArray(people.id, personIds), with: { positions: { orderBy: [asc(personPositions.order)], limit: 1 } } })
    : [];
  // speakers in order of first appearance on the agenda, then the other listed people
  const rankOfPerson = new Map(personIds.map((id, i) => [id, i]));
  persons.sort((a, b) => rankOfPerson.get(a.id)! - rankOfPerson.get(b.id)!);
  const out = new Map<string, Seatable>();
  for (const p of persons) {
    const e = entryByRef.get(p.id);
    const pos = p.positions[0];
    out.set(p.id, {
      id: p.id,
      kind: "person",
      name: p.name,
      nameEn: p.nameEn,
      organization: pos?.organization ?? null,
      organizationEn: pos?.organizationEn ?? null,
      title: e?.title ?? pos?.title ?? null,
      titleEn: e?.titleEn ?? pos?.titleEn ?? null,
      rank: e?.rank ?? null,
      protocolPosition: e ? positionOf.get(e.id)! : null,
      delegationId: null,
      unitOrder: null,
      orderInUnit: null,
    });
  }
  for (const r of regs) {
    const e = entryByRef.get(r.id);
    out.set(r.id, {
      id: r.id,
      kind: "registration",
      name: r.name,
      nameEn: null,
      organization: r.unitName ?? r.organization,
      organizationEn: r.unitNameEn ?? null,
      title: e?.title ?? r.position,
      titleEn: e?.titleEn ?? null,
      rank: e?.rank ?? r.rank ?? null,
      protocolPosition: e ? positionOf.get(e.id)! : null,
      delegationId: r.delegationId,
      unitOrder: r.unitOrder,
      orderInUnit: r.orderInUnit,
    });
  }
  return out;
}

/** Dense 1-based positions by (position, id): stable even if two rows ever share a number. */
function protocolPositions(entries: { id: string; position: number }[]): Map<string, number> {
  const sorted = [...entries].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  return new Map(sorted.map((e, i) => [e.id, i + 1]));
}

/**
 * The forum's protocol order (领导排序), most senior first: every listed person or registration that is still
 * coming (cancelled registrations drop out), with name, unit, position line and rank. `directory`: the forum's
 * seatables when the caller has read them already (the seating console: a 10,000-registration forum is read once).
 */
export async function protocolOrderOf(db: Db, eventId: string, directory?: Map<string, Seatable>): Promise<ProtocolEntry[]> {
  const [entries, seatables] = await Promise.all([
    db.select().from(protocolEntries).where(eq(protocolEntries.eventId, eventId)),
    directory ?? seatablesOf(db, eventId),
  ]);
  const positionOf = protocolPositions(entries);
  const out: ProtocolEntry[] = [];
  for (const e of entries) {
    const s = seatables.get(e.personId ?? e.registrationId!);
    if (s) out.push({ ...s, entryId: e.id, position: positionOf.get(e.id)!, rank: e.rank });
  }
  return out.sort((a, b) => a.position - b.position).map((e, i) => ({ ...e, position: i + 1, protocolPosition: i + 1 }));
}
