import { z } from "zod";
import { publicRoute } from "@/lib/actions/route";
import { DomainError } from "@/lib/actions/result";
import { buildCalendar } from "@/lib/calendar/ics";
import { isLocale } from "@/lib/i18n/config";
import { feedForToken, sessionToIcs } from "@/lib/registrations/personal-agenda";
import { registrationT } from "@/lib/registrations/i18n";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/calendar/{token}.ics: a person's agenda feed (marked sessions + joined site visits). The token is the
 * secret (calendar apps cannot sign in); an unknown token is a plain 404.
 */
export const GET = publicRoute(
  "calendar apps cannot sign in: the token in the URL is the secret",
  { params: z.object({ file: z.string().max(200) }), where: "GET /api/v1/calendar/[file]" },
  async ({ db, params }) => {
    const feed = await feedForToken(db, params.file.replace(/\.ics$/, ""));
    if (!feed) throw new DomainError("not_found", "errors.calendarUnknown");
    const locale = isLocale(feed.locale) ? feed.locale : "zh-CN";
    const body = buildCalendar({ name: registrationT(locale)("myAgenda.title"), events: feed.items.map((i) => sessionToIcs(i.session, i.forum, locale)) });
    return new Response(body, {
      headers: { "content-type": "text/calendar; charset=utf-8", "content-disposition": 'attachment; filename="my-agenda.ics"', "cache-control": "private, no-store" },
    });
  },
);
