/**
 * A delegate's own ticket page (/ticket/{code}): delegates have no account, so the text message and e-mail that carry
 * their ticket link to it by the ticket code itself (≥ 128 random bits, the credential the QR carries anyway). Only
 * registrations made through a reply slip are shown this way; an attendee who signed up has /me/… behind a sign-in.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { buses, delegates, events, registrations } from "@/db/schema";
import { stayOfRegistration } from "./hotels";
import { seatOfRegistration } from "@/lib/seating/queries";

/** A ticket code as issued (base64url, 22–64 characters); anything else is not looked up at all. */
export const TICKET_CODE = /^[A-Za-z0-9_-]{22,64}$/;

export async function delegateTicket(db: Db, code: string) {
  if (!TICKET_CODE.test(code)) return null;
  const [row] = await db
    .select({
      registrationId: registrations.id,
      status: registrations.status,
      fullName: registrations.fullName,
      organization: registrations.organization,
      position: registrations.position,
      category: registrations.category,
      ticketCode: registrations.ticketCode,
      busName: buses.name,
      replaced: delegates.replacedById,
      event: {
        slug: events.slug,
        status: events.status,
        title: events.title,
        titleEn: events.titleEn,
        startsAt: events.startsAt,
        endsAt: events.endsAt,
        timezone: events.timezone,
        venueName: events.venueName,
        venueNameEn: events.venueNameEn,
      },
    })
    .from(registrations)
    .innerJoin(delegates, eq(delegates.registrationId, registrations.id))
    .innerJoin(events, eq(events.id, registrations.eventId))
    .leftJoin(buses, eq(buses.id, registrations.busId))
    .where(and(eq(registrations.ticketCode, code), eq(registrations.source, "delegation")))
    .limit(1);
  if (!row) return null;
  const holds = row.status === "confirmed" || row.status === "pending";
  const [seat, stay] = await Promise.all([
    holds ? seatOfRegistration(db, row.registrationId) : { hall: null, rostrum: null, table: null },
    holds ? stayOfRegistration(db, row.registrationId) : null,
  ]);
  return { ...row, replaced: row.replaced != null, seat, stay };
}
export type DelegateTicket = NonNullable<Awaited<ReturnType<typeof delegateTicket>>>;
