/** Reads of the pickup schedule (接送站): the forum's active delegates who gave an arrival or a departure. */
import "server-only";
import { and, asc, eq, inArray, isNotNull, isNull, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { delegates, delegations, organizations, registrations } from "@/db/schema";
import type { Locale } from "@/lib/i18n/config";
import { pick } from "@/lib/i18n/format";
import type { TravelPerson } from "./lists";

export async function travellers(db: Db, eventId: string, locale: Locale): Promise<TravelPerson[]> {
  const rows = await db
    .select({
      name: registrations.fullName,
      phone: registrations.phone,
      position: registrations.position,
      gender: delegates.gender,
      unit: organizations.name,
      unitEn: organizations.nameEn,
      arrival: delegates.arrival,
      departure: delegates.departure,
    })
    .from(delegates)
    .innerJoin(delegations, eq(delegations.id, delegates.delegationId))
    .innerJoin(organizations, eq(organizations.id, delegations.organizationId))
    .innerJoin(registrations, eq(registrations.id, delegates.registrationId))
    .where(
      and(
        eq(delegations.eventId, eventId),
        isNull(delegates.replacedById),
        inArray(registrations.status, ["confirmed", "pending"]),
        or(isNotNull(delegates.arrival), isNotNull(delegates.departure)),
      ),
    )
    .orderBy(asc(delegations.sortOrder), asc(registrations.fullName));
  const leg = (l: (typeof rows)[number]["arrival"]) => (l && typeof l.at === "string" && l.at ? { at: l.at, by: l.by, number: l.number ?? null, station: l.station ?? null } : null);
  return rows
    .map((r) => ({ name: r.name, phone: r.phone, position: r.position, gender: r.gender, unit: pick(locale, r.unit, r.unitEn), arrival: leg(r.arrival), departure: leg(r.departure) }))
    .filter((p) => p.arrival || p.departure);
}
