import { getDb } from "@/lib/db";
import { eventListJson } from "@/lib/events/serialize";
import { publicEventList } from "@/lib/events/queries";
import { internalError, json } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

/** Public forums (published, completed, cancelled), newest first. */
export async function GET() {
  try {
    const list = await publicEventList(await getDb());
    return json({ events: list.map(eventListJson) });
  } catch (e) {
    return internalError(e, "GET /api/v1/events");
  }
}
