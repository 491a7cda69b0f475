/**
 * Accounts and access from the command line, to bootstrap and run a production instance without the web UI:
 *
 *   npm run cli -- user create --email a@b.cn --password '…' --name 张三 [--admin] [--organization …] [--position …]
 *   npm run cli -- user disable --email a@b.cn        |  user enable --email a@b.cn
 *   npm run cli -- user role --email a@b.cn --site-role admin|user
 *   npm run cli -- event grant --event <slug> --email a@b.cn --role organizer|staff
 *   npm run cli -- event revoke --event <slug> --email a@b.cn
 *
 * Uses DATABASE_URL or the embedded database in DATA_DIR (stop the server first: PGlite allows one process).
 * Every change is written to the audit log as "system / CLI".
 */
import { eq } from "drizzle-orm";
import { DatabaseConfigError, openDatabase, type DbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { events, users } from "@/db/schema";
import { grantEventRole, revokeEventRole, setSiteRole, setUserDisabled } from "@/lib/accounts/admin";
import { createAccount } from "@/lib/accounts/commands";
import { signUpSchema } from "@/lib/accounts/validation";
import { DomainError, parse } from "@/lib/actions/result";
import { translateError } from "@/lib/i18n/errors";
import { normalizeEmail } from "@/lib/auth/email";
import { dbOptionsFromEnv } from "../lib/setup";

export const ACCOUNTS_USAGE = `  user create --email <email> --password <password> --name <name> [--admin] [--organization <org>] [--position <title>] [--phone <phone>]
  user disable|enable --email <email>
  user role --email <email> --site-role admin|user
  event grant --event <slug> --email <email> --role organizer|staff
  event revoke --event <slug> --email <email>`;

class UsageError extends Error {}

export function parseArgs(argv: string[]): { cmd: string[]; opts: Record<string, string | true> } {
  const cmd: string[] = [];
  const opts: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith("--")) {
      const [k, inline] = a.slice(2).split(/=(.*)/s, 2);
      if (inline !== undefined) opts[k] = inline;
      else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith("--")) opts[k] = argv[++i];
      else opts[k] = true;
    } else cmd.push(a);
  }
  return { cmd, opts };
}

function need(opts: Record<string, string | true>, key: string): string {
  const v = opts[key];
  if (typeof v !== "string" || !v) throw new UsageError(`Missing --${key}.`);
  return v;
}

async function userByEmail(h: DbHandle, email: string) {
  const [u] = await h.db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.email, normalizeEmail(email))).limit(1);
  if (!u) throw new UsageError(`No user with email ${normalizeEmail(email)}.`);
  return u;
}

async function eventBySlug(h: DbHandle, slug: string) {
  const [e] = await h.db.select({ id: events.id, slug: events.slug, title: events.title }).from(events).where(eq(events.slug, slug)).limit(1);
  if (!e) throw new UsageError(`No forum with slug ${slug}.`);
  return e;
}

export async function runAccountsCli(argv: string[], h: DbHandle, out: (line: string) => void = console.log): Promise<void> {
  const { cmd, opts } = parseArgs(argv);
  const key = cmd.join(" ");
  switch (key) {
    case "user create": {
      const input = parse(signUpSchema, {
        email: need(opts, "email"),
        password: need(opts, "password"),
        name: need(opts, "name"),
        organization: typeof opts.organization === "string" ? opts.organization : undefined,
        position: typeof opts.position === "string" ? opts.position : undefined,
        phone: typeof opts.phone === "string" ? opts.phone : undefined,
      });
      const u = await createAccount(h.db, null, input, { siteRole: opts.admin ? "admin" : "user", via: "cli", ip: null });
      out(`Created ${opts.admin ? "admin" : "user"} ${u.email} (${u.id}).`);
      return;
    }
    case "user disable":
    case "user enable": {
      const u = await userByEmail(h, need(opts, "email"));
      const r = await setUserDisabled(h.db, null, { userId: u.id, disabled: cmd[1] === "disable" });
      out(r.changed ? `${cmd[1] === "disable" ? "Disabled" : "Enabled"} ${u.email}.` : `${u.email} was already ${cmd[1]}d.`);
      return;
    }
    case "user role": {
      const role = need(opts, "site-role");
      if (role !== "admin" && role !== "user") throw new UsageError("--site-role must be admin or user.");
      const u = await userByEmail(h, need(opts, "email"));
      const r = await setSiteRole(h.db, null, { userId: u.id, siteRole: role });
      out(r.changed ? `${u.email} is now ${role}.` : `${u.email} already was ${role}.`);
      return;
    }
    case "event grant": {
      const role = need(opts, "role");
      if (role !== "organizer" && role !== "staff") throw new UsageError("--role must be organizer or staff.");
      const [e, u] = [await eventBySlug(h, need(opts, "event")), await userByEmail(h, need(opts, "email"))];
      const r = await grantEventRole(h.db, null, { userId: u.id, eventId: e.id, role });
      out(r.changed ? `${u.email} is now ${role} of ${e.slug}.` : `${u.email} already was ${role} of ${e.slug}.`);
      return;
    }
    case "event revoke": {
      const [e, u] = [await eventBySlug(h, need(opts, "event")), await userByEmail(h, need(opts, "email"))];
      await revokeEventRole(h.db, null, { userId: u.id, eventId: e.id });
      out(`${u.email} no longer has a role on ${e.slug}.`);
      return;
    }
    default:
      throw new UsageError(key ? `Unknown command "${key}".` : "No command given.");
  }
}

/** `npm run cli -- user …` / `event grant|revoke …`: returns the process exit code. */
export async function accountsCommand(args: string[], err: (s: string) => void = (s) => process.stderr.write(s)): Promise<number> {
  let h: DbHandle | undefined;
  try {
    h = await openDatabase(dbOptionsFromEnv());
    await migrateDatabase(h);
    await runAccountsCli(args, h);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) err(/^(Missing|Unknown command|No command)/.test(e.message) ? `Error: ${e.message}\nUsage:\n${ACCOUNTS_USAGE}\n` : `Error: ${e.message}\n`);
    else if (e instanceof DomainError) {
      const t = translateError(e, "en"); // the CLI speaks English
      const fields = t.fieldErrors ? Object.entries(t.fieldErrors).map(([k, v]) => `  --${k}: ${v.join(" ")}`) : [];
      err([`Error: ${t.fieldErrors ? "invalid input." : t.error}`, ...fields].join("\n") + "\n");
    } else if (e instanceof DatabaseConfigError) err(`Error: ${e.message}\n`);
    else throw e;
    return 1;
  } finally {
    await h?.close();
  }
}
