import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { pageActor } from "@/lib/auth/page-guard";
import { getDb } from "@/lib/db";
import { mailLog } from "@/lib/notifications/queries";
import { dateFormat } from "@/lib/i18n/format";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("registration.mailLog"))("title"), robots: { index: false } };
}

const fmt = (d: Date | null) => (d ? dateFormat("en-CA", { dateStyle: "short", timeStyle: "medium", timeZone: "Asia/Shanghai", hourCycle: "h23" }).format(d) : "—");

/** Admin: the mail log — every notification in the outbox with its delivery state. */
export default async function MailLogPage() {
  await pageActor("user.manage", {}, "/admin/mail");
  const [rows, t] = await Promise.all([getDb().then((db) => mailLog(db)), getTranslations("registration.mailLog")]);
  const smtp = !!env.SMTP_URL;
  return (
    <div>
      <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      <p className="mt-2 text-sm font-medium text-slate-700" data-testid="smtp-state">
        {smtp ? t("smtpOn") : t("smtpOff")}
      </p>
      {rows.length === 0 ? (
        <p className="mt-6 text-slate-500">{t("empty")}</p>
      ) : (
        <ul className="mt-6 space-y-3" data-testid="mail-log">
          {rows.map((m) => (
            <li key={m.id} className="rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm">
              <details>
                <summary className="cursor-pointer list-none">
                  <div className="flex flex-wrap items-center gap-2">
                    {m.status === "sent" && (m.deliveredVia === "log" || m.deliveredVia === "sms-log") ? (
                      <Badge tone="slate">{t("statusValue.logged")}</Badge>
                    ) : (
                      <Badge tone={m.status === "sent" ? "green" : m.status === "failed" ? "red" : "amber"}>{t(`statusValue.${m.status}`)}</Badge>
                    )}
                    <span className="font-mono text-xs text-slate-500">{m.kind}</span>
                    <span className="ml-auto text-xs text-slate-500">{fmt(m.createdAt)}</span>
                  </div>
                  <p className="mt-1 font-medium text-slate-900">{m.subject}</p>
                  <p className="text-slate-600">
                    {t("to")}: {m.toEmail ?? m.toPhone} · {t("attempts")}: {m.attempts}
                  </p>
                </summary>
                <pre className="mt-3 whitespace-pre-wrap rounded-lg bg-slate-50 p-3 font-sans text-slate-800">{m.body}</pre>
                {m.lastError && (
                  <p className="mt-2 text-red-700">
                    {t("error")}: {m.lastError}
                  </p>
                )}
              </details>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
