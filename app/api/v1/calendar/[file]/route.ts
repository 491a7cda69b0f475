import { buildCalendar } from "@/lib/calendar/ics";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/actions/result";
import { errorResponse } from "@/lib/http/domain-errors";
import { isLocale } from "@/lib/i18n/config";
import { feedForToken, sessionToIcs } from "@/lib/registrations/personal-agenda";
import { registrationT } from "@/lib/registrations/i18n";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/calendar/{token}.ics: a person's agenda feed (marked sessions + joined site visits). The token is the
 * secret (calendar apps cannot sign in); an unknown token is a plain 404.
 */
export async function GET(_req: Request, ctx: RouteContext<"/api/v1/calendar/[file]">) {
  const { file } = await ctx.params;
  try {
    const feed = await feedForToken(await getDb(), file.replace(/\.ics$/, ""));
    if (!feed) throw new DomainError("not_found", "errors.calendarUnknown");
    const locale = isLocale(feed.locale) ? feed.locale : "zh-CN";
    const body = buildCalendar({ name: registrationT(locale)("myAgenda.title"), events: feed.items.map((i) => sessionToIcs(i.session, i.forum, locale)) });
    return new Response(body, {
      headers: { "content-type": "text/calendar; charset=utf-8", "content-disposition": 'attachment; filename="my-agenda.ics"', "cache-control": "private, no-store" },
    });
  } catch (e) {
    return errorResponse(e, "GET /api/v1/calendar/[file]");
  }
}
