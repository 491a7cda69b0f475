import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, tstz, updatedAt } from "./_common";
import { SITE_ROLES } from "../../lib/shared/enums";
import { locales } from "../../lib/shared/locales";

export const siteRole = pgEnum("site_role", SITE_ROLES);
export const locale = pgEnum("locale", locales);

/** A person who can sign in. Auth.js adapter columns (name, email, emailVerified, image) plus our own. */
export const users = pgTable(
  "users",
  {
    id: id(),
    name: text().notNull(),
    /** Stored lower-cased and NFC-normalised by lib/auth; unique. */
    email: text().notNull(),
    emailVerified: tstz(),
    image: text(),
    /** argon2id PHC string; null for OAuth-only accounts. */
    passwordHash: text(),
    siteRole: siteRole().notNull().default("user"),
    organization: text(),
    position: text(),
    phone: text(),
    locale: locale().notNull().default("zh-CN"),
    disabledAt: tstz(),
    /** Sessions signed in before this moment are void (set when the password changes). */
    sessionsValidAfter: tstz(),
    /**
     * Bumped by triggers (migration 0012) whenever what a bearer token stands for changes: one of the user's tokens
     * revoked, re-dated or deleted; the user's site role, name, email or disabled state; their forum roles. The
     * bearer-token cache (lib/auth/token-cache.ts) re-reads it at most every AUTH_CACHE_RECHECK_MS, on every instance.
     */
    authVersion: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_unique").on(t.email),
    check("users_email_lower", sql`${t.email} = lower(${t.email})`),
  ],
);

/** Auth.js: OAuth / OIDC account links. */
export const accounts = pgTable(
  "accounts",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text().notNull(),
    provider: text().notNull(),
    providerAccountId: text().notNull(),
    refresh_token: text(),
    access_token: text(),
    expires_at: integer(),
    token_type: text(),
    scope: text(),
    id_token: text(),
    session_state: text(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

/** Auth.js database sessions (unused with JWT sessions, kept for the adapter's contract). */
export const sessions = pgTable("sessions", {
  sessionToken: text().primaryKey(),
  userId: uuid()
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expires: tstz().notNull(),
});

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text().notNull(),
    token: text().notNull(),
    expires: tstz().notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

/** Bearer tokens for the API. Only a SHA-256 of the token is stored. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text().notNull().default("API"),
    tokenHash: text().notNull(),
    /** First characters of the token, shown in the token list so a person can tell tokens apart. */
    prefix: text().notNull(),
    createdAt: createdAt(),
    lastUsedAt: tstz(),
    expiresAt: tstz().notNull(),
    revokedAt: tstz(),
  },
  (t) => [uniqueIndex("api_tokens_hash_unique").on(t.tokenHash), index("api_tokens_user_idx").on(t.userId)],
);

/** Fixed-window counters for abuse limits, in the database so they hold across instances. */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text().primaryKey(),
    count: integer().notNull().default(0),
    resetAt: tstz().notNull(),
  },
  (t) => [check("rate_limits_count_nonneg", sql`${t.count} >= 0`)],
);

/** Who did what, when, from where. Written by every mutating command. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: text(),
    eventId: uuid(),
    before: jsonb(),
    after: jsonb(),
    ip: text(),
    at: tstz().notNull().defaultNow(),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_actor_idx").on(t.actorId), index("audit_log_entity_idx").on(t.entity, t.entityId)],
);

