import { eventRoute } from "@/lib/actions/route";
import { rosterJson } from "@/lib/delegations/api";
import { rosterOf } from "@/lib/delegations/roster";
import { slugParams } from "@/lib/http/params";

export const dynamic = "force-dynamic";

/** GET /api/v1/events/{slug}/roster (organizer or staff): units in the organizer's order, delegates by rank. */
export const GET = eventRoute("registration.read", { params: slugParams }, async ({ db, event }) => rosterJson(await rosterOf(db, event.id)));
