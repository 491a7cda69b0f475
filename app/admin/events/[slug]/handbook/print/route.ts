/** GET …/handbook/print[?format=pdf] — the conference handbook as print HTML or PDF. */
import { eventRoute } from "@/lib/actions/route";
import { printResponse } from "@/lib/console/print-route";
import { slugParams } from "@/lib/http/params";
import { handbookData, renderHandbookHtml } from "@/lib/printables/handbook";

export const dynamic = "force-dynamic";

export const GET = eventRoute("registration.read", { params: slugParams }, async ({ db, req, event, locale }) =>
  printResponse(req, `${event.slug}-handbook`, renderHandbookHtml((await handbookData(db, event.id))!, locale)),
);
