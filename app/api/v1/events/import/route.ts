import { requirePermission } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { importBundle } from "@/lib/events/bundle";
import { errorResponse, jsonBody } from "@/lib/http/domain-errors";
import { json } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

/** POST /api/v1/events/import (admin / organizer) with a forum bundle → 201 {slug} of a new draft; 422 when malformed. */
export async function POST(req: Request) {
  try {
    const actor = await requirePermission("event.import");
    const body = await jsonBody(req, "a forum bundle (GET /api/v1/events/{slug}/export)");
    const created = await importBundle(await getDb(), actor, body, { source: "api" });
    return json({ slug: created.slug }, 201);
  } catch (e) {
    return errorResponse(e, "POST /api/v1/events/import");
  }
}
