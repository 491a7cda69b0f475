/** Download responses of the delegation documents (DOCX, XLSX): attachment, never cached. */
import "server-only";

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function download(body: BodyInit, type: string, filename: string): Response {
  return new Response(body, { headers: { "content-type": type, "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" } });
}
