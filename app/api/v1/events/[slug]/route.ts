import { getDb } from "@/lib/db";
import { eventDetailJson } from "@/lib/events/serialize";
import { publicEventDetail } from "@/lib/events/queries";
import { internalError, json, jsonError } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, ctx: RouteContext<"/api/v1/events/[slug]">) {
  const { slug } = await ctx.params;
  try {
    const event = await publicEventDetail(await getDb(), slug);
    if (!event) return jsonError(404, `No published forum with slug "${slug}".`);
    return json(eventDetailJson(event));
  } catch (e) {
    return internalError(e, "GET /api/v1/events/[slug]");
  }
}
