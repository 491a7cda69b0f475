// Guard: userRoute("profile.edit", …): a signed-in user revokes only their own tokens (others' → 404).
import { z } from "zod";
import { userRoute } from "@/lib/actions/route";
import { revokeToken } from "@/lib/auth/tokens";

export const dynamic = "force-dynamic";

/** DELETE /api/v1/auth/tokens/{id}: revoke one of the caller's own tokens (404 for anyone else's). */
export const DELETE = userRoute("profile.edit", { params: z.object({ id: z.string().min(1).max(64) }) }, async ({ db, actor, params }) => {
  await revokeToken(db, actor, params.id);
  return { revoked: true };
});
