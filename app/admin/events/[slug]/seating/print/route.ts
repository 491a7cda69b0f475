/**
 * GET …/seating/print?doc=rostrum_map|hall_map|table_cards|dining_lists&paper=a3|a4&lang=zh-CN|en&position=1
 * &view=audience|rostrum[&format=pdf][&preview=1] — print HTML or PDF of a seating printable (organizer or staff).
 * Printing (not previewing) records it, so the console can flag later changes.
 */
import { eventRoute } from "@/lib/actions/route";
import { printResponse } from "@/lib/console/print-route";
import { slugParams } from "@/lib/http/params";
import { isLocale } from "@/lib/i18n/config";
import { PRINT_KINDS, seatingPrintHtml } from "@/lib/seating/prints";

export const dynamic = "force-dynamic";

export const GET = eventRoute("seating.read", { params: slugParams }, async ({ db, req, event, locale: requestLocale }) => {
  const url = new URL(req.url);
  const doc = url.searchParams.get("doc");
  const kind = (PRINT_KINDS as readonly string[]).includes(doc ?? "") ? (doc as (typeof PRINT_KINDS)[number]) : "rostrum_map";
  const lang = url.searchParams.get("lang");
  const html = await seatingPrintHtml(db, event, {
    kind,
    paper: url.searchParams.get("paper") === "a4" ? "a4" : "a3",
    locale: isLocale(lang) ? lang : requestLocale,
    position: url.searchParams.get("position") !== "0",
    view: url.searchParams.get("view") === "rostrum" ? "rostrum" : "audience",
    mark: url.searchParams.get("preview") !== "1",
  });
  return printResponse(req, `${event.slug}-${kind.replace("_", "-")}`, html);
});
