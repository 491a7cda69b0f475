import { requireActor, requirePermission } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { eventRefBySlug } from "@/lib/events/admin-queries";
import { exportBundle } from "@/lib/events/bundle";
import { errorResponse } from "@/lib/http/domain-errors";
import { DomainError } from "@/lib/actions/result";

export const dynamic = "force-dynamic";

/** GET /api/v1/events/{slug}/export[?include=registrations] (organizer): the forum bundle as a JSON download. */
export async function GET(req: Request, ctx: RouteContext<"/api/v1/events/[slug]/export">) {
  const { slug } = await ctx.params;
  try {
    await requireActor();
    const db = await getDb();
    const ref = await eventRefBySlug(db, slug);
    if (!ref) throw new DomainError("not_found", "errors.noForumWithSlug", { params: { slug } });
    await requirePermission("event.export", { eventId: ref.id });
    const includeRegistrations = new URL(req.url).searchParams.get("include") === "registrations";
    if (includeRegistrations) await requirePermission("registration.manage", { eventId: ref.id });
    const bundle = await exportBundle(db, ref.id, { includeRegistrations });
    return new Response(JSON.stringify(bundle, null, 2), {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="${slug}${includeRegistrations ? "-with-registrations" : ""}.huiwu.json"`,
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    return errorResponse(e, "GET /api/v1/events/[slug]/export");
  }
}
