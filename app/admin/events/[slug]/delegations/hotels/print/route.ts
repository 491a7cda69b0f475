/** GET …/delegations/hotels/print[?format=pdf|xlsx] — the room list per hotel (住宿安排). */
import { roomList } from "@/lib/delegations/hotels";
import { listResponse } from "@/lib/delegations/list-route";
import { roomsTable } from "@/lib/delegations/lists";

export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  return listResponse(req, slug, "rooms", async ({ db, ev, locale, t, title, generated }) => roomsTable(await roomList(db, ev.id, locale), t, title, generated));
}
