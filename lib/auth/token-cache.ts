/**
 * The bearer-token cache (issue 15): a check-in desk scans every few seconds with the same token, and a registration
 * rush brings hundreds of tokens at once; reading the token and its user on every request cost two statements each.
 *
 * - A miss reads token + user in ONE statement (only live tokens of enabled users are cached; nothing negative is).
 * - A hit is trusted for AUTH_CACHE_RECHECK_MS; then one statement re-reads the user's `auth_version`, which triggers
 *   bump in the writing transaction whenever a token of the user is revoked, re-dated or deleted, or the user's site
 *   role, name, email, disabled state or forum roles change (migration 0013_auth_version). A moved version drops the
 *   entry and the token is read afresh. So a revocation or demotion takes effect within that time on every instance,
 *   with no message bus: the version lives in the shared database.
 * - Why this is safe: the miss reads the version and the token in one snapshot, and every change that matters moves
 *   the version in its own transaction; a check that began before such a change committed is trusted only until
 *   (its start + the recheck time).
 * - `last_used_at` is written at most once a minute per token, batched a second later (one UPDATE for all tokens used
 *   meanwhile), off the request path.
 *
 * - A command of this process that revokes a token or changes a user's role or state also drops the user's entries at
 *   once (`forgetUserTokens`), so on the instance that made the change it applies to the very next request.
 *
 * One cache per database handle (tests open several in one process).
 */
import "server-only";
import { and, eq, gt, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import { env } from "@/lib/env";
import type { Actor } from "./permissions";

type Entry = { actor: Actor; userId: string; expiresAt: number; version: number; checkedAt: number; lastUsedAt: number; recheck?: Promise<boolean> };
type State = { entries: Map<string, Entry>; touched: Set<string>; flush?: ReturnType<typeof setTimeout> };

/** Bounded: a rush of fresh tokens evicts the oldest entries first. */
const MAX_ENTRIES = 10_000;
const LAST_USED_EVERY_MS = 60_000;
/** On globalThis, as the database handle is (lib/db.ts): route handlers and server actions are separate bundles, and a
 * command's `forgetUserTokens` must reach the cache the API routes read. */
const g = globalThis as unknown as { __huiwuTokenCache?: WeakMap<Db, State> };
const states = (g.__huiwuTokenCache ??= new WeakMap<Db, State>());

function stateOf(db: Db): State {
  let s = states.get(db);
  if (!s) states.set(db, (s = { entries: new Map(), touched: new Set() }));
  return s;
}

/** The actor a token (by its SHA-256) stands for: null if unknown, expired, revoked, or its user is disabled. */
export async function cachedBearerActor(db: Db, tokenHash: string): Promise<Actor | null> {
  const s = stateOf(db);
  const hit = s.entries.get(tokenHash);
  if (hit) {
    if (hit.expiresAt > Date.now() && (await fresh(db, hit))) {
      touch(db, s, tokenHash, hit);
      return hit.actor;
    }
    s.entries.delete(tokenHash);
  }
  const started = Date.now();
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      id: users.id,
      siteRole: users.siteRole,
      name: users.name,
      email: users.email,
      disabledAt: users.disabledAt,
      version: users.authVersion,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, sql`now()`)))
    .limit(1);
  if (!row || row.disabledAt) return null;
  const entry: Entry = {
    actor: Object.freeze({ id: row.id, siteRole: row.siteRole, name: row.name, email: row.email }),
    userId: row.id,
    expiresAt: row.expiresAt.getTime(),
    version: row.version,
    checkedAt: started,
    lastUsedAt: row.lastUsedAt?.getTime() ?? 0,
  };
  if (s.entries.size >= MAX_ENTRIES) s.entries.delete(s.entries.keys().next().value!);
  s.entries.set(tokenHash, entry);
  touch(db, s, tokenHash, entry);
  return entry.actor;
}

/** Still valid: checked within the recheck time, or the user's version has not moved (one statement, shared by concurrent callers). */
function fresh(db: Db, e: Entry): boolean | Promise<boolean> {
  if (Date.now() - e.checkedAt < env.AUTH_CACHE_RECHECK_MS) return true;
  e.recheck ??= (async () => {
    const started = Date.now();
    try {
      const [u] = await db.select({ version: users.authVersion }).from(users).where(eq(users.id, e.userId)).limit(1);
      if (!u || u.version !== e.version) return false;
      e.checkedAt = started;
      return true;
    } finally {
      e.recheck = undefined;
    }
  })();
  return e.recheck;
}

function touch(db: Db, s: State, tokenHash: string, e: Entry) {
  if (Date.now() - e.lastUsedAt <= LAST_USED_EVERY_MS) return;
  e.lastUsedAt = Date.now();
  s.touched.add(tokenHash);
  s.flush ??= setTimeout(() => void flushLastUsed(db, s), 1000);
  s.flush.unref?.();
}

async function flushLastUsed(db: Db, s: State) {
  const hashes = [...s.touched];
  s.touched.clear();
  s.flush = undefined;
  if (!hashes.length) return;
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(and(inArray(apiTokens.tokenHash, hashes), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, sql`now() - interval '1 minute'`))))
    .catch(() => {}); // advisory only; the handle may be closed by now (tests, shutdown)
}

/** Forget the user's cached tokens in this process, at once: called after a command here revoked a token or changed
 * the user's role or state. Other instances see the version move within AUTH_CACHE_RECHECK_MS. */
export function forgetUserTokens(db: Db, userId: string) {
  const s = stateOf(db);
  for (const [hash, e] of s.entries) if (e.userId === userId) s.entries.delete(hash);
}

/** Forget every cached token (tests; a process that changed auth data behind the database's back). */
export function clearTokenCache(db: Db) {
  stateOf(db).entries.clear();
}
