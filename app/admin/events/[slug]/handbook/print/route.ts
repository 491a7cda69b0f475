/** GET …/handbook/print[?format=pdf] — the conference handbook as print HTML or PDF. */
import { getLocale } from "next-intl/server";
import { printResponse } from "@/lib/console/print-route";
import type { Locale } from "@/lib/i18n/config";
import { handbookData, renderHandbookHtml } from "@/lib/printables/handbook";

export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  return printResponse(req, slug, "registration.read", `${slug}-handbook`, async (db, ev) => renderHandbookHtml((await handbookData(db, ev.id))!, (await getLocale()) as Locale));
}
