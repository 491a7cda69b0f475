/** GET …/badges/print?size=a4|single&category=&include=confirmed|active[&format=pdf] — print HTML or PDF of badges. */
import { eventRoute } from "@/lib/actions/route";
import { printResponse } from "@/lib/console/print-route";
import { slugParams } from "@/lib/http/params";
import { badgeData, renderBadgesHtml, type BadgeSize } from "@/lib/printables/badges";
import { DELEGATE_CATEGORIES, isOneOf } from "@/lib/shared/enums";

export const dynamic = "force-dynamic";

export const GET = eventRoute("registration.read", { params: slugParams }, async ({ db, req, event, locale }) => {
  const url = new URL(req.url);
  const size: BadgeSize = url.searchParams.get("size") === "single" ? "single" : "a4";
  const cat = url.searchParams.get("category");
  const category = isOneOf(DELEGATE_CATEGORIES, cat) ? cat : undefined;
  const include = url.searchParams.get("include") === "active" ? "active" : "confirmed";
  const data = await badgeData(db, event.id, { size, category, include });
  return printResponse(req, `${event.slug}-badges`, await renderBadgesHtml(data, size, locale));
});
