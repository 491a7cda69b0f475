/** The mail log (admin): every outbox message, newest first. */
import "server-only";
import { desc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { outbox } from "@/db/schema";

export async function mailLog(db: Db, limit = 200) {
  return db
    .select({
      id: outbox.id,
      kind: outbox.kind,
      channel: outbox.channel,
      toEmail: outbox.toEmail,
      toPhone: outbox.toPhone,
      subject: outbox.subject,
      body: outbox.body,
      status: outbox.status,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
    })
    .from(outbox)
    .orderBy(desc(outbox.id))
    .limit(limit);
}
