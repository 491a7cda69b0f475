/**
 * `npm run cli -- event export <slug> [--include-registrations] [--out file.json]`
 * `npm run cli -- event import <file.json|-> [--as email]`
 *
 * The same bundle as GET /api/v1/events/{slug}/export and POST /api/v1/events/import. Runs against DATABASE_URL or the
 * embedded database in DATA_DIR (stop the server first in embedded mode: PGlite allows one process). Imports are
 * recorded as done by --as (default: the first site admin), who becomes the new draft forum's organizer.
 */
import fs from "node:fs";
import { asc, eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { events, users } from "@/db/schema";
import { DomainError } from "@/lib/actions/result";
import { translateError } from "@/lib/i18n/errors";
import type { Actor } from "@/lib/auth/permissions";
import { exportBundle, importBundle } from "@/lib/events/bundle";
import { dbOptionsFromEnv } from "../lib/setup";

export const EVENT_USAGE = `  event export <slug> [--include-registrations] [--out file.json]   write a forum bundle (stdout by default)
  event import <file.json|-> [--as email]                            create a new draft forum from a bundle`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function readInput(path: string): Promise<string> {
  if (path !== "-") return fs.readFileSync(path, "utf8");
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Returns the process exit code. */
export async function eventCommand(args: string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): Promise<number> {
  const [sub, target] = args;
  if ((sub !== "export" && sub !== "import") || !target) {
    err(`Usage:\n${EVENT_USAGE}\n`);
    return 2;
  }
  const h = await openDatabase(dbOptionsFromEnv());
  try {
    await migrateDatabase(h);
    if (sub === "export") {
      const [ev] = await h.db.select({ id: events.id }).from(events).where(eq(events.slug, target));
      if (!ev) {
        err(`No forum with slug "${target}".\n`);
        return 1;
      }
      const bundle = await exportBundle(h.db, ev.id, { includeRegistrations: args.includes("--include-registrations") });
      const text = `${JSON.stringify(bundle, null, 2)}\n`;
      const file = flag(args, "--out");
      if (file) {
        fs.writeFileSync(file, text);
        err(`Wrote ${file} (${bundle.sessions.length} sessions, ${bundle.people.length} people${bundle.registrations ? `, ${bundle.registrations.length} registrations` : ""}).\n`);
      } else out(text);
      return 0;
    }
    const email = flag(args, "--as")?.toLowerCase();
    const [u] = email
      ? await h.db.select().from(users).where(eq(users.email, email))
      : await h.db.select().from(users).where(eq(users.siteRole, "admin")).orderBy(asc(users.createdAt)).limit(1);
    if (!u) {
      err(email ? `No user ${email}.\n` : "No site admin to import as; pass --as email.\n");
      return 1;
    }
    let body: unknown;
    try {
      body = JSON.parse(await readInput(target));
    } catch (e) {
      err(`${target}: not JSON (${e instanceof Error ? e.message : String(e)}).\n`);
      return 1;
    }
    const actor: Actor = { id: u.id, siteRole: u.siteRole, name: u.name, email: u.email };
    const created = await importBundle(h.db, actor, body, { source: "cli" });
    out(`${created.slug}\n`);
    err(`Imported as a draft: /admin/events/${created.slug}\n`);
    return 0;
  } catch (e) {
    if (e instanceof DomainError) {
      const t = translateError(e, "en"); // the CLI speaks English
      err(`${t.error}\n`);
      for (const [k, v] of Object.entries(t.fieldErrors ?? {}).slice(0, 20)) err(`  ${k}: ${v.join("; ")}\n`);
      return 1;
    }
    throw e;
  } finally {
    await h.close();
  }
}
