import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { UserControls } from "@/components/admin/user-controls";
import { inputCls } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { listUsers, USER_ROLE_FILTERS, type UserFilter } from "@/lib/accounts/admin";
import { pageActor } from "@/lib/auth/page-guard";
import { cn } from "@/lib/cn";
import { getDb } from "@/lib/db";
import { pageNumberParam } from "@/lib/http/params";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.admin.users"))("title") };
}

export default async function AdminUsersPage({ searchParams }: PageProps<"/admin/users">) {
  const actor = await pageActor("user.manage", {}, "/admin/users");
  const sp = await searchParams;
  const q = typeof sp.q === "string" ? sp.q.slice(0, 100) : "";
  const role = USER_ROLE_FILTERS.find((r) => r === sp.role);
  const page = pageNumberParam().parse(sp.page); // malformed or out of range → page 1 (lib/http/params.ts)
  const filter: UserFilter = { q: q || undefined, role, page };
  const db = await getDb();
  const [list, t, f] = await Promise.all([listUsers(db, filter), getTranslations("auth.admin.users"), getFormatter()]);
  const ts = await getTranslations("shared");
  const href = (p: number) => `/admin/users?${new URLSearchParams({ ...(q ? { q } : {}), ...(role ? { role } : {}), page: String(p) })}`;
  return (
    <div>
      <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
      <p className="mt-1 max-w-2xl text-sm text-slate-600">{t("intro")}</p>
      <form className="mt-5 flex flex-col gap-2 sm:flex-row" role="search">
        <input name="q" defaultValue={q} placeholder={t("search")} aria-label={t("search")} className={cn(inputCls, "sm:max-w-xs")} data-testid="user-search" />
        <select name="role" defaultValue={role ?? ""} aria-label={t("filter")} className={cn(inputCls, "sm:w-44")}>
          <option value="">{t("filters.all")}</option>
          {USER_ROLE_FILTERS.map((r) => (
            <option key={r} value={r}>
              {t(`filters.${r}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-600">
          {t("apply")}
        </button>
      </form>
      <p className="mt-4 text-sm text-slate-500">{t("total", { n: list.total })}</p>
      {list.users.length === 0 ? (
        <p className="mt-6 text-slate-500">{t("none")}</p>
      ) : (
        <ul className="mt-3 space-y-3" data-testid="user-list">
          {list.users.map((u) => (
            <li key={u.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="user-row" data-email={u.email}>
              <div className="flex flex-wrap items-start gap-3">
                <span aria-hidden className="flex h-10 w-10 shrink-0 items-center justify-center rounded-full bg-slate-100 font-bold text-slate-600">
                  {[...u.name][0]?.toUpperCase()}
                </span>
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-semibold text-slate-900">{u.name}</span>
                    {u.id === actor.id ? <span className="text-xs text-slate-500">({t("you")})</span> : null}
                    <Badge tone={u.siteRole === "admin" ? "violet" : "slate"}>{ts(`siteRole.${u.siteRole}`)}</Badge>
                    {u.disabledAt ? <Badge tone="red">{t("disabled")}</Badge> : null}
                  </div>
                  <div className="truncate text-sm text-slate-600">{u.email}</div>
                  <div className="text-xs text-slate-500">
                    {[u.organization, f.dateTime(u.createdAt, { year: "numeric", month: "2-digit", day: "2-digit" })].filter(Boolean).join(" · ")}
                  </div>
                </div>
              </div>
              <div className="mt-3 sm:pl-13">
                <UserControls
                  user={{
                    id: u.id,
                    name: u.name,
                    siteRole: u.siteRole,
                    disabled: Boolean(u.disabledAt),
                    isSelf: u.id === actor.id,
                    eventRoles: u.eventRoles.map((r) => ({ eventId: r.eventId, role: r.role, title: r.title, slug: r.slug })),
                  }}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
      {list.pages > 1 ? (
        <nav className="mt-6 flex items-center justify-between text-sm" aria-label="pagination">
          {list.page > 1 ? <Link href={href(list.page - 1)} className="text-brand-700 hover:underline">← {t("prev")}</Link> : <span />}
          <span className="text-slate-500">{t("page", { page: list.page, pages: list.pages })}</span>
          {list.page < list.pages ? <Link href={href(list.page + 1)} className="text-brand-700 hover:underline">{t("next")} →</Link> : <span />}
        </nav>
      ) : null}
    </div>
  );
}
