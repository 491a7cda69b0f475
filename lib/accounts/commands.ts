/** Account commands: sign-up, profile, password (DESIGN §3.3: take db and the actor explicitly; audit in the same tx). */
import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import { DomainError } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit";
import { blockedFor, clear, hit, limits } from "@/lib/auth/limits";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/permissions";
import { endAllSessions } from "@/lib/auth/sessions";
import { forgetUserTokens } from "@/lib/auth/token-cache";
import type { ChangePasswordInput, ProfileInput, SignUpInput } from "./validation";

export const EMAIL_TAKEN = "auth.errors.emailTaken";

export function isUniqueViolation(e: unknown): boolean {
  for (let x = e as { code?: string; cause?: unknown } | undefined, i = 0; x && i < 4; x = x.cause as typeof x, i++) {
    if (x.code === "23505") return true;
  }
  return false;
}

/** Throttled per IP (every attempt counts). Public: anyone may sign up. */
export async function signUp(db: Db, input: SignUpInput, ip: string): Promise<{ id: string; email: string; name: string }> {
  const limit = limits().signupPerIp;
  const key = `signup:ip:${ip}`;
  const wait = await blockedFor(db, key, limit);
  if (wait > 0) {
    throw new DomainError("rate_limited", "errors.signupRateLimited", { params: { minutes: Math.ceil(wait / 60) }, extra: { retryAfter: wait } });
  }
  await hit(db, key, limit);
  return createAccount(db, null, input, { ip });
}

/**
 * Insert a user (argon2id hash, normalised email) and audit it; 409 if the email is taken. `actor` null = the person
 * signing themselves up (audited as the new user) or the operator CLI (`via: "cli"`).
 */
export async function createAccount(
  db: Db,
  actor: Actor | null,
  input: SignUpInput,
  opts: { ip?: string | null; siteRole?: "admin" | "user"; via?: "cli" } = {},
): Promise<{ id: string; email: string; name: string }> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({
          name: input.name,
          email: input.email,
          passwordHash,
          siteRole: opts.siteRole ?? "user",
          organization: input.organization,
          position: input.position,
          phone: input.phone,
          locale: input.locale ?? "zh-CN",
        })
        .onConflictDoNothing({ target: users.email })
        .returning({ id: users.id, email: users.email, name: users.name });
      if (!row) throw new DomainError("conflict", EMAIL_TAKEN, { fieldErrors: { email: [EMAIL_TAKEN] } });
      const who = actor ?? (opts.via === "cli" ? null : { id: row.id });
      await recordAudit(tx, who, {
        action: opts.via === "cli" ? "user.create" : "user.signup",
        entity: "user",
        entityId: row.id,
        after: { email: row.email, name: row.name, siteRole: opts.siteRole ?? "user" },
        ip: opts.ip,
      });
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError("conflict", EMAIL_TAKEN, { fieldErrors: { email: [EMAIL_TAKEN] } });
    throw e;
  }
}

export async function updateProfile(db: Db, actor: Actor, input: ProfileInput): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ name: users.name, organization: users.organization, position: users.position, phone: users.phone, locale: users.locale })
      .from(users)
      .where(eq(users.id, actor.id))
      .for("update");
    if (!before) throw new DomainError("not_found", "errors.accountGone");
    await tx.update(users).set(input).where(eq(users.id, actor.id));
    const changed = Object.fromEntries(Object.entries(input).filter(([k, v]) => before[k as keyof typeof before] !== v));
    const was = Object.fromEntries(Object.keys(changed).map((k) => [k, before[k as keyof typeof before]]));
    await recordAudit(tx, actor, { action: "profile.edit", entity: "user", entityId: actor.id, before: was, after: changed });
  });
}

/**
 * Change the password. The current-password check is throttled (RATE_LIMIT_PASSWORD_CHECK failures
 * per user per sign-in window: a stolen session cannot brute-force the password it does not know). Then every
 * session of the user ends (the caller's own browser signs in afresh right after, see changePasswordAction), and
 * every API token is revoked unless the user chose to keep them.
 */
export async function changePassword(db: Db, actor: Actor, input: Omit<ChangePasswordInput, "keepTokens"> & { keepTokens?: boolean }): Promise<void> {
  const limit = limits().passwordCheck;
  const key = `password:user:${actor.id}`;
  const wait = await blockedFor(db, key, limit);
  if (wait > 0) {
    throw new DomainError("rate_limited", "errors.tooManyWrongPasswords", { params: { minutes: Math.ceil(wait / 60) }, extra: { retryAfter: wait } });
  }
  const [u] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id)).limit(1);
  if (!u) throw new DomainError("not_found", "errors.accountGone");
  if (u.passwordHash && !(await verifyPassword(u.passwordHash, input.currentPassword))) {
    await hit(db, key, limit);
    throw new DomainError("invalid", "errors.wrongCurrentPassword", { fieldErrors: { currentPassword: ["errors.wrongCurrentPassword"] } });
  }
  await clear(db, key);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    // Every session signed in before now is void (a stolen cookie dies with the old password).
    await tx.update(users).set({ passwordHash, sessionsValidAfter: new Date() }).where(eq(users.id, actor.id));
    const sessionsEnded = await endAllSessions(tx, actor.id);
    const tokensRevoked = input.keepTokens
      ? 0
      : (await tx.update(apiTokens).set({ revokedAt: sql`now()` }).where(and(eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt))).returning({ id: apiTokens.id })).length;
    await recordAudit(tx, actor, { action: "profile.password", entity: "user", entityId: actor.id, after: { otherSessionsSignedOut: true, sessionsEnded, tokensRevoked, tokensKept: !!input.keepTokens } });
  });
  forgetUserTokens(db, actor.id);
}
