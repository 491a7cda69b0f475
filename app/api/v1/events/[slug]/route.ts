import { DomainError, parse } from "@/lib/actions/result";
import { requireActor, requirePermission } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { eventRefBySlug } from "@/lib/events/admin-queries";
import { eventAdminJson } from "@/lib/events/api";
import { patchEvent } from "@/lib/events/commands";
import { eventDetailJson } from "@/lib/events/serialize";
import { publicEventDetail } from "@/lib/events/queries";
import { eventPatchSchema } from "@/lib/events/validation";
import { errorResponse, jsonBody } from "@/lib/http/domain-errors";
import { json } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, ctx: RouteContext<"/api/v1/events/[slug]">) {
  const { slug } = await ctx.params;
  try {
    const event = await publicEventDetail(await getDb(), slug);
    if (!event) throw new DomainError("not_found", "errors.noPublishedForum", { params: { slug } });
    return json(eventDetailJson(event));
  } catch (e) {
    return errorResponse(e, "GET /api/v1/events/[slug]");
  }
}

/**
 * PATCH /api/v1/events/{slug} (organizer): any of {status, capacity, registrationOpensAt, registrationClosesAt,
 * requiresApproval} → 200 with the updated forum; 422 on an invalid transition or value (nothing changed).
 */
export async function PATCH(req: Request, ctx: RouteContext<"/api/v1/events/[slug]">) {
  const { slug } = await ctx.params;
  try {
    await requireActor();
    const db = await getDb();
    const ref = await eventRefBySlug(db, slug);
    if (!ref) throw new DomainError("not_found", "errors.noForumWithSlug", { params: { slug } });
    const actor = await requirePermission("event.edit", { eventId: ref.id });
    const patch = parse(eventPatchSchema, await jsonBody(req, "{status?, capacity?, registrationOpensAt?, registrationClosesAt?, requiresApproval?}"));
    if (patch.status) await requirePermission("event.publish", { eventId: ref.id });
    const row = await patchEvent(db, actor, ref.id, patch);
    return json(eventAdminJson(row));
  } catch (e) {
    return errorResponse(e, "PATCH /api/v1/events/[slug]");
  }
}
