import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/actions/result";
import { errorResponse } from "@/lib/http/domain-errors";
import { json } from "@/lib/http/responses";
import { publicReportDetail } from "@/lib/reports/queries";
import { reportJson } from "@/lib/reports/serialize";

export const dynamic = "force-dynamic";

/** GET /api/v1/reports/{slug}: a published report; section bodies as sanitized HTML. */
export async function GET(_req: Request, ctx: RouteContext<"/api/v1/reports/[slug]">) {
  const { slug } = await ctx.params;
  try {
    const r = await publicReportDetail(await getDb(), slug);
    if (!r) throw new DomainError("not_found", "errors.noPublishedReport", { params: { slug } });
    return json(reportJson(r));
  } catch (e) {
    return errorResponse(e, "GET /api/v1/reports/[slug]");
  }
}
