/** GET …/delegations/roster/print[?format=pdf|xlsx] — the roster (参会名单): units in the organizer's order, protocol rank within. */
import { eventRoute } from "@/lib/actions/route";
import { DOCS_READ } from "@/lib/delegations/docs-permissions";
import { listResponse } from "@/lib/delegations/list-route";
import { rosterTable } from "@/lib/delegations/lists";
import { rosterOf } from "@/lib/delegations/roster";
import { slugParams } from "@/lib/http/params";

export const dynamic = "force-dynamic";

export const GET = eventRoute(DOCS_READ, { params: slugParams }, (route) =>
  listResponse(route, "roster", async ({ db, ev, t, title, generated }) => rosterTable(await rosterOf(db, ev.id), t, title, generated)),
);
