"use client";
/** Tabs of one forum's console; a scrollable row on a phone. */
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

export function EventTabs({ base, tabs, label }: { base: string; tabs: { seg: string; label: string }[]; label: string }) {
  const path = usePathname();
  return (
    <nav aria-label={label} className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0" data-testid="event-tabs">
      <ul className="flex min-w-max gap-1 border-b border-slate-200">
        {tabs.map((tab) => {
          const href = tab.seg ? `${base}/${tab.seg}` : base;
          const active = tab.seg ? path === href || path.startsWith(`${href}/`) : path === base;
          return (
            <li key={tab.seg || "overview"}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                data-testid={`tab-${tab.seg || "overview"}`}
                className={cn(
                  "-mb-px block whitespace-nowrap border-b-2 px-3 py-2 text-sm",
                  active ? "border-brand-700 font-medium text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900",
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
