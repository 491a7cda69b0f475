import { profileOf } from "@/lib/accounts/queries";
import { requireActor } from "@/lib/auth/guard";
import { tokensOf } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http/domain-errors";
import { json } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

/** GET /api/v1/me: who the bearer token / session cookie stands for, and their API tokens (never the secrets). */
export async function GET() {
  try {
    const actor = await requireActor();
    const db = await getDb();
    const [p, tokens] = await Promise.all([profileOf(db, actor.id), tokensOf(db, actor.id)]);
    return json({
      user: p && { id: p.id, email: p.email, name: p.name, organization: p.organization, position: p.position, phone: p.phone, locale: p.locale, siteRole: p.siteRole },
      tokens: tokens.map((t) => ({ ...t, createdAt: t.createdAt.toISOString(), lastUsedAt: t.lastUsedAt?.toISOString() ?? null, expiresAt: t.expiresAt.toISOString(), revokedAt: t.revokedAt?.toISOString() ?? null })),
    });
  } catch (e) {
    return errorResponse(e, "GET /api/v1/me");
  }
}
