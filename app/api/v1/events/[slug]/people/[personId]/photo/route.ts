// Guard: eventRoute("agenda.edit", …) on the forum of the slug, checked before the upload body is read; the command
// then checks the person speaks at that forum and that the caller edits every other forum they speak at.
import { z } from "zod";
import { eventRoute } from "@/lib/actions/route";
import { slugParam, uuidParam } from "@/lib/http/params";
import { removePersonPhoto, setPersonPhoto } from "@/lib/people/commands";
import { readUploadBody, uploadFailure } from "@/lib/storage/upload";
import { MAX_IMAGE_BYTES } from "@/lib/storage/limits";

export const dynamic = "force-dynamic";

const params = z.object({ slug: slugParam, personId: uuidParam });

function filenameOf(req: Request): string | null {
  try {
    return decodeURIComponent(req.headers.get("x-filename") ?? "") || null;
  } catch {
    return null;
  }
}

/**
 * POST /api/v1/events/{slug}/people/{personId}/photo — a speaker's photo: the body is the image itself (JPEG, PNG or
 * WebP, decided by its bytes; X-Huiwu-Upload: 1; name in X-Filename, URI-encoded). Re-encoded like report photos
 * (metadata stripped, phone/desktop variants); replaces the previous one. → 201 {key, url, mime, width, height}.
 */
export const POST = eventRoute("agenda.edit", { params, status: 201, failure: uploadFailure }, async ({ db, actor, req, params, event }) => {
  const bytes = await readUploadBody(req, MAX_IMAGE_BYTES);
  return setPersonPhoto(db, actor, { eventId: event.id, personId: params.personId, bytes, filename: filenameOf(req) });
});

/** DELETE …/photo — remove the speaker's photo (and its stored bytes). → {removed}. */
export const DELETE = eventRoute("agenda.edit", { params }, async ({ db, actor, params, event }) => removePersonPhoto(db, actor, { eventId: event.id, personId: params.personId }));
