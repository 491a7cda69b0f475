/**
 * Checking an email + password, shared by the sign-in form (Auth.js Credentials provider) and POST /api/v1/auth/token.
 * Throttled per account and per IP (failed attempts only); an unknown email costs the same argon2 verification as a
 * known one and gets the same answer, so neither message nor timing tells whether an account exists.
 */
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { DomainError } from "@/lib/actions/result";
import { normalizeEmail } from "./email";
import { blockedFor, clear, hit, limits } from "./limits";
import { dummyHash, verifyPassword } from "./password";

export const BAD_CREDENTIALS = "auth.errors.badCredentials";
export const DISABLED = "auth.errors.disabled";

export type VerifiedUser = { id: string; email: string; name: string };

export const accountKey = (email: string) => `signin:account:${email}`;
export const accountIpKey = (email: string, ip: string) => `signin:account-ip:${ip}|${email}`;
export const ipKey = (ip: string) => `signin:ip:${ip}`;

function tooMany(retryAfter: number): DomainError {
  const minutes = Math.max(1, Math.ceil(retryAfter / 60));
  return new DomainError("rate_limited", "auth.errors.rateLimited", { params: { minutes }, extra: { retryAfter } });
}

/** Returns the user, or throws DomainError: "unauthenticated" (bad credentials), "forbidden" (disabled), "rate_limited". */
export async function verifyCredentials(db: Db, input: { email: unknown; password: unknown; ip: string }): Promise<VerifiedUser> {
  const email = typeof input.email === "string" ? normalizeEmail(input.email).slice(0, 254) : "";
  const password = typeof input.password === "string" ? input.password.slice(0, 1024) : "";
  const l = limits();
  // Three counters, checked before any password work (so a lockout cannot be used as a denial of service):
  //  - (account, IP): the tight one (10 / 15 min). Guessing from one address stops there, and locks out only that
  //    address: the owner signing in from anywhere else is not affected;
  //  - account: a much higher cap (50) for guessing spread over many addresses; reaching it takes many real addresses
  //    now that X-Forwarded-For cannot be forged (TRUST_PROXY);
  //  - IP: one address guessing across many accounts.
  const wait = Math.max(
    email ? await blockedFor(db, accountIpKey(email, input.ip), l.signinPerAccountIp) : 0,
    email ? await blockedFor(db, accountKey(email), l.signinPerAccount) : 0,
    await blockedFor(db, ipKey(input.ip), l.signinPerIp),
  );
  if (wait > 0) throw tooMany(wait);

  const [user] = email
    ? await db
        .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
        .from(users)
        .where(eq(users.email, email))
        .limit(1)
    : [];
  // Always one argon2 verification, against a dummy hash when there is no such account (same timing).
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  if (!user || !user.passwordHash || !ok || !password) {
    if (email) {
      await hit(db, accountIpKey(email, input.ip), l.signinPerAccountIp);
      await hit(db, accountKey(email), l.signinPerAccount);
    }
    await hit(db, ipKey(input.ip), l.signinPerIp);
    throw new DomainError("unauthenticated", BAD_CREDENTIALS);
  }
  if (user.disabledAt) throw new DomainError("forbidden", DISABLED);
  await clear(db, accountKey(email));
  await clear(db, accountIpKey(email, input.ip));
  return { id: user.id, email: user.email, name: user.name };
}
