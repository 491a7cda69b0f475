import { z } from "zod";
import { eventRoute } from "@/lib/actions/route";
import { slugParams } from "@/lib/http/params";
import { hallJson, rostrumJson, tablesJson } from "@/lib/seating/api";
import { seatingOf } from "@/lib/seating/queries";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/events/{slug}/seating[?room=<id>] (organizer or staff) → {rostrum, rostrums, hall, tables}: the rostrum of
 * the whole forum (or of the room asked for), every rostrum plan, the hall (null when not set up) and the banquet tables.
 */
export const GET = eventRoute("seating.read", { params: slugParams, query: z.object({ room: z.uuid().optional() }) }, async ({ db, event, query, locale }) => {
  const s = await seatingOf(db, event.id);
  const main = s.rostrums.find((p) => p.roomId === (query.room ?? null) && p.sessionId === null) ?? null;
  return { rostrum: rostrumJson(main), rostrums: s.rostrums.map(rostrumJson), hall: hallJson(s.hall, locale), tables: tablesJson(s.dining) };
});
