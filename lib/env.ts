/**
 * The one reader of `process.env` for app/, lib/, components/ and db/ (scripts/ and config files aside). Every
 * variable the app understands is declared here once, with its zod schema and default, and documented in the README
 * ("Configuration"). Everything else imports `env`:
 *
 *     import { env } from "@/lib/env";
 *     const limit = env.JSON_BODY_LIMIT_BYTES;   // typed, validated, default applied
 *
 * Values are read when accessed, not when this module loads: tests and the start-up script set variables at run time
 * (AUTH_SECRET from DATA_DIR, RATE_LIMIT_* in the abuse tests), and a value must follow them. Each variable's parse is
 * memoised on its raw string, so a hot path pays one Map lookup.
 *
 * Start-up (`scripts/serve.ts`, `scripts/db-setup.ts`, `instrumentation.ts`) calls `assertEnv()`, which checks every
 * variable and fails with ONE line per bad one. A bad value read later throws the same line (`EnvError`).
 *
 * Not "server-only": the start-up scripts import it without the react-server condition. No component imports it (the
 * client has no process.env); keep it that way.
 *
 * Adding a variable: add it to `schema` below (with `.describe()` when the README needs more than the schema says),
 * add a README row, read it as `env.NAME`. An empty string counts as unset.
 */
import { z } from "zod";

const POS_INT = "expected a positive integer";
const posInt = (fallback: number) => z.coerce.number(POS_INT).int(POS_INT).positive(POS_INT).default(fallback);
const flag = z.enum(["0", "1"], "expected 0 or 1").optional();
const url = z.url("expected an absolute URL such as https://example.org");
const str = z.string().optional();

/** TRUST_PROXY: unset = use the socket address; a hop count; or a comma-separated list of trusted proxy CIDRs/IPs. */
export type TrustProxy = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "cidrs"; cidrs: string[] };
const IPV4_CIDR = /^(\d{1,3})(\.\d{1,3}){3}(\/(\d|[12]\d|3[0-2]))?$/;
const IPV6_CIDR = /^[0-9a-f:]*:[0-9a-f:.]*(\/(\d|[1-9]\d|1[01]\d|12[0-8]))?$/i;
const trustProxy = z
  .string()
  .optional()
  .transform((v, ctx): TrustProxy => {
    if (v === undefined) return { kind: "none" };
    if (/^\d+$/.test(v)) return { kind: "hops", hops: Number(v) };
    const cidrs = v.split(",").map((s) => s.trim()).filter(Boolean);
    const bad = cidrs.filter((c) => !IPV4_CIDR.test(c) && !IPV6_CIDR.test(c));
    if (!cidrs.length || bad.length) {
      ctx.addIssue({ code: "custom", message: `expected a hop count or comma-separated CIDRs${bad.length ? ` (bad: ${bad.join(", ")})` : ""}` });
      return z.NEVER;
    }
    return { kind: "cidrs", cidrs };
  });

