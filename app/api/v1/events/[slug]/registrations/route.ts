// Guard: userRoute("registration.create", …) (lib/actions/route.ts): any signed-in user registers themselves; the forum must be published and open (registerForEvent).
import { z } from "zod";
import { userRoute } from "@/lib/actions/route";
import { parse } from "@/lib/actions/result";
import { slugParams } from "@/lib/http/params";
import { signInRequiredInCallersLanguage } from "@/lib/registrations/api";
import { registerForEvent } from "@/lib/registrations/commands";
import { registrationSchema } from "@/lib/registrations/validation";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/events/{slug}/registrations {category, organization, position, phone?, needs?, siteVisit?, groupId?, answers?}
 * → 201 {id, status, ticketCode?, waitlistPosition?}; 409 already registered / bus full; 422 invalid; 403 closed; 404 unknown forum.
 * The body's messages are in the caller's language, so it is validated in the handler (the schema depends on it).
 */
export const POST = userRoute(
  "registration.create",
  { params: slugParams, body: z.record(z.string(), z.unknown()), status: 201, failure: signInRequiredInCallersLanguage },
  async ({ db, actor, params, body, locale }) => {
    const data = parse(registrationSchema(locale), body);
    const r = await registerForEvent(db, actor, { eventSlug: params.slug, data, locale });
    return { id: r.id, status: r.status, ticketCode: r.ticketCode, waitlistPosition: r.waitlistPosition };
  },
);
