import { DomainError, HTTP_STATUS } from "@/lib/actions/result";
import { requireActor, requirePermission } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { internalError, json, jsonError } from "@/lib/http/responses";
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
    if (!target) return jsonError(404, "No such report.");
    if (req.headers.get("x-huiwu-upload") !== "1") return jsonError(400, "Uploads must send the X-Huiwu-Upload: 1 header.");
    const length = req.headers.get("content-length");
    checkDeclaredSize(length ? Number(length) : null);
    const q = new URL(req.url).searchParams;
    const meta = uploadMeta.safeParse({ role: q.get("role"), caption: q.get("caption"), credit: q.get("credit"), sectionOrder: q.get("section") || null });
    if (!meta.success) return jsonError(422, "role must be photo or attachment.");
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
    if (e instanceof UploadError) return jsonError(e.status, e.message, { reason: e.reason });
    if (e instanceof DomainError) return jsonError(HTTP_STATUS[e.code], e.message, e.fieldErrors ? { fieldErrors: e.fieldErrors } : undefined);
    return internalError(e, "POST /api/v1/reports/[slug]/media");
  }
}