const schema = {
  // Runtime
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: posInt(3000),
  /** Next's build directory (next.config.js and scripts/start.mjs read it directly: they run before this module). */
  NEXT_DIST_DIR: z.string().min(1).default(".next"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  // Database
  DATABASE_URL: str, // validated with a precise message when opened (db/client.ts)
  DATA_DIR: z.string().default("./.data"),
  DATABASE_POOL_SIZE: posInt(10),
  /** Embedded PGlite only: Postgres's shared_buffers inside the WASM heap (db/client.ts; default 16MB, Postgres's own is 128MB). */
  PGLITE_SHARED_BUFFERS: z.string().regex(/^[1-9][0-9]*(kB|MB|GB)$/, "expected a size such as 32MB").optional(),
  HUIWU_NO_SEED: flag,
  SEED_DEMO: flag,
  /** `npm run bench` sets it: scripts/serve.ts and PGlite's thread append their process.memoryUsage() to this file. */
  HUIWU_MEMORY_LOG: str,
  // Auth
  AUTH_SECRET: z.string().min(16, "too short (use at least 32 random bytes, e.g. `openssl rand -base64 32`)").optional(),
  AUTH_URL: url.optional(),
  AUTH_GITHUB_ID: str,
  AUTH_GITHUB_SECRET: str,
  AUTH_OIDC_ISSUER: url.optional(),
  AUTH_OIDC_ID: str,
  AUTH_OIDC_SECRET: str,
  AUTH_OIDC_NAME: str,
  API_TOKEN_TTL_DAYS: posInt(90),
  /** How long a cached bearer token is trusted before its user's auth_version is re-read (0: on every request). */
  AUTH_CACHE_RECHECK_MS: z.coerce.number("expected a number of milliseconds").int().nonnegative().default(1000),
  RATE_LIMIT_SIGNIN_PER_ACCOUNT_IP: posInt(10),
  RATE_LIMIT_SIGNIN_PER_ACCOUNT: posInt(50),
  RATE_LIMIT_PASSWORD_CHECK: posInt(5),
  RATE_LIMIT_SIGNIN_PER_IP: posInt(100),
  RATE_LIMIT_SIGNIN_WINDOW_SECONDS: posInt(900),
  RATE_LIMIT_SIGNUP_PER_IP: posInt(20),
  RATE_LIMIT_SIGNUP_WINDOW_SECONDS: posInt(3600),
  TRUST_PROXY: trustProxy,
  // HTTP and pages
  APP_URL: url.optional(),
  JSON_BODY_LIMIT_BYTES: posInt(4 * 1024 * 1024),
  HUIWU_PAGE_CACHE: flag,
  PAGE_CACHE_MAX_BYTES: posInt(32 * 1024 * 1024), // the page cache's budget: identity + gzip + brotli bodies of every entry, LRU
  // Mail, SMS, background work
  SMTP_URL: str,
  MAIL_FROM: z.string().default("Huiwu 会务 <no-reply@huiwu.local>"),
  SMS_SENDER: z.enum(["log", "http"], "expected log or http").optional(), // unset: http when SMS_PROVIDER_URL is set
  SMS_SENDER_NAME: z.string().max(40).default("Huiwu"),
  SMS_PROVIDER_URL: url.optional(),
  SMS_PROVIDER_TOKEN: str,
  DELEGATION_REMINDER_HOURS: posInt(24),
  HUIWU_OUTBOX_WORKER: flag,
  OUTBOX_INTERVAL_MS: posInt(5000),
  // PDF rendering and share images
  PLAYWRIGHT_CHROMIUM_PATH: str,
  OG_FONT_PATH: str, // a CJK .ttf/.otf/.ttc for share images (lib/og/cjk-font.ts); unset: the system's Noto Sans CJK
  CHROMIUM_PATH: str,
  // Test-only fault injection (refused in production, see lib/registrations/commands.ts)
  HUIWU_UNSAFE_REGISTRATION: flag,
  HUIWU_UNSAFE_SLEEP_MS: z.coerce.number("expected a number of milliseconds").int().nonnegative().default(50),
} satisfies Record<string, z.ZodType>;

/** Never echoed in error lines. */
const SECRET = new Set<string>(["AUTH_SECRET", "AUTH_GITHUB_SECRET", "AUTH_OIDC_SECRET", "SMTP_URL", "SMS_PROVIDER_TOKEN", "DATABASE_URL"]);

export type EnvName = keyof typeof schema;
export type Env = { readonly [K in EnvName]: z.output<(typeof schema)[K]> };

export class EnvError extends Error {
  override name = "EnvError";
  constructor(public lines: string[]) {
    super(lines.join("\n"));
  }
}

function raw(name: string): string | undefined {
  const v = process.env[name];
  return v === "" ? undefined : v;
}

function problem(name: string, value: string | undefined, error: z.ZodError): string {
  const shown = value === undefined ? "" : SECRET.has(name) ? " (value hidden)" : ` (got ${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)})`;
  return `${name}: ${error.issues[0]?.message ?? "invalid"}${shown}`;
}

const memo = new Map<string, { raw: string | undefined; value: unknown }>();

function read<K extends EnvName>(name: K): Env[K] {
  const r = raw(name);
  const hit = memo.get(name);
  if (hit && hit.raw === r) return hit.value as Env[K];
  const parsed = (schema[name] as z.ZodType).safeParse(r);
  if (!parsed.success) throw new EnvError([problem(name, r, parsed.error)]);
  memo.set(name, { raw: r, value: parsed.data });
  return parsed.data as Env[K];
}

/** The validated configuration. Each property reads its variable when accessed. */
export const env: Env = Object.defineProperties(
  {},
  Object.fromEntries(Object.keys(schema).map((name) => [name, { enumerable: true, get: () => read(name as EnvName) }])),
) as Env;

/** Rules that involve more than one variable (checked only when each variable is itself valid). */
const CROSS: { name: EnvName; bad: (e: Env) => string | null }[] = [
  { name: "SMS_SENDER", bad: (e) => (e.SMS_SENDER === "http" && !e.SMS_PROVIDER_URL ? "is http but SMS_PROVIDER_URL is not set" : null) },
];

/** One line per bad variable (empty when all are valid). */
export function envProblems(): string[] {
  const lines: string[] = [];
  for (const name of Object.keys(schema) as EnvName[]) {
    const r = raw(name);
    const parsed = (schema[name] as z.ZodType).safeParse(r);
    if (!parsed.success) lines.push(problem(name, r, parsed.error));
  }
  if (!lines.length) for (const c of CROSS) {
    const why = c.bad(env);
    if (why) lines.push(`${c.name}: ${why}`);
  }
  return lines;
}

/** Start-up check: throws EnvError listing every bad variable, one per line. */
export function assertEnv(): void {
  const lines = envProblems();
  if (lines.length) throw new EnvError(lines);
}

/** For start-up scripts: print `Error: <line>` per bad variable and exit 1. */
export function exitOnBadEnv(): void {
  const lines = envProblems();
  if (!lines.length) return;
  for (const l of lines) console.error(`Error: ${l}`);
  process.exit(1);
}

/** Names of every declared variable (the README table test compares against it). */
export const ENV_NAMES = Object.keys(schema) as EnvName[];

export const isProduction = () => env.NODE_ENV === "production";

/** The public base URL for absolute links: APP_URL, else AUTH_URL, else http://localhost:PORT (no trailing slash). */
export function appBaseUrl(): string {
  return (env.APP_URL || env.AUTH_URL || `http://localhost:${env.PORT}`).replace(/\/+$/, "");
}
