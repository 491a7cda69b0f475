/** GET …/delegations/arrivals/print[?window=120][&format=pdf|xlsx] — the pickup schedule (接送站). */
import { listResponse } from "@/lib/delegations/list-route";
import { travelTable } from "@/lib/delegations/lists";
import { travelWindow } from "@/lib/delegations/travel";
import { travellers } from "@/lib/delegations/travel-queries";

export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  return listResponse(req, slug, "arrivals", async ({ db, ev, url, locale, t, title, generated }) => {
    return travelTable(await travellers(db, ev.id, locale), t, locale, ev.timezone, title, generated, travelWindow(url.searchParams.get("window")));
  });
}
