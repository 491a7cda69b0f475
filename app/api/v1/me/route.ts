import { profileOf } from "@/lib/accounts/queries";
import { userRoute } from "@/lib/actions/route";
import { tokensOf } from "@/lib/auth/tokens";

export const dynamic = "force-dynamic";

/** GET /api/v1/me: who the bearer token / session cookie stands for, and their API tokens (never the secrets). */
export const GET = userRoute("profile.edit", {}, async ({ db, actor }) => {
  const [p, tokens] = await Promise.all([profileOf(db, actor.id), tokensOf(db, actor.id)]);
  return {
    user: p && { id: p.id, email: p.email, name: p.name, organization: p.organization, position: p.position, phone: p.phone, locale: p.locale, siteRole: p.siteRole },
    tokens: tokens.map((t) => ({ ...t, createdAt: t.createdAt.toISOString(), lastUsedAt: t.lastUsedAt?.toISOString() ?? null, expiresAt: t.expiresAt.toISOString(), revokedAt: t.revokedAt?.toISOString() ?? null })),
  };
});
