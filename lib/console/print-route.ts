/** Shared by the print routes: the forum by slug, the guard, and an HTML or PDF response. */
import "server-only";
import { DomainError, HTTP_STATUS } from "@/lib/actions/result";
import { requirePermission } from "@/lib/auth/guard";
import type { Actor, Permission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { internalError, jsonError } from "@/lib/http/responses";
import { htmlToPdf } from "@/lib/printables/pdf";
import { consoleEvent } from "@/lib/registrations/admin-queries";
import type { Db } from "@/db/client";

/** Printables are framed by the console's print preview (same origin) and run no script at all. */
const PRINT_CSP = "default-src 'self'; img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'none'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

type Ev = NonNullable<Awaited<ReturnType<typeof consoleEvent>>>;

export async function printResponse(
  req: Request,
  slug: string,
  permission: Permission,
  filename: string,
  render: (db: Db, ev: Ev, url: URL, actor: Actor) => Promise<string>,
): Promise<Response> {
  try {
    const db = await getDb();
    const ev = await consoleEvent(db, slug);
    const actor = await requirePermission(permission, { eventId: ev?.id ?? "00000000-0000-0000-0000-000000000000" });
    if (!ev) return jsonError(404, "No such forum.");
    const url = new URL(req.url);
    const html = await render(db, ev, url, actor);
    if (url.searchParams.get("format") === "pdf") {
      const pdf = await htmlToPdf(html);
      return new Response(new Uint8Array(pdf), {
        headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="${filename}.pdf"`, "cache-control": "no-store" },
      });
    }
    return new Response(html, { headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "x-frame-options": "SAMEORIGIN", "content-security-policy": PRINT_CSP } });
  } catch (e) {
    if (e instanceof DomainError) return jsonError(HTTP_STATUS[e.code], e.message);
    return internalError(e, `GET print ${filename}`);
  }
}
