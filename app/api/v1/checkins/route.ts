import { DomainError, parse } from "@/lib/actions/result";
import { requireActor, requirePermission } from "@/lib/auth/guard";
import { checkIn } from "@/lib/checkin/commands";
import { defaultSegment, ticketEvent } from "@/lib/checkin/queries";
import { checkInByCodeSchema } from "@/lib/checkin/validation";
import { getDb } from "@/lib/db";
import { errorResponse, jsonBody } from "@/lib/http/domain-errors";
import { json } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/checkins {ticketCode, segment?}: check a ticket in (idempotent).
 * The guard needs the ticket's event, so: signed in? → which event? → checkin.perform on that event.
 */
export async function POST(req: Request) {
  try {
    await requireActor();
    const input = parse(checkInByCodeSchema, await jsonBody(req, "{ticketCode, segment?}"));
    const db = await getDb();
    const ticket = await ticketEvent(db, input.ticketCode);
    if (!ticket) throw new DomainError("not_found", "errors.ticketCodeUnknown");
    const actor = await requirePermission("checkin.perform", { eventId: ticket.eventId });
    const segment = input.segment ?? (await defaultSegment(db, ticket.eventId));
    const r = await checkIn(db, actor, { eventId: ticket.eventId, ticketCode: input.ticketCode, segment });
    return json({
      registration: { name: r.registration.name, organization: r.registration.organization, category: r.registration.category, status: r.registration.status },
      segment: r.segment,
      checkedInAt: r.checkedInAt.toISOString(),
      checkedInBy: r.checkedInBy,
      already: r.already,
    });
  } catch (e) {
    const registration = e instanceof DomainError && e.code === "conflict" ? e.extra?.registration : undefined;
    return errorResponse(e, "POST /api/v1/checkins", registration ? { extra: { registration } } : {});
  }
}
