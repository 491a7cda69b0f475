/** JSON shapes of the delegation API, one place for the routes and the OpenAPI document. */
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { delegations } from "@/db/schema";
import type { ReplyView } from "./queries";
import type { RosterUnit } from "./roster";

/** The forum of a delegation id (route scope); null when there is none. */
export async function delegationEventId(db: Db, id: string): Promise<string | null> {
  const [d] = await db.select({ eventId: delegations.eventId }).from(delegations).where(eq(delegations.id, id)).limit(1);
  return d?.eventId ?? null;
}

export function replyJson(v: ReplyView) {
  return {
    event: { slug: v.event.slug, title: v.event.title, startsAt: v.event.startsAt.toISOString(), endsAt: v.event.endsAt.toISOString() },
    organization: v.organization,
    quota: v.quota,
    replyBy: v.replyBy.toISOString(),
    status: v.status,
    open: v.open,
    delegates: v.delegates.map((d) => ({
      id: d.id,
      name: d.name,
      gender: d.gender,
      position: d.position,
      rank: d.rank,
      orderInUnit: d.orderInUnit,
      phone: d.phone,
      email: d.email,
      siteVisit: d.siteVisit,
      diet: d.diet,
      ethnicity: d.ethnicity,
      arrival: d.arrival,
      departure: d.departure,
      accommodation: d.accommodation,
      note: d.note,
      status: d.status,
      ticketCode: d.ticketCode,
    })),
  };
}

export function rosterJson(units: RosterUnit[]) {
  return {
    units: units.map((u) => ({
      organization: u.organization,
      delegates: u.delegates.map((d) => ({ name: d.name, position: d.position, rank: d.rank, phone: d.phone, siteVisit: d.siteVisit, accommodation: d.accommodation })),
    })),
  };
}
