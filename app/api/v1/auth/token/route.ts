// Deliberately without requireActor(): this is how an API client authenticates; throttled per account and IP.
import { z } from "zod";
import { parse } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit";
import { verifyCredentials } from "@/lib/auth/credentials";
import { ipFromHeaders } from "@/lib/auth/request-info";
import { issueToken } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http/domain-errors";
import { readJson } from "@/lib/http/json-body";
import { json } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

const tokenRequest = z.object({
  email: z.string({ error: "errors.enterEmail" }).max(300),
  password: z.string({ error: "errors.enterPassword" }).max(1024),
  name: z.string().trim().max(80).optional(),
});

/**
 * POST /api/v1/auth/token {email,password,name?} → 200 {token, tokenType, expiresAt}. Public: this is how a client
 * authenticates. Same 401 and similar timing for unknown and known emails; throttled (429 + Retry-After).
 */
export async function POST(req: Request) {
  try {
    const input = parse(tokenRequest, await readJson(req));
    const ip = ipFromHeaders(req.headers);
    const db = await getDb();
    const user = await verifyCredentials(db, { email: input.email, password: input.password, ip });
    const issued = await db.transaction(async (tx) => {
      const t = await issueToken(tx, user.id, input.name || "API");
      await recordAudit(tx, user, { action: "api_token.issue", entity: "api_token", entityId: t.id, after: { name: input.name || "API", expiresAt: t.expiresAt }, ip });
      return t;
    });
    return json({ token: issued.token, tokenType: "Bearer", expiresAt: issued.expiresAt.toISOString() });
  } catch (e) {
    return errorResponse(e, "POST /api/v1/auth/token");
  }
}
