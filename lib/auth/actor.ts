/**
 * Who is calling: the signed-in user (Auth.js session cookie) or an API bearer token (`Authorization: Bearer …`),
 * re-read from the database on EVERY call, so a disabled or demoted user loses rights on the very next request (a
 * bearer token: within AUTH_CACHE_RECHECK_MS, through the version-checked token cache, lib/auth/token-cache.ts).
 *
 * The session JWT is read through requestCookie (lib/http/request-headers.ts: Next's `cookies()`, not the raw Cookie
 * header as Auth.js's `auth()` does), so a cookie set earlier in the same server action — sign-in, or the renewal after
 * a password change — counts for the re-render; a direct route (lib/api/routes.ts) reads its own request's.
 *
 * Vitest: tests/fixtures/actor.ts replaces this module (see there) to run actions / routes as a given user.
 */
import "server-only";
import { decode } from "next-auth/jwt";
import { getDb } from "@/lib/db";
import { requestCookie, requestHeaders } from "@/lib/http/request-headers";
import { actorById } from "./actor-lookup";
import type { Actor } from "./permissions";
import { actorFromBearer, bearerFrom } from "./tokens";
import { env } from "@/lib/env";

/** Auth.js's cookie names: the __Secure- one over HTTPS, the plain one over HTTP. */
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

async function sessionClaims(): Promise<{ sub: string; authAt: number; sid: string } | null> {
  const secret = env.AUTH_SECRET;
  if (!secret) return null;
  for (const name of SESSION_COOKIES) {
    const value = await requestCookie(name);
    if (!value) continue;
    const token = await decode({ token: value, secret, salt: name }).catch(() => null); // tampered, old secret, expired
    if (token?.sub) return { sub: token.sub, authAt: typeof token.authAt === "number" ? token.authAt : 0, sid: typeof token.sid === "string" ? token.sid : "" };
  }
  return null;
}

export async function currentActor(): Promise<Actor | null> {
  const h = await requestHeaders();
  const db = await getDb();
  const bearer = bearerFrom(h.get("authorization"));
  if (bearer !== undefined) return bearer ? actorFromBearer(db, bearer) : null; // a bad Authorization header never falls back to the cookie
  const session = await sessionClaims();
  return session ? actorById(db, session.sub, { authAt: session.authAt, sid: session.sid }) : null;
}
