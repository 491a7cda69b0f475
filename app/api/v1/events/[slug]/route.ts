import { eventRoute, publicRoute } from "@/lib/actions/route";
import { requirePermission } from "@/lib/auth/guard";
import { eventAdminJson } from "@/lib/events/api";
import { patchEvent } from "@/lib/events/commands";
import { eventDetailJson } from "@/lib/events/serialize";
import { publicEventDetail } from "@/lib/events/queries";
import { eventPatchSchema } from "@/lib/events/validation";
import { DomainError } from "@/lib/actions/result";
import { slugParams } from "@/lib/http/params";

export const dynamic = "force-dynamic";

export const GET = publicRoute("the public read API: published forums only", { params: slugParams }, async ({ db, params }) => {
  const event = await publicEventDetail(db, params.slug);
  if (!event) throw new DomainError("not_found", "errors.noPublishedForum", { params: { slug: params.slug } });
  return eventDetailJson(event);
});

/**
 * PATCH /api/v1/events/{slug} (organizer): any of {status, capacity, registrationOpensAt, registrationClosesAt,
 * requiresApproval} → 200 with the updated forum; 422 on an invalid transition or value (nothing changed).
 */
export const PATCH = eventRoute("event.edit", { params: slugParams, body: eventPatchSchema }, async ({ db, actor, event, body }) => {
  if (body.status) await requirePermission("event.publish", { eventId: event.id });
  return eventAdminJson(await patchEvent(db, actor, event.id, body));
});
