/**
 * The /admin console: only site admins and people holding an organizer/staff role on some forum get in (403 page
 * for other signed-in users, sign-in for anonymous). Each page and action still checks its own, narrower permission.
 */
import { getLocale, getTranslations } from "next-intl/server";
import { AdminNav, type NavGroup } from "@/components/admin/admin-nav";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Toaster } from "@/components/ui/toast";
import { can } from "@/lib/auth/guard";
import { pageActor } from "@/lib/auth/page-guard";
import { getDb } from "@/lib/db";
import { myEvents } from "@/lib/events/admin-queries";
import type { Locale } from "@/lib/i18n/config";
import { pick } from "@/lib/i18n/format";

export const dynamic = "force-dynamic";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await pageActor("admin.access", {}, "/admin");
  const [t, locale, db] = await Promise.all([getTranslations("admin"), getLocale() as Promise<Locale>, getDb()]);
  const [forums, mayCreate, manageUsers, readAudit] = await Promise.all([
    myEvents(db, actor),
    can(actor, "event.create"),
    can(actor, "user.manage"),
    can(actor, "audit.read"),
  ]);
  const groups: NavGroup[] = [
    {
      items: [
        { href: "/admin", label: t("nav.dashboard"), exact: true, testId: "nav-dashboard" },
        ...(mayCreate ? [{ href: "/admin/events/new", label: t("nav.newEvent"), exact: true, testId: "nav-new-event" }] : []),
      ],
    },
    { title: t("nav.myEvents"), items: forums.slice(0, 8).map((f) => ({ href: `/admin/events/${f.slug}`, label: pick(locale, f.title, f.titleEn) })) },
  ];
  if (manageUsers || readAudit)
    groups.push({
      title: t("nav.siteAdmin"),
      items: [
        ...(manageUsers ? [{ href: "/admin/users", label: t("nav.users") }] : []),
        ...(readAudit ? [{ href: "/admin/audit", label: t("nav.audit") }, { href: "/admin/mail", label: t("nav.mail") }] : []),
      ],
    });
  return (
    <ClientMessages namespaces="all">
      <Toaster>
        <div data-testid="admin-console" className="mx-auto w-full max-w-[100rem] px-4 md:grid md:grid-cols-[12rem_minmax(0,1fr)] md:gap-8">
          <AdminNav groups={groups.filter((g) => g.items.length > 0)} label={t("console")} />
          <div className="min-w-0">{children}</div>
        </div>
      </Toaster>
    </ClientMessages>
  );
}
