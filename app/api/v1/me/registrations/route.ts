import { requirePermission } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { json } from "@/lib/http/responses";
import { apiFailure, apiLocale } from "@/lib/registrations/api";
import { myRegistrations, registrationJson } from "@/lib/registrations/queries";

export const dynamic = "force-dynamic";

/** GET /api/v1/me/registrations: the caller's own registrations with status and waitlist position. */
export async function GET() {
  const locale = await apiLocale();
  try {
    const actor = await requirePermission("registration.own");
    const rows = await myRegistrations(await getDb(), actor.id);
    return json({ registrations: rows.map(registrationJson) });
  } catch (e) {
    return apiFailure(e, "GET /api/v1/me/registrations", locale);
  }
}
