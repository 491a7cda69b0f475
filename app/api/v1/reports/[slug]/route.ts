import { publicRoute } from "@/lib/actions/route";
import { DomainError } from "@/lib/actions/result";
import { slugParams } from "@/lib/http/params";
import { publicReportDetail } from "@/lib/reports/queries";
import { reportJson } from "@/lib/reports/serialize";

export const dynamic = "force-dynamic";

/** GET /api/v1/reports/{slug}: a published report; section bodies as sanitized HTML. */
export const GET = publicRoute("the public read API: published reports only", { params: slugParams }, async ({ db, params }) => {
  const r = await publicReportDetail(db, params.slug);
  if (!r) throw new DomainError("not_found", "errors.noPublishedReport", { params: { slug: params.slug } });
  return reportJson(r);
});
