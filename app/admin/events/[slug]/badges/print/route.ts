/** GET …/badges/print?size=a4|single&category=&include=confirmed|active[&format=pdf] — print HTML or PDF of badges. */
import { getLocale } from "next-intl/server";
import { printResponse } from "@/lib/console/print-route";
import type { Locale } from "@/lib/i18n/config";
import { badgeData, renderBadgesHtml, type BadgeSize } from "@/lib/printables/badges";
import { DELEGATE_CATEGORIES, isOneOf } from "@/lib/shared/enums";

export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  return printResponse(req, slug, "registration.read", `${slug}-badges`, async (db, ev, url) => {
    const size: BadgeSize = url.searchParams.get("size") === "single" ? "single" : "a4";
    const cat = url.searchParams.get("category");
    const category = isOneOf(DELEGATE_CATEGORIES, cat) ? cat : undefined;
    const include = url.searchParams.get("include") === "active" ? "active" : "confirmed";
    const data = await badgeData(db, ev.id, { size, category, include });
    return renderBadgesHtml(data, size, (await getLocale()) as Locale);
  });
}
