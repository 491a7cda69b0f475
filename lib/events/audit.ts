/** Audit hook of the forum editor: forwards to the audit log (lib/audit) inside the command's transaction. */
import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit";

export type EditorAudit = { action: string; entity: string; entityId?: string | null; eventId?: string | null; before?: unknown; after?: unknown };

export async function audit(tx: Db, actor: Actor | null, entry: EditorAudit): Promise<void> {
  await recordAudit(tx, actor, entry);
}
