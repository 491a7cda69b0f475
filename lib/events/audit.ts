/** Audit hook of the forum editor: one place that forwards to the audit log (lib/audit) inside the command's tx. */
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/permissions";

export type EditorAudit = { action: string; entity: string; entityId?: string | null; eventId?: string | null; before?: unknown; after?: unknown };

export async function audit(_tx: Db, _actor: Actor | null, _entry: EditorAudit): Promise<void> {
  // Wired to recordAudit once lib/audit lands.
}
