// Guard: eventCommandRoute("checkin.perform", …): 401 when anonymous; the check-in statement finds the ticket's forum and checks checkin.perform on it (canSql) before it writes — 404 unknown code, 403 not allowed, nothing written.
import { sql } from "drizzle-orm";
import { registrations } from "@/db/schema";
import { eventCommandRoute } from "@/lib/actions/route";
import { DomainError } from "@/lib/actions/result";
import { checkIn } from "@/lib/checkin/commands";
import { checkInByCodeSchema } from "@/lib/checkin/validation";
import { errorResponse } from "@/lib/http/domain-errors";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/checkins {ticketCode, segment?}: check a ticket in (idempotent); segment omitted: the one in progress.
 * One statement per scan once the bearer token is cached (lib/checkin/commands.ts, lib/auth/token-cache.ts).
 */
export const POST = eventCommandRoute(
  "checkin.perform",
  {
    body: checkInByCodeSchema,
    // a cancelled or rejected ticket: 409 with whose it is, so the desk can say so
    failure: (e, locale) =>
      e instanceof DomainError && e.code === "conflict" && e.extra?.registration
        ? errorResponse(e, "POST /api/v1/checkins", { locale, extra: { registration: e.extra.registration, ...(e.extra.replacedBy ? { replacedBy: e.extra.replacedBy } : {}) } })
        : undefined,
  },
  async ({ db, actor, body, allowed }) => {
    const r = await checkIn(db, actor, { ticketCode: body.ticketCode, segment: body.segment }, allowed(sql`${registrations.eventId}`));
    return {
      registration: { name: r.registration.name, organization: r.registration.organization, category: r.registration.category, status: r.registration.status },
      segment: r.segment,
      checkedInAt: r.checkedInAt.toISOString(),
      checkedInBy: r.checkedInBy,
      already: r.already,
    };
  },
);
