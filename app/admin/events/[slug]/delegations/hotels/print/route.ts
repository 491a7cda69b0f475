/** GET …/delegations/hotels/print[?format=pdf|xlsx] — the room list per hotel (住宿安排). */
import { eventRoute } from "@/lib/actions/route";
import { DOCS_READ } from "@/lib/delegations/docs-permissions";
import { roomList } from "@/lib/delegations/hotels";
import { listResponse } from "@/lib/delegations/list-route";
import { roomsTable } from "@/lib/delegations/lists";
import { slugParams } from "@/lib/http/params";

export const dynamic = "force-dynamic";

export const GET = eventRoute(DOCS_READ, { params: slugParams }, (route) =>
  listResponse(route, "rooms", async ({ db, ev, locale, t, title, generated }) => roomsTable(await roomList(db, ev.id, locale), t, title, generated)),
);
