import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { inputCls } from "@/components/ui/button";
import { auditEntities, auditEntries, eventChoices, type AuditFilter } from "@/lib/accounts/admin";
import { auditT, describeAction, describeChanges, type AuditT } from "@/lib/audit/describe";
import { pageActor } from "@/lib/auth/page-guard";
import { cn } from "@/lib/cn";
import { getDb } from "@/lib/db";
import { isUuid } from "@/lib/shared/uuid";
import { idCursorParam, isoDayParam } from "@/lib/http/params";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.admin.audit"))("title") };
}

const str = (v: string | string[] | undefined, max = 100) => (typeof v === "string" ? v.trim().slice(0, max) : "");
const day = (v: string) => isoDayParam.parse(v) ?? ""; // not a real calendar day → no filter (lib/http/params.ts)

export default async function AuditPage({ searchParams }: PageProps<"/admin/audit">) {
  await pageActor("audit.read", {}, "/admin/audit");
  const sp = await searchParams;
  const v = { action: str(sp.action), entity: str(sp.entity), actor: str(sp.actor), event: str(sp.event), from: day(str(sp.from)), to: day(str(sp.to)) };
  const before = idCursorParam.parse(sp.before);
  // Dates are days in the site's zone (Asia/Shanghai, like the rest of the console).
  const filter: AuditFilter = {
    action: v.action || undefined,
    entity: v.entity || undefined,
    actor: v.actor || undefined,
    eventId: isUuid(v.event) ? v.event : undefined,
    from: v.from ? new Date(`${v.from}T00:00:00+08:00`) : undefined,
    to: v.to ? new Date(new Date(`${v.to}T00:00:00+08:00`).getTime() + 24 * 3600 * 1000) : undefined,
    before,
  };
  const db = await getDb();
  const [{ entries, nextBefore }, entities, events, t, f] = await Promise.all([
    auditEntries(db, filter),
    auditEntities(db),
    eventChoices(db),
    getTranslations("auth.admin.audit"),
    getFormatter(),
  ]);
  const ta = auditT((await getTranslations("audit")) as unknown as AuditT, (await getTranslations("shared")) as unknown as AuditT);
  const when = (d: Date) => f.dateTime(d, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
  const params = Object.fromEntries(Object.entries(v).filter(([, x]) => x));
  const field = (name: keyof typeof v, label: string, type = "text") => (
    <label className="text-xs font-medium text-slate-600">
      {label}
      <input name={name} type={type} defaultValue={v[name]} className={cn(inputCls, "mt-1")} />
    </label>
  );
  return (
    <div>
      <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      <form className="mt-5 grid gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6" data-testid="audit-filter">
        {field("action", t("action"))}
        <label className="text-xs font-medium text-slate-600">
          {t("entity")}
          <select name="entity" defaultValue={v.entity} className={cn(inputCls, "mt-1")}>
            <option value="">{t("anyEntity")}</option>
            {entities.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
        </label>
        {field("actor", t("actor"))}
        <label className="text-xs font-medium text-slate-600">
          {t("event")}
          <select name="event" defaultValue={v.event} className={cn(inputCls, "mt-1")}>
            <option value="">{t("anyEvent")}</option>
            {events.map((e) => (
              <option key={e.id} value={e.id}>
                {e.title}
              </option>
            ))}
          </select>
        </label>
        {field("from", t("from"), "date")}
        {field("to", t("to"), "date")}
        <div className="flex gap-2 sm:col-span-3 lg:col-span-6">
          <button type="submit" className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-600">
            {t("apply")}
          </button>
          <Link href="/admin/audit" className="rounded-lg px-4 py-2 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50">
            {t("reset")}
          </Link>
        </div>
      </form>
      {entries.length === 0 ? (
        <p className="mt-6 text-slate-500">{t("none")}</p>
      ) : (
        <div className="mt-4 overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full min-w-[40rem] text-left text-sm" data-testid="audit-table">
            <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-3 py-2 font-medium">{t("time")}</th>
                <th className="px-3 py-2 font-medium">{t("who")}</th>
                <th className="px-3 py-2 font-medium">{t("action")}</th>
                <th className="px-3 py-2 font-medium">{t("entity")}</th>
                <th className="px-3 py-2 font-medium">{t("change")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {entries.map((e) => (
                <tr key={e.id} className="align-top" data-testid="audit-row">
                  <td className="whitespace-nowrap px-3 py-2 text-slate-600">
                    {f.dateTime(e.at, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })}
                    <div className="font-mono text-xs text-slate-500">
                      {t("ip")} {e.ip ?? "—"}
                    </div>
                  </td>
                  <td className="px-3 py-2">
                    {e.actorEmail ? (
                      <>
                        <div className="font-medium text-slate-900">{e.actorName}</div>
                        <div className="text-xs text-slate-500">{e.actorEmail}</div>
                      </>
                    ) : (
                      <span className="text-slate-500">{t("system")}</span>
                    )}
                  </td>
                  <td className="px-3 py-2">
                    <div className="font-medium text-slate-900" data-testid="audit-action">
                      {describeAction(ta, e.action)}
                    </div>
                    <div className="font-mono text-[11px] text-slate-500">{e.action}</div>
                  </td>
                  <td className="px-3 py-2 text-xs text-slate-600">
                    {e.entity}
                    {e.eventSlug ? <div className="text-slate-500">{e.eventSlug}</div> : null}
                  </td>
                  <td className="min-w-[16rem] px-3 py-2 text-xs text-slate-700">
                    <ul className="space-y-0.5" data-testid="audit-changes">
                      {describeChanges(ta, e.before, e.after, when).map((c, i) => (
                        <li key={i} className="break-words">
                          <span className="mr-1 text-slate-500">{c.field}</span>
                          {c.before !== null && c.after !== null ? (
                            <>
                              <del className="text-slate-500 decoration-slate-400">{c.before}</del> <span aria-hidden>→</span> <ins className="font-medium text-slate-900 no-underline">{c.after}</ins>
                            </>
                          ) : c.after !== null ? (
                            <ins className="font-medium text-slate-900 no-underline">{c.after}</ins>
                          ) : (
                            <del className="text-slate-500">{c.before ?? ta("change.none")}</del>
                          )}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="mt-4 flex justify-between text-sm">
        {before ? (
          <Link href={`/admin/audit?${new URLSearchParams(params)}`} className="text-brand-700 hover:underline">
            {t("newest")}
          </Link>
        ) : (
          <span />
        )}
        {nextBefore ? (
          <Link href={`/admin/audit?${new URLSearchParams({ ...params, before: String(nextBefore) })}`} className="text-brand-700 hover:underline" data-testid="audit-older">
            {t("older")}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
