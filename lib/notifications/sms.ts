/**
 * The pluggable SMS sender (issue 10 §3). Default: the log sender (the message is marked delivered and stays in the
 * admin's mail log, like mail without SMTP). With SMS_SENDER=http (or SMS_PROVIDER_URL set): an HTTP provider, one JSON POST per message
 * `{to, text, sender}` with `Authorization: Bearer SMS_PROVIDER_TOKEN`; any non-2xx answer is a failure the outbox
 * worker retries with backoff. Documented in README ("Text messages").
 */
import { env, type Env } from "@/lib/env";

export type Sms = { to: string; text: string };
export type SmsSender = { kind: "log" | "http"; send: (m: Sms) => Promise<void> };

type SmsEnv = Partial<Pick<Env, "SMS_SENDER" | "SMS_PROVIDER_URL" | "SMS_PROVIDER_TOKEN" | "SMS_SENDER_NAME">>;

/** SMS_SENDER picks the sender (`log` | `http`); unset = `http` when SMS_PROVIDER_URL is set, else `log`. */
export function smsSenderFromEnv(e: SmsEnv = env, fetchImpl: typeof fetch = fetch): SmsSender {
  const kind = e.SMS_SENDER ?? (e.SMS_PROVIDER_URL ? "http" : "log");
  const cfg = { url: e.SMS_PROVIDER_URL || "", token: e.SMS_PROVIDER_TOKEN || "", sender: e.SMS_SENDER_NAME || "Huiwu" };
  if (kind === "log" || !cfg.url) return { kind: "log", send: async () => {} };
  return {
    kind: "http",
    send: async (m) => {
      const res = await fetchImpl(cfg.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(cfg.token ? { authorization: `Bearer ${cfg.token}` } : {}) },
        body: JSON.stringify({ to: m.to, text: m.text, sender: cfg.sender }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`SMS provider answered ${res.status}`);
    },
  };
}
