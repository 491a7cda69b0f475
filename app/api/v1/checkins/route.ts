// Guard: eventRoute("checkin.perform", …): the forum comes from the ticket (scope), then the permission is checked on it before any write.
import { eventRoute } from "@/lib/actions/route";
import { DomainError } from "@/lib/actions/result";
import { checkIn } from "@/lib/checkin/commands";
import { defaultSegment, ticketEvent } from "@/lib/checkin/queries";
import { checkInByCodeSchema } from "@/lib/checkin/validation";
import { errorResponse } from "@/lib/http/domain-errors";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/checkins {ticketCode, segment?}: check a ticket in (idempotent).
 * The forum is the ticket's: signed in? → which forum (an unknown code is a 404 for the scanner) → checkin.perform on it.
 */
export const POST = eventRoute(
  "checkin.perform",
  {
    body: checkInByCodeSchema,
    scope: async (db, { body }) => {
      const ticket = await ticketEvent(db, body.ticketCode);
      if (!ticket) throw new DomainError("not_found", "errors.ticketCodeUnknown");
      return ticket.eventId;
    },
    // a cancelled or rejected ticket: 409 with whose it is, so the desk can say so
    failure: (e, locale) =>
      e instanceof DomainError && e.code === "conflict" && e.extra?.registration
        ? errorResponse(e, "POST /api/v1/checkins", { locale, extra: { registration: e.extra.registration, ...(e.extra.replacedBy ? { replacedBy: e.extra.replacedBy } : {}) } })
        : undefined,
  },
  async ({ db, actor, event, body }) => {
    const segment = body.segment ?? (await defaultSegment(db, event.id));
    const r = await checkIn(db, actor, { eventId: event.id, ticketCode: body.ticketCode, segment });
    return {
      registration: { name: r.registration.name, organization: r.registration.organization, category: r.registration.category, status: r.registration.status },
      segment: r.segment,
      checkedInAt: r.checkedInAt.toISOString(),
      checkedInBy: r.checkedInBy,
      already: r.already,
    };
  },
);
