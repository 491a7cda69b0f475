import { DomainError } from "@/lib/actions/result";
import { requireActor, requirePermission } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { BodyError } from "@/lib/http/body-limit";
import { errorResponse } from "@/lib/http/domain-errors";
import { json } from "@/lib/http/responses";
import { attachUpload } from "@/lib/reports/commands";
import { reportRefBySlug } from "@/lib/reports/queries";
import { uploadMeta } from "@/lib/reports/validation";
import { checkDeclaredSize, readLimited, UploadError } from "@/lib/storage/upload";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/reports/{slug}/media?role=photo|attachment&caption=…&credit=…&section=N — the body is the file itself
 * (any Content-Type; the type is decided by its bytes), its name in X-Filename (URI-encoded).
 * Guard: signed in → which forum? → report.write on it. Then the size is refused from Content-Length before a byte is
 * read, and again while streaming (chunked bodies); never more than the limit is held in memory.
 * Cross-site forms cannot send the custom X-Huiwu-Upload header (CORS preflight), so it also stops CSRF.
 */
export async function POST(req: Request, ctx: RouteContext<"/api/v1/reports/[slug]/media">) {
  try {
    await requireActor();
    const { slug } = await ctx.params;
    const db = await getDb();
    const target = await reportRefBySlug(db, slug);
    const actor = await requirePermission("report.write", { eventId: target?.eventId ?? "00000000-0000-0000-0000-000000000000" });
    if (!target) throw new DomainError("not_found", "errors.reportNotFound");
    if (req.headers.get("x-huiwu-upload") !== "1") throw new BodyError(400, "errors.uploadHeader");
    const length = req.headers.get("content-length");
    checkDeclaredSize(length ? Number(length) : null);
    const q = new URL(req.url).searchParams;
    const meta = uploadMeta.safeParse({ role: q.get("role"), caption: q.get("caption"), credit: q.get("credit"), sectionOrder: q.get("section") || null });
    if (!meta.success) throw new DomainError("invalid", "errors.uploadRole");
    const bytes = await readLimited(req.body);
    let filename: string | null = null;
    try {
      filename = decodeURIComponent(req.headers.get("x-filename") ?? "");
    } catch {
      filename = null;
    }
    const r = await attachUpload(db, actor, { eventId: target.eventId, reportId: target.id, bytes, filename, ...meta.data });
    return json({ ...r, url: `/media/${r.key}` }, 201);
  } catch (e) {
    return errorResponse(e, "POST /api/v1/reports/[slug]/media", e instanceof UploadError ? { extra: { reason: e.reason } } : {});
  }
}
