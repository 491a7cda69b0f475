/** The print routes' answer: the HTML as is, or as a PDF with ?format=pdf (the guard is the route family's). */
import "server-only";
import { requestLocale } from "@/lib/i18n/request";
import { pdfResponse } from "@/lib/printables/pdf";

/** Printables are framed by the console's print preview (same origin) and run no script at all. */
const PRINT_CSP = "default-src 'self'; img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'none'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

export async function printResponse(req: Request, filename: string, html: string): Promise<Response> {
  if (new URL(req.url).searchParams.get("format") === "pdf") return pdfResponse(html, { disposition: `attachment; filename="${filename}.pdf"`, locale: await requestLocale() });
  return new Response(html, { headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "x-frame-options": "SAMEORIGIN", "content-security-policy": PRINT_CSP } });
}
