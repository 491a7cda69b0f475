// Guard: userRoute("registration.own", …) (lib/actions/route.ts): only one's own registration is cancelled; someone else's id is a 404 (cancelRegistration checks ownership).
import { z } from "zod";
import { userRoute } from "@/lib/actions/route";
import { signInRequiredInCallersLanguage } from "@/lib/registrations/api";
import { cancelRegistration } from "@/lib/registrations/commands";

export const dynamic = "force-dynamic";

/** DELETE /api/v1/registrations/{id}: cancel one's OWN registration (someone else's id → 404); the next waitlisted moves up. */
export const DELETE = userRoute(
  "registration.own",
  { params: z.object({ id: z.string().min(1).max(64) }), failure: signInRequiredInCallersLanguage },
  async ({ db, actor, params, locale }) => {
    const r = await cancelRegistration(db, actor, { registrationId: params.id, locale });
    return { id: r.id, status: r.status, promoted: r.promoted };
  },
);
