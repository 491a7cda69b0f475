import { createTranslator } from "next-intl";
import { buildCalendar } from "@/lib/calendar/ics";
import { getDb } from "@/lib/db";
import { publicEventDetail } from "@/lib/events/queries";
import { internalError, jsonError } from "@/lib/http/responses";
import { pick } from "@/lib/i18n/format";
import { messagesFor } from "@/lib/i18n/messages";
import { apiLocale } from "@/lib/registrations/api";
import { sessionToIcs } from "@/lib/registrations/personal-agenda";

export const dynamic = "force-dynamic";

/** GET /api/v1/events/{slug}/agenda.ics: the whole public agenda as iCalendar, one VEVENT per session. */
export async function GET(_req: Request, ctx: RouteContext<"/api/v1/events/[slug]/agenda.ics">) {
  const { slug } = await ctx.params;
  try {
    const event = await publicEventDetail(await getDb(), slug);
    if (!event) return jsonError(404, `No published forum with slug "${slug}".`);
    const locale = await apiLocale();
    const t = createTranslator({ locale, messages: messagesFor(locale), namespace: "shared" });
    const body = buildCalendar({
      name: pick(locale, event.title, event.titleEn),
      events: event.sessions.map((s) => sessionToIcs(s, event, locale, t(`sessionKind.${s.kind}`))),
    });
    return new Response(body, {
      headers: { "content-type": "text/calendar; charset=utf-8", "content-disposition": `attachment; filename="${event.slug}.ics"`, "cache-control": "public, max-age=300" },
    });
  } catch (e) {
    return internalError(e, "GET /api/v1/events/[slug]/agenda.ics");
  }
}
