/**
 * The outbox worker: a loop in the server process that delivers notifications written to `outbox` by
 * the commands. With SMTP_URL set it sends through nodemailer; without it each message is marked delivered to the
 * mail log (the admin's /admin/mail page), so nothing is ever lost silently. Failures are retried with exponential
 * backoff; after MAX_ATTEMPTS a message is marked failed and stays visible in the mail log.
 *
 * Safe with several instances on one Postgres: rows are claimed with FOR UPDATE SKIP LOCKED and leased (their next
 * attempt pushed into the future) before delivery, so two workers never send the same message at once.
 * It also enqueues the day-before reminders.
 */
import "server-only";
import { and, asc, eq, gt, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events, outbox, registrations, users } from "@/db/schema";
import { logger } from "@/lib/log";
import { enqueueRegistrationMail } from "@/lib/registrations/notify";
import { env, type Env } from "@/lib/env";
import { smsSenderFromEnv, type SmsSender } from "./sms";

export const MAX_ATTEMPTS = 8;
const LEASE_MS = 5 * 60_000;

export type Mail = { to: string; subject: string; text: string };
/** Mail transport, plus the SMS sender for rows with channel = sms (log sender when absent). */
export type Transport = { kind: "smtp" | "log"; send: (m: Mail) => Promise<void>; sms?: SmsSender };

/** 1 min, 2, 4 … capped at 6 h. */
export function backoffMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);
}

export async function transportFromEnv(cfg: Partial<Pick<Env, "SMTP_URL" | "MAIL_FROM">> = env): Promise<Transport> {
  const sms = smsSenderFromEnv();
  if (!cfg.SMTP_URL) return { kind: "log", send: async () => {}, sms };
  const nodemailer = await import("nodemailer");
  const t = nodemailer.createTransport(cfg.SMTP_URL);
  const from = cfg.MAIL_FROM || env.MAIL_FROM;
  return { kind: "smtp", send: async (m) => void (await t.sendMail({ from, to: m.to, subject: m.subject, text: m.text })), sms };
}

/** Claim up to `batch` due messages, deliver them, record the outcome. Returns how many were sent / failed. */
export async function deliverDue(db: Db, transport: Transport, opts: { batch?: number; now?: Date } = {}) {
  const now = opts.now ?? new Date();
  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(outbox)
      .where(and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, now)))
      .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
      .limit(opts.batch ?? 20)
      .for("update", { skipLocked: true });
    if (due.length) {
      await tx
        .update(outbox)
        .set({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
        .where(inArray(outbox.id, due.map((d) => d.id)));
    }
    return due.map((d) => ({ ...d, attempts: d.attempts + 1 }));
  });
  let sent = 0;
  let failed = 0;
  // Messages "delivered" to the mail log are marked sent together, in one statement per batch (a registration rush
  // enqueues hundreds); a message that really left (SMTP, an SMS gateway) is marked right after it, so a crash
  // between the two can never send it again.
  const logged: number[] = [];
  for (const m of claimed) {
    try {
      let via: string = transport.kind;
      if (m.channel === "sms") {
        const sms = transport.sms ?? smsSenderFromEnv({ SMS_SENDER: "log" });
        await sms.send({ to: m.toPhone ?? "", text: m.body });
        via = `sms-${sms.kind}`;
      } else await transport.send({ to: m.toEmail ?? "", subject: m.subject, text: m.body });
      if (via === "log") logged.push(m.id);
      else await db.update(outbox).set({ status: "sent", sentAt: new Date(), lastError: null, deliveredVia: via }).where(eq(outbox.id, m.id));
      sent++;
    } catch (e) {
      failed++;
      const giveUp = m.attempts >= MAX_ATTEMPTS;
      const message = (e instanceof Error ? e.message : String(e)).slice(0, 500);
      await db
        .update(outbox)
        .set({ status: giveUp ? "failed" : "pending", lastError: message, nextAttemptAt: new Date(Date.now() + backoffMs(m.attempts)) })
        .where(eq(outbox.id, m.id));
      logger.warn({ outboxId: m.id, attempts: m.attempts, giveUp, error: message }, "mail delivery failed");
    }
  }
  if (logged.length) await db.update(outbox).set({ status: "sent", sentAt: new Date(), lastError: null, deliveredVia: "log" }).where(inArray(outbox.id, logged));
  return { sent, failed };
}

const REMINDER_LOCK = 7283411;

/** Day-before reminders: every confirmed delegate of a forum starting within the next 24 hours, once. */
export async function enqueueReminders(db: Db, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${REMINDER_LOCK})`);
    const rows = await tx
      .select({ r: registrations, e: events, locale: users.locale })
      .from(registrations)
      .innerJoin(events, eq(events.id, registrations.eventId))
      .leftJoin(users, eq(users.id, registrations.userId))
      .where(
        and(
          eq(registrations.status, "confirmed"),
          eq(events.status, "published"),
          gt(events.startsAt, now),
          lte(events.startsAt, new Date(now.getTime() + 24 * 3600_000)),
          sql`not exists (select 1 from ${outbox} o where o.registration_id = ${registrations.id} and o.kind = 'registration.reminder')`,
        ),
      );
    for (const { r, e, locale } of rows) await enqueueRegistrationMail(tx, "reminder", { ...r, locale }, e);
    return rows.length;
  });
}

type WorkerState = { timer?: NodeJS.Timeout; running?: boolean };
const g = globalThis as unknown as { __huiwuOutbox?: WorkerState };

/** Start the loop once per process (every OUTBOX_INTERVAL_MS, default 5 s). */
export function startOutboxWorker(getDb: () => Promise<Db>, intervalMs = env.OUTBOX_INTERVAL_MS) {
  if (g.__huiwuOutbox?.timer) return;
  const state: WorkerState = {};
  g.__huiwuOutbox = state;
  let transport: Transport | undefined;
  let lastReminderRun = 0;
  const tick = async () => {
    if (state.running) return;
    state.running = true;
    try {
      const db = await getDb();
      transport ??= await transportFromEnv();
      if (Date.now() - lastReminderRun > 10 * 60_000) {
        lastReminderRun = Date.now();
        await enqueueReminders(db);
      }
      for (let i = 0; i < 10; i++) {
        const { sent, failed } = await deliverDue(db, transport);
        if (sent + failed === 0) break;
      }
    } catch (e) {
      logger.error({ err: e instanceof Error ? { message: e.message, stack: e.stack } : String(e) }, "outbox worker tick failed");
    } finally {
      state.running = false;
    }
  };
  state.timer = setInterval(tick, intervalMs);
  state.timer.unref();
  setTimeout(tick, 1000).unref();
}
