/**
 * GET …/seating/print?doc=rostrum_map|hall_map|table_cards|dining_lists&paper=a3|a4&lang=zh-CN|en&position=1
 * &view=audience|rostrum[&format=pdf][&preview=1] — print HTML or PDF of a seating printable (organizer or staff).
 * Printing (not previewing) records it, so the console can flag later changes.
 */
import { getLocale } from "next-intl/server";
import { printResponse } from "@/lib/console/print-route";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { PRINT_KINDS, seatingPrintHtml } from "@/lib/seating/prints";

export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  const doc = new URL(req.url).searchParams.get("doc");
  const kind = (PRINT_KINDS as readonly string[]).includes(doc ?? "") ? (doc as (typeof PRINT_KINDS)[number]) : "rostrum_map";
  return printResponse(req, slug, "seating.read", `${slug}-${kind.replace("_", "-")}`, async (db, ev, url) => {
    const lang = url.searchParams.get("lang");
    const locale = isLocale(lang) ? lang : ((await getLocale()) as Locale);
    return seatingPrintHtml(db, ev, {
      kind,
      paper: url.searchParams.get("paper") === "a4" ? "a4" : "a3",
      locale,
      position: url.searchParams.get("position") !== "0",
      view: url.searchParams.get("view") === "rostrum" ? "rostrum" : "audience",
      mark: url.searchParams.get("preview") !== "1",
    });
  });
}
