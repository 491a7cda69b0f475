/**
 * GET …/delegations/notice/print?unit=generic|all|<delegationId>[&format=pdf|docx] — the notice (会议通知): the
 * generic copy, every unit's copy (one per unit, each on new pages), or one unit's, as print HTML, PDF or DOCX.
 */
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { printResponse } from "@/lib/console/print-route";
import { DOCS_READ } from "@/lib/delegations/docs-permissions";
import { download, DOCX_TYPE } from "@/lib/delegations/downloads";
import { docsT } from "@/lib/delegations/docs-i18n";
import { noticeCopies, publicOrigin } from "@/lib/delegations/notice";
import { noticeDocx } from "@/lib/delegations/notice-docx";
import type { Locale } from "@/lib/i18n/config";
import { jsonError } from "@/lib/http/responses";
import { renderNoticeHtml } from "@/lib/printables/notice";

export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  return printResponse(req, slug, DOCS_READ, `${slug}-notice`, async (db, ev, url) => {
    const locale = (await getLocale()) as Locale;
    const t = docsT(locale);
    const unit = url.searchParams.get("unit") ?? "generic";
    const which = unit === "generic" || unit === "all" ? unit : z.uuid().safeParse(unit).success ? { delegationId: unit } : null;
    const copies = which ? await noticeCopies(db, ev.id, locale, publicOrigin(req.url), which) : null;
    if (!copies?.length) return jsonError(404, "No such unit.");
    if (url.searchParams.get("format") === "docx") {
      const buf = await noticeDocx(
        copies.map((c) => ({ notice: c.notice, replyLink: c.replyLink, labels: { attachmentQr: t("notice.attachmentQr") } })),
        { title: copies[0]?.notice.title ?? t("notice.title"), creator: "Huiwu" },
      );
      return download(new Uint8Array(buf), DOCX_TYPE, `${slug}-notice${typeof which === "object" ? `-${unit.slice(0, 8)}` : unit === "all" ? "-all" : ""}.docx`);
    }
    return renderNoticeHtml(copies, { lang: locale, title: copies[0]?.notice.title ?? t("notice.title"), attachmentQr: t("notice.attachmentQr") });
  });
}
