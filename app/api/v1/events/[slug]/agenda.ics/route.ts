import { createTranslator } from "next-intl";
import { publicRoute } from "@/lib/actions/route";
import { DomainError } from "@/lib/actions/result";
import { buildCalendar } from "@/lib/calendar/ics";
import { publicEventDetail } from "@/lib/events/queries";
import { slugParams } from "@/lib/http/params";
import { pick } from "@/lib/i18n/format";
import { messagesFor } from "@/lib/i18n/messages";
import { sessionToIcs } from "@/lib/registrations/personal-agenda";

export const dynamic = "force-dynamic";

/** GET /api/v1/events/{slug}/agenda.ics: the whole public agenda as iCalendar, one VEVENT per session. */
export const GET = publicRoute("a published forum's public agenda", { params: slugParams }, async ({ db, params, locale }) => {
  const event = await publicEventDetail(db, params.slug);
  if (!event) throw new DomainError("not_found", "errors.noPublishedForum", { params: { slug: params.slug } });
  const t = createTranslator({ locale, messages: messagesFor(locale), namespace: "shared" });
  const body = buildCalendar({
    name: pick(locale, event.title, event.titleEn),
    events: event.sessions.map((s) => sessionToIcs(s, event, locale, t(`sessionKind.${s.kind}`))),
  });
  return new Response(body, {
    headers: { "content-type": "text/calendar; charset=utf-8", "content-disposition": `attachment; filename="${event.slug}.ics"`, "cache-control": "public, max-age=300" },
  });
});
