import { userRoute } from "@/lib/actions/route";
import { signInRequiredInCallersLanguage } from "@/lib/registrations/api";
import { myRegistrations, registrationJson } from "@/lib/registrations/queries";

export const dynamic = "force-dynamic";

/** GET /api/v1/me/registrations: the caller's own registrations with status and waitlist position. */
export const GET = userRoute("registration.own", { failure: signInRequiredInCallersLanguage }, async ({ db, actor }) => ({
  registrations: (await myRegistrations(db, actor.id)).map(registrationJson),
}));
