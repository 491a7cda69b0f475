import { z } from "zod";
import { eventRoute } from "@/lib/actions/route";
import { slugParams } from "@/lib/http/params";
import { locales } from "@/lib/i18n/config";
import { pdfResponse } from "@/lib/printables/pdf";
import { seatingPrintHtml } from "@/lib/seating/prints";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/events/{slug}/seating/table-cards.pdf[?lang=zh-CN|en&position=1] (organizer or staff) → application/pdf:
 * one folded A4 tent card per person on a rostrum, most senior first.
 */
export const GET = eventRoute(
  "seating.read",
  { params: slugParams, query: z.object({ lang: z.enum(locales).optional(), position: z.enum(["0", "1"]).optional() }) },
  async ({ db, event, query, locale }) => {
    const html = await seatingPrintHtml(db, event, { kind: "table_cards", paper: "a4", locale: query.lang ?? locale, position: query.position !== "0", mark: true });
    return pdfResponse(html, { disposition: `attachment; filename="${event.slug}-table-cards.pdf"`, locale });
  },
);
