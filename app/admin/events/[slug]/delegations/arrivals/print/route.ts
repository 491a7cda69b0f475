/** GET …/delegations/arrivals/print[?window=120][&format=pdf|xlsx] — the pickup schedule (接送站). */
import { eventRoute } from "@/lib/actions/route";
import { DOCS_READ } from "@/lib/delegations/docs-permissions";
import { listResponse } from "@/lib/delegations/list-route";
import { travelTable } from "@/lib/delegations/lists";
import { travelWindow } from "@/lib/delegations/travel";
import { travellers } from "@/lib/delegations/travel-queries";
import { slugParams } from "@/lib/http/params";

export const dynamic = "force-dynamic";

export const GET = eventRoute(DOCS_READ, { params: slugParams }, (route) =>
  listResponse(route, "arrivals", async ({ db, ev, url, locale, t, title, generated }) =>
    travelTable(await travellers(db, ev.id, locale), t, locale, ev.timezone, title, generated, travelWindow(url.searchParams.get("window"))),
  ),
);
