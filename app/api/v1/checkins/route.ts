import { DomainError, HTTP_STATUS, parse } from "@/lib/actions/result";
import { requireActor, requirePermission } from "@/lib/auth/guard";
import { checkIn } from "@/lib/checkin/commands";
import { defaultSegment, ticketEvent } from "@/lib/checkin/queries";
import { checkInByCodeSchema } from "@/lib/checkin/validation";
import { getDb } from "@/lib/db";
import { internalError, json, jsonError } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/checkins {ticketCode, segment?}: check a ticket in (idempotent).
 * The guard needs the ticket's event, so: signed in? → which event? → checkin.perform on that event.
 */
export async function POST(req: Request) {
  try {
    await requireActor();
    const body = await req.json().catch(() => {
      throw new DomainError("invalid", "The body must be JSON: {ticketCode, segment?}.");
    });
    const input = parse(checkInByCodeSchema, body);
    const db = await getDb();
    const ticket = await ticketEvent(db, input.ticketCode);
    if (!ticket) return jsonError(404, "Unknown ticket code.");
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
    if (e instanceof DomainError) {
      const extra = e.code === "conflict" && e.extra?.registration ? { registration: e.extra.registration } : undefined;
      return jsonError(HTTP_STATUS[e.code], e.message, { ...extra, ...(e.fieldErrors ? { fieldErrors: e.fieldErrors } : {}) });
    }
    return internalError(e, "POST /api/v1/checkins");
  }
}
