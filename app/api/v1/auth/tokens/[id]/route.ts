import { requirePermission } from "@/lib/auth/guard";
import { revokeToken } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http/domain-errors";
import { json } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

/** DELETE /api/v1/auth/tokens/{id}: revoke one of the caller's own tokens (404 for anyone else's). */
export async function DELETE(_req: Request, ctx: RouteContext<"/api/v1/auth/tokens/[id]">) {
  try {
    const actor = await requirePermission("profile.edit");
    const { id } = await ctx.params;
    await revokeToken(await getDb(), actor, id);
    return json({ revoked: true });
  } catch (e) {
    return errorResponse(e, "DELETE /api/v1/auth/tokens/[id]");
  }
}
