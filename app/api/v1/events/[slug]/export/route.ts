import { z } from "zod";
import { eventRoute } from "@/lib/actions/route";
import { requirePermission } from "@/lib/auth/guard";
import { exportBundle } from "@/lib/events/bundle";
import { slugParams } from "@/lib/http/params";

export const dynamic = "force-dynamic";

/** GET /api/v1/events/{slug}/export[?include=registrations] (organizer): the forum bundle as a JSON download. */
export const GET = eventRoute(
  "event.export",
  { params: slugParams, query: z.object({ include: z.string().max(40).optional() }) },
  async ({ db, event, query }) => {
    const includeRegistrations = query.include === "registrations";
    if (includeRegistrations) await requirePermission("registration.manage", { eventId: event.id });
    const bundle = await exportBundle(db, event.id, { includeRegistrations });
    return new Response(JSON.stringify(bundle, null, 2), {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="${event.slug}${includeRegistrations ? "-with-registrations" : ""}.huiwu.json"`,
        "cache-control": "no-store",
      },
    });
  },
);
