// Guard: publicRoute on purpose: this is how an API client authenticates (credentials in the body), throttled per account and IP.
import { tokenRequestSchema } from "@/lib/accounts/validation";
import { publicRoute } from "@/lib/actions/route";
import { recordAudit } from "@/lib/audit";
import { verifyCredentials } from "@/lib/auth/credentials";
import { ipFromHeaders } from "@/lib/auth/request-info";
import { issueToken } from "@/lib/auth/tokens";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/auth/token {email,password,name?} → 200 {token, tokenType, expiresAt}. Public: this is how a client
 * authenticates. Same 401 and similar timing for unknown and known emails; throttled (429 + Retry-After).
 */
export const POST = publicRoute("how an API client authenticates; throttled per account and IP", { body: tokenRequestSchema }, async ({ db, req, body }) => {
  const ip = ipFromHeaders(req.headers);
  const user = await verifyCredentials(db, { email: body.email, password: body.password, ip });
  const issued = await db.transaction(async (tx) => {
    const t = await issueToken(tx, user.id, body.name || "API");
    await recordAudit(tx, user, { action: "api_token.issue", entity: "api_token", entityId: t.id, after: { name: body.name || "API", expiresAt: t.expiresAt }, ip });
    return t;
  });
  return { token: issued.token, tokenType: "Bearer", expiresAt: issued.expiresAt.toISOString() };
});
