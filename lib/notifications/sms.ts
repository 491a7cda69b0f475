/**
 * The pluggable SMS sender (issue 10 §3). Default: the log sender (the message is marked delivered and stays in the
 * admin's mail log, like mail without SMTP). With SMS_PROVIDER_URL set: an HTTP provider, one JSON POST per message
 * `{to, text, sender}` with `Authorization: Bearer SMS_PROVIDER_TOKEN`; any non-2xx answer is a failure the outbox
 * worker retries with backoff. Documented in README ("Text messages").
 */
export type Sms = { to: string; text: string };
export type SmsSender = { kind: "log" | "http"; send: (m: Sms) => Promise<void> };

/** Reads the SMS variables; moves to lib/env.ts once that module is on main (it pre-declares them). */
function smsEnv(env: NodeJS.ProcessEnv) {
  return { url: env.SMS_PROVIDER_URL || "", token: env.SMS_PROVIDER_TOKEN || "", sender: env.SMS_SENDER || "Huiwu" };
}

export function smsSenderFromEnv(env: NodeJS.ProcessEnv = process.env, fetchImpl: typeof fetch = fetch): SmsSender {
  const cfg = smsEnv(env);
  if (!cfg.url) return { kind: "log", send: async () => {} };
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
