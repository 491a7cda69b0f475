/**
 * Auth.js v5: Credentials (email + argon2id password) with JWT sessions, the Drizzle adapter for optional OAuth/OIDC
 * account links, and OAuth/OIDC providers switched on only by env vars (README "Sign-in providers").
 *
 * The JWT only carries the user id: who the user is NOW (site role, disabled) is re-read from the database by
 * `currentActor()` on every call, so a demotion or a ban takes effect on the next request.
 */
import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { eq } from "drizzle-orm";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import type { Provider } from "next-auth/providers";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { DomainError } from "@/lib/actions/result";
import { getDb } from "@/lib/db";
import { logger } from "@/lib/log";
import { normalizeEmail } from "./email";
import { verifyCredentials } from "./credentials";
import { ipFromHeaders } from "./request-info";
import { env, type Env } from "@/lib/env";

/** Carries our DomainError (bad credentials / disabled / rate limited) out of Auth.js to the sign-in action. */
export class SignInRefused extends CredentialsSignin {
  constructor(public refusal: DomainError) {
    super(refusal.message);
    this.code = refusal.code;
  }
}

export const SESSION_MAX_AGE = 14 * 24 * 3600;

type OAuthEnv = Partial<Pick<Env, "AUTH_GITHUB_ID" | "AUTH_GITHUB_SECRET" | "AUTH_OIDC_ISSUER" | "AUTH_OIDC_ID" | "AUTH_OIDC_SECRET" | "AUTH_OIDC_NAME">>;

/** OAuth / OIDC providers: none unless configured (tests pass their own values). */
export function oauthProviders(cfg: OAuthEnv = env): Provider[] {
  const list: Provider[] = [];
  if (cfg.AUTH_GITHUB_ID && cfg.AUTH_GITHUB_SECRET) {
    list.push(GitHub({ clientId: cfg.AUTH_GITHUB_ID, clientSecret: cfg.AUTH_GITHUB_SECRET }));
  }
  if (cfg.AUTH_OIDC_ISSUER && cfg.AUTH_OIDC_ID && cfg.AUTH_OIDC_SECRET) {
    list.push({
      id: "oidc",
      name: cfg.AUTH_OIDC_NAME || "OIDC",
      type: "oidc",
      issuer: cfg.AUTH_OIDC_ISSUER,
      clientId: cfg.AUTH_OIDC_ID,
      clientSecret: cfg.AUTH_OIDC_SECRET,
    });
  }
  return list;
}

/** Id and display name of each configured OAuth / OIDC provider (for the sign-in page's buttons). */
export function oauthProviderList(): { id: string; name: string }[] {
  return oauthProviders().map((p) => {
    const c = typeof p === "function" ? p() : p;
    return { id: c.id, name: c.name };
  });
}

/** The Drizzle adapter, with emails normalised and a name for OAuth profiles that have none (name is required). */
function adapter(db: Awaited<ReturnType<typeof getDb>>): Adapter {
  const base = DrizzleAdapter(db, { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens });
  return {
    ...base,
    createUser: (u) => {
      const email = normalizeEmail(u.email);
      return base.createUser!({ ...u, email, name: u.name || email.split("@")[0] });
    },
    getUserByEmail: (email) => base.getUserByEmail!(normalizeEmail(email)),
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  const db = await getDb();
  const config: NextAuthConfig = {
    adapter: adapter(db),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
    trustHost: true,
    secret: env.AUTH_SECRET,
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(credentials, request) {
          try {
            return await verifyCredentials(db, { email: credentials.email, password: credentials.password, ip: ipFromHeaders(request.headers) });
          } catch (e) {
            if (e instanceof DomainError) throw new SignInRefused(e);
            throw e;
          }
        },
      }),
      ...oauthProviders(),
    ],
    callbacks: {
      // OAuth sign-ins of a disabled account are refused too (credentials are checked in verifyCredentials).
      async signIn({ user }) {
        if (!user?.id) return true;
        const [row] = await db.select({ disabledAt: users.disabledAt }).from(users).where(eq(users.id, user.id)).limit(1);
        return !row?.disabledAt;
      },
      jwt({ token, user }) {
        // On sign-in only: who, and when they proved it (kept across refreshes, unlike iat). A password change voids
        // sessions signed in before it (users.sessionsValidAfter, checked by currentActor).
        if (user?.id) {
          token.sub = user.id;
          token.authAt = Date.now();
        }
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        return Object.assign(session, { authAt: typeof token.authAt === "number" ? token.authAt : undefined });
      },
    },
    logger: {
      error(e) {
        const type = (e as { type?: string }).type;
        if (e instanceof CredentialsSignin || type === "CredentialsSignin") return; // a refused sign-in: expected
        if (type === "JWTSessionError") return logger.info({ where: "auth" }, "unreadable session cookie ignored"); // old secret, tampered
        logger.error({ where: "auth", err: { name: e.name, message: e.message } }, "auth error");
      },
      warn() {},
    },
  };
  return config;
});
