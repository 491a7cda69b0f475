import { z } from "zod";
import { publicRoute } from "@/lib/actions/route";
import { can } from "@/lib/auth/guard";
import { getBlob, mediaByKey } from "@/lib/storage/queries";

export const dynamic = "force-dynamic";

const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * GET /media/{key}: a stored photo, variant or attachment. Keys are random and content never changes under a key,
 * so public files are cached for a year. Files of reports not (yet) public are served only to those who may write
 * reports of the forum, never cached by shared caches. A speaker's photo is public while the person speaks at a public
 * forum; otherwise only those who edit the agenda of a forum they speak at see it.
 */
export const GET = publicRoute("public files of published reports and public speakers; others checked below (report.write / agenda.edit)", { params: z.object({ key: z.string().max(200) }) }, async ({ db, actor, params }) => {
  const found = await mediaByKey(db, params.key);
  if (!found) return notFound();
  if (!found.isPublic) {
    let allowed = false;
    for (const r of found.readers) if (!allowed && (await can(actor, r.permission, { eventId: r.eventId }, db))) allowed = true;
    if (!allowed) return notFound();
  }
  const data = await getBlob(db, found.key);
  if (!data) return notFound();
  const headers = new Headers({
    "Content-Type": found.mime,
    "Content-Length": String(data.length),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": found.isPublic ? IMMUTABLE : "private, no-store",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cross-Origin-Resource-Policy": "same-origin",
    ETag: `"${found.media.sha256.slice(0, 32)}${found.key === found.media.storageKey ? "" : found.key.slice(22)}"`,
  });
  if (found.media.kind === "attachment") {
    const name = found.media.filename;
    const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
    headers.set("Content-Disposition", `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`);
  } else {
    headers.set("Content-Disposition", "inline");
  }
  return new Response(new Uint8Array(data), { status: 200, headers });
});

function notFound() {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" } });
}
