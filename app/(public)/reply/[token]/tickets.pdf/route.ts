import { z } from "zod";
import { publicRoute } from "@/lib/actions/route";
import { replyView } from "@/lib/delegations/queries";
import { tokenParam } from "@/lib/http/params";
import { renderBadgesHtml } from "@/lib/printables/badges";
import { pdfResponse } from "@/lib/printables/pdf";

export const dynamic = "force-dynamic";

/** GET /reply/{token}/tickets.pdf: all the unit's confirmed tickets, one per page (the badge renderer, single size). */
export const GET = publicRoute("the secret reply token (≥128 bits) is the credential", { params: z.object({ token: tokenParam }), where: "GET /reply/…/tickets.pdf" }, async ({ db, params, locale }) => {
  const v = await replyView(db, params.token, locale);
  const people = v.delegates
    .filter((d) => d.status === "confirmed")
    .map((d) => ({ name: d.name, organization: v.organization, position: d.position, category: "government" as const, ticketCode: d.ticketCode }));
  const html = await renderBadgesHtml({ event: { title: v.event.title, titleEn: v.event.titleEn }, people }, "single", locale);
  return pdfResponse(html, {
    disposition: `attachment; filename="tickets.pdf"; filename*=UTF-8''${encodeURIComponent(`${v.organization}-参会凭证.pdf`)}`,
    cacheControl: "private, no-store",
    locale,
  });
});
