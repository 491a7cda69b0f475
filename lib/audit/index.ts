/**
 * The audit log: every mutating command records who did what to which entity, a before/after summary,
 * when and from which IP. Call it with the command's transaction so the record commits (or rolls back) with the
 * change itself:
 *
 *   await db.transaction(async (tx) => {
 *     const [row] = await tx.update(events).set(input).where(...).returning();
 *     await recordAudit(tx, actor, { action: "event.edit", entity: "event", entityId: row.id, eventId: row.id, before, after: input });
 *   });
 *
 * Summaries should be small (changed fields), never passwords, hashes or tokens (keys that look like secrets are dropped).
 */
import "server-only";
import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { clientIp } from "@/lib/auth/request-info";

export type AuditEntry = {
  /** Verb-ish name, usually the permission or command: "user.disable", "event.staff.grant", "registration.approve" … */
  action: string;
  /** Table-ish noun: "user", "event", "registration", "api_token" … */
  entity: string;
  entityId?: string | null;
  eventId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Defaults to the current request's client IP (null outside a request, e.g. the CLI). */
  ip?: string | null;
};

const SECRET_KEY = /pass|hash|token|secret/i;

function summary(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.slice(0, 50).map(summary);
  if (typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (SECRET_KEY.test(k) || x === undefined) continue;
      out[k] = summary(x);
    }
    return out;
  }
  if (typeof v === "string" && v.length > 500) return `${v.slice(0, 500)}…`;
  return v;
}

/** `actor` may be null for self-service actions of someone not yet signed in (sign-up) and for the CLI. */
export async function recordAudit(tx: Db, actor: { id: string } | null, entry: AuditEntry): Promise<void> {
  await recordAudits(tx, [{ actor, entry }]);
}

/**
 * Several records in ONE insert (the registrations' group commit). A batch serves several requests: pass each
 * entry's own `ip` (read in its request), else the current request's is taken.
 */
export async function recordAudits(tx: Db, entries: { actor: { id: string } | null; entry: AuditEntry }[]): Promise<void> {
  if (!entries.length) return;
  let requestIp: string | undefined;
  const rows = [];
  for (const { actor, entry } of entries) {
    const ip = entry.ip !== undefined ? entry.ip : (requestIp ??= await clientIp());
    rows.push({
      actorId: actor?.id ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      eventId: entry.eventId ?? null,
      before: summary(entry.before),
      after: summary(entry.after),
      ip: ip === "unknown" ? null : ip,
    });
  }
  await tx.insert(auditLog).values(rows);
}
