import { parse } from "@/lib/actions/result";
import { requirePermission } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { json } from "@/lib/http/responses";
import { jsonBody } from "@/lib/http/domain-errors";
import { apiFailure, apiLocale } from "@/lib/registrations/api";
import { registerForEvent } from "@/lib/registrations/commands";
import { registrationSchema } from "@/lib/registrations/validation";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/events/{slug}/registrations {category, organization, position, phone?, needs?, siteVisit?, groupId?, answers?}
 * → 201 {id, status, ticketCode?, waitlistPosition?}; 409 already registered / bus full; 422 invalid; 403 closed; 404 unknown forum.
 */
export async function POST(req: Request, ctx: RouteContext<"/api/v1/events/[slug]/registrations">) {
  const locale = await apiLocale();
  try {
    const actor = await requirePermission("registration.create");
    const { slug } = await ctx.params;
    const data = parse(registrationSchema(locale), await jsonBody(req, "{category, organization, position, phone?, needs?, siteVisit?, groupId?, answers?}"));
    const r = await registerForEvent(await getDb(), actor, { eventSlug: slug, data, locale });
    return json({ id: r.id, status: r.status, ticketCode: r.ticketCode, waitlistPosition: r.waitlistPosition }, 201);
  } catch (e) {
    return apiFailure(e, "POST /api/v1/events/[slug]/registrations", locale);
  }
}
