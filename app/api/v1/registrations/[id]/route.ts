import { requirePermission } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { json } from "@/lib/http/responses";
import { apiFailure, apiLocale } from "@/lib/registrations/api";
import { cancelRegistration } from "@/lib/registrations/commands";

export const dynamic = "force-dynamic";

/** DELETE /api/v1/registrations/{id}: cancel one's OWN registration (someone else's id → 404); the next waitlisted moves up. */
export async function DELETE(_req: Request, ctx: RouteContext<"/api/v1/registrations/[id]">) {
  const locale = await apiLocale();
  try {
    const actor = await requirePermission("registration.own");
    const { id } = await ctx.params;
    const r = await cancelRegistration(await getDb(), actor, { registrationId: id, locale });
    return json({ id: r.id, status: r.status, promoted: r.promoted });
  } catch (e) {
    return apiFailure(e, "DELETE /api/v1/registrations/[id]", locale);
  }
}
