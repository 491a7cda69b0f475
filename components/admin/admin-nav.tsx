"use client";
/** The console's navigation: a sidebar on wide screens, a scrollable row of pills on a phone. Highlights the current page. */
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

export type NavItem = { href: string; label: string; testId?: string; exact?: boolean };
export type NavGroup = { title?: string; items: NavItem[] };

export function AdminNav({ groups, label }: { groups: NavGroup[]; label: string }) {
  const path = usePathname();
  const active = (i: NavItem) => (i.exact ? path === i.href : path === i.href || path.startsWith(`${i.href}/`));
  return (
    <nav aria-label={label} className="-mx-4 mb-4 border-b border-slate-200 px-4 pb-3 md:mx-0 md:mb-0 md:border-b-0 md:px-0" data-testid="admin-nav">
      <div className="flex gap-2 overflow-x-auto md:flex-col md:gap-5 md:overflow-visible">
        {groups.map((g, gi) => (
          <div key={gi} className="flex shrink-0 gap-2 md:flex-col md:gap-0.5">
            {g.title ? <p className="hidden px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-500 md:block">{g.title}</p> : null}
            {g.items.map((i) => (
              <Link
                key={i.href}
                href={i.href}
                data-testid={i.testId}
                aria-current={active(i) ? "page" : undefined}
                className={cn(
                  "shrink-0 whitespace-nowrap rounded-full px-3 py-1.5 text-sm md:truncate md:rounded-lg",
                  active(i) ? "bg-brand-700 font-medium text-white" : "bg-white text-slate-700 ring-1 ring-slate-200 hover:bg-slate-100 md:bg-transparent md:ring-0",
                )}
              >
                {i.label}
              </Link>
            ))}
          </div>
        ))}
      </div>
    </nav>
  );
}
