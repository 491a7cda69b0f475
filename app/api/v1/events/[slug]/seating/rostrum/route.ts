import { eventRoute } from "@/lib/actions/route";
import { slugParams } from "@/lib/http/params";
import { rostrumJson } from "@/lib/seating/api";
import { setRostrum } from "@/lib/seating/commands";
import { rostrumSchema } from "@/lib/seating/validation";

export const dynamic = "force-dynamic";

/**
 * PUT /api/v1/events/{slug}/seating/rostrum (organizer) {room?, session?, convention, rows:[{people:[id…]}]} — ids are
 * speakers' person ids or registration ids in rank order (first = most senior) → 200 {convention, rows:[{row,
 * seats:[{seat, id, name, rank}]}]} with seat 1 the leftmost as seen from the audience; 422 unknown or duplicate id.
 */
export const PUT = eventRoute("seating.manage", { params: slugParams, body: rostrumSchema }, async ({ db, actor, event, body }) =>
  rostrumJson(await setRostrum(db, actor, { ...body, eventId: event.id })),
);
