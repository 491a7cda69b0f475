// Guard: eventRoute("registration.manage", …): the caller is checked before the upload body is read.
import { z } from "zod";
import { eventRoute } from "@/lib/actions/route";
import { DomainError } from "@/lib/actions/result";
import { slugParams } from "@/lib/http/params";
import { IMPORT_MAX_BYTES, importGuests, previewGuestImport } from "@/lib/registrations/import";
import { readUploadBody, uploadFailure } from "@/lib/storage/upload";

export const dynamic = "force-dynamic";

const importQuery = z.object({
  mode: z.enum(["preview", "import"]).default("preview"),
  from: z.coerce.number().int().min(0).max(1_000_000).default(0),
  to: z.coerce.number().int().min(1).max(1_000_000).optional(),
});

/**
 * POST /api/v1/events/{slug}/registrations/import?mode=preview|import&from=&to= — the body is the CSV file itself
 * (any encoding lib/registrations/csv.ts reads), sent with X-Huiwu-Upload: 1.
 *   mode=preview (default): parse and validate the whole file, count what exists; writes nothing.
 *   mode=import: import rows [from, to) (the console sends ~10 chunks to show progress).
 * A file upload, so a route and not a server action (issue 12 item 7): the guard runs before a byte is read, the
 * size limit (IMPORT_MAX_BYTES) is enforced while streaming.
 */
export const POST = eventRoute("registration.manage", { params: slugParams, query: importQuery, failure: uploadFailure }, async ({ db, actor, req, event, query, locale }) => {
  const bytes = new Uint8Array(await readUploadBody(req, IMPORT_MAX_BYTES));
  if (query.mode === "preview") return previewGuestImport(db, event.id, bytes, locale);
  if (query.to !== undefined && query.to <= query.from) throw new DomainError("invalid", "errors.emptyRange");
  return importGuests(db, actor, { eventId: event.id, bytes, from: query.from, to: query.to, locale });
});
