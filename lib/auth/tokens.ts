/**
 * API bearer tokens: `hw_` + 32 random bytes (base64url). Only the SHA-256 of a token is stored; the token itself is
 * shown once. Tokens expire (API_TOKEN_TTL_DAYS, default 90) and can be revoked from the profile page;
 * a revocation reaches the in-memory token cache within AUTH_CACHE_RECHECK_MS (lib/auth/token-cache.ts).
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { DomainError } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit";
import type { Actor } from "./permissions";
import { cachedBearerActor, forgetUserTokens } from "./token-cache";
import { env } from "@/lib/env";
import { isUuid } from "@/lib/shared/uuid";

export const TOKEN_PREFIX = "hw_";

export function tokenTtlDays(): number {
  return env.API_TOKEN_TTL_DAYS;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * The token in an Authorization header: undefined when there is no bearer header at all, "" when there is one but it
 * is malformed (which must then fail rather than fall back to a cookie).
 */
export function bearerFrom(header: string | null): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) return /^Bearer\b/i.test(header) ? "" : undefined;
  return m[1].startsWith(TOKEN_PREFIX) && m[1].length <= 100 ? m[1] : "";
}

export async function issueToken(db: Db, userId: string, name = "API"): Promise<{ id: string; token: string; expiresAt: Date }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + tokenTtlDays() * 24 * 3600 * 1000);
  const [row] = await db
    .insert(apiTokens)
    .values({ userId, name: name.slice(0, 80) || "API", tokenHash: hashToken(token), prefix: token.slice(0, 10), expiresAt })
    .returning({ id: apiTokens.id });
  return { id: row.id, token, expiresAt };
}

/** The actor a token stands for: null if unknown, expired, revoked, or its user is disabled (cached: lib/auth/token-cache.ts). */
export async function actorFromBearer(db: Db, token: string): Promise<Actor | null> {
  return cachedBearerActor(db, hashToken(token));
}

export type TokenListItem = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date; revokedAt: Date | null };

export async function tokensOf(db: Db, userId: string): Promise<TokenListItem[]> {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt))
    .limit(100);
}

export function tokenState(t: { revokedAt: Date | null; expiresAt: Date }): "active" | "revoked" | "expired" {
  return t.revokedAt ? "revoked" : t.expiresAt.getTime() <= Date.now() ? "expired" : "active";
}

/** Revoke one of the actor's own tokens (scoped by user id: no IDOR), audited. */
export async function revokeToken(db: Db, actor: Actor, tokenId: string): Promise<{ id: string }> {
  if (!isUuid(tokenId)) throw new DomainError("not_found", "errors.tokenNotFound");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix });
    if (!row) throw new DomainError("not_found", "errors.tokenNotFound");
    await recordAudit(tx, actor, { action: "api_token.revoke", entity: "api_token", entityId: row.id, before: { name: row.name, prefix: row.prefix } });
    return { id: row.id };
  }).finally(() => forgetUserTokens(db, actor.id));
}
