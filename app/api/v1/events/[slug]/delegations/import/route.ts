// Guard: eventRoute("registration.manage", …): the caller is checked before the upload body is read.
import { eventRoute } from "@/lib/actions/route";
import { DomainError } from "@/lib/actions/result";
import { bulkCreateDelegations } from "@/lib/delegations/commands";
import { INVITE_MAX_BYTES, parseInviteFile } from "@/lib/delegations/import";
import { slugParams } from "@/lib/http/params";
import { readUploadBody, UploadError, uploadFailure } from "@/lib/storage/upload";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/events/{slug}/delegations/import — bulk invitations from a file: the body is the CSV or XLSX file
 * itself (sent with X-Huiwu-Upload: 1). Every row is validated on its own; valid rows become invited units.
 * → {created, failed, errors: [{row, error}]}. A pasted list goes through bulkInviteAction instead.
 * A file upload, so a route and not a server action (issue 12 item 7): the guard runs before a byte is read, the
 * size limit (INVITE_MAX_BYTES) is enforced while streaming.
 */
export const POST = eventRoute("registration.manage", { params: slugParams, failure: uploadFailure }, async ({ db, actor, req, event, locale }) => {
  const bytes = new Uint8Array(await readUploadBody(req, INVITE_MAX_BYTES));
  const rows = await parseInviteFile(bytes, locale).catch((e: unknown) => {
    if (e instanceof DomainError) throw e;
    throw new UploadError("corrupt", "errors.upload.spreadsheetUnreadable"); // a damaged XLSX: exceljs throws
  });
  const res = await bulkCreateDelegations(db, actor, { eventId: event.id, rows, locale });
  return { created: res.created, failed: res.failed, errors: res.results.filter((r) => !r.ok).map((r) => ({ row: r.row, error: (r as { error: string }).error })) };
});
