/**
 * GET …/delegations/notice/print?unit=generic|all|<delegationId>[&format=pdf|docx] — the notice (会议通知): the
 * generic copy, every unit's copy (one per unit, each on new pages), or one unit's, as print HTML, PDF or DOCX.
 */
import { z } from "zod";
import { eventRoute } from "@/lib/actions/route";
import { DomainError } from "@/lib/actions/result";
import { printResponse } from "@/lib/console/print-route";
import { DOCS_READ } from "@/lib/delegations/docs-permissions";
import { download, DOCX_TYPE } from "@/lib/delegations/downloads";
import { docsT } from "@/lib/delegations/docs-i18n";
import { noticeCopies } from "@/lib/delegations/notice";
import { originOf } from "@/lib/http/origin";
import { noticeDocx } from "@/lib/delegations/notice-docx";
import { slugParams } from "@/lib/http/params";
import { renderNoticeHtml } from "@/lib/printables/notice";

export const dynamic = "force-dynamic";

const query = z.object({ unit: z.union([z.enum(["generic", "all"]), z.uuid()]).default("generic"), format: z.string().optional() });

export const GET = eventRoute(DOCS_READ, { params: slugParams, query }, async ({ db, req, event, locale, query }) => {
  const t = docsT(locale);
  const which = query.unit === "generic" || query.unit === "all" ? query.unit : { delegationId: query.unit };
  const copies = await noticeCopies(db, event.id, locale, originOf(req), which);
  if (!copies?.length) throw new DomainError("not_found", "delegations.errors.unitNotFound");
  if (query.format === "docx") {
    const buf = await noticeDocx(
      copies.map((c) => ({ notice: c.notice, replyLink: c.replyLink, labels: { attachmentQr: t("notice.attachmentQr") } })),
      { title: copies[0]?.notice.title ?? t("notice.title"), creator: "Huiwu" },
    );
    return download(new Uint8Array(buf), DOCX_TYPE, `${event.slug}-notice${typeof which === "object" ? `-${query.unit.slice(0, 8)}` : query.unit === "all" ? "-all" : ""}.docx`);
  }
  return printResponse(req, `${event.slug}-notice`, await renderNoticeHtml(copies, { lang: locale, title: copies[0]?.notice.title ?? t("notice.title"), attachmentQr: t("notice.attachmentQr") }));
});
