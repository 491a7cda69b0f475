// Guard: eventRoute("report.write", …) on the report's forum (scope), checked before the upload body is read.
import { z } from "zod";
import { eventRoute } from "@/lib/actions/route";
import { DomainError } from "@/lib/actions/result";
import { slugParams } from "@/lib/http/params";
import { attachUpload } from "@/lib/reports/commands";
import { reportRefBySlug } from "@/lib/reports/queries";
import { uploadMeta } from "@/lib/reports/validation";
import { readUploadBody, uploadFailure } from "@/lib/storage/upload";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/reports/{slug}/media?role=photo|attachment&caption=…&credit=…&section=N — the body is the file itself
 * (any Content-Type; the type is decided by its bytes), its name in X-Filename (URI-encoded).
 * Guard: signed in → which forum (the report's) → report.write on it. Then the size is refused from Content-Length
 * before a byte is read, and again while streaming (chunked bodies); never more than the limit is held in memory.
 * Cross-site forms cannot send the custom X-Huiwu-Upload header (CORS preflight), so it also stops CSRF.
 */
export const POST = eventRoute(
  "report.write",
  {
    params: slugParams,
    query: z.object({ role: z.string().max(40).optional(), caption: z.string().max(2000).optional(), credit: z.string().max(500).optional(), section: z.string().max(10).optional() }),
    scope: async (db, { params }) => (await reportRefBySlug(db, params.slug))?.eventId ?? null,
    status: 201,
    failure: uploadFailure,
  },
  async ({ db, actor, req, params, query }) => {
    const target = await reportRefBySlug(db, params.slug);
    if (!target) throw new DomainError("not_found", "errors.reportNotFound");
    const meta = uploadMeta.safeParse({ role: query.role ?? null, caption: query.caption ?? null, credit: query.credit ?? null, sectionOrder: query.section || null });
    if (!meta.success) throw new DomainError("invalid", "errors.uploadRole", { fieldErrors: { role: ["errors.uploadRole"] } });
    const bytes = await readUploadBody(req);
    let filename: string | null = null;
    try {
      filename = decodeURIComponent(req.headers.get("x-filename") ?? "");
    } catch {
      filename = null;
    }
    const r = await attachUpload(db, actor, { eventId: target.eventId, reportId: target.id, bytes, filename, ...meta.data });
    return { ...r, url: `/media/${r.key}` };
  },
);
