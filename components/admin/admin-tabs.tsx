import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cn } from "@/lib/cn";

/** Tabs between the site-admin pages (users, audit log). */
export async function AdminTabs({ current }: { current: "users" | "audit" }) {
  const t = await getTranslations("auth.admin.nav");
  const tab = (key: "users" | "audit", href: string) => (
    <Link
      href={href}
      aria-current={current === key ? "page" : undefined}
      className={cn(
        "rounded-md px-3 py-1.5 text-sm font-medium",
        current === key ? "bg-brand-700 text-white" : "text-slate-700 hover:bg-slate-100",
      )}
    >
      {t(key)}
    </Link>
  );
  return (
    <nav aria-label="admin" className="mb-5 flex gap-1">
      {tab("users", "/admin/users")}
      {tab("audit", "/admin/audit")}
    </nav>
  );
}
