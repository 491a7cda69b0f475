"use client";
/**
 * Tabs of one forum's console. From a tablet up they wrap onto as many lines as they need, so no tab is ever hidden
 * (the English labels are long). On a phone they form one scrolling row: the active tab is scrolled into view and a
 * fade with an arrow on either edge shows that more tabs lie that way.
 */
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { cn } from "@/lib/cn";

export function EventTabs({ base, tabs, label }: { base: string; tabs: { seg: string; label: string }[]; label: string }) {
  const path = usePathname();
  const row = useRef<HTMLUListElement>(null);
  const [more, setMore] = useState({ left: false, right: false });
  const measure = useCallback(() => {
    const el = row.current;
    if (!el) return;
    setMore({ left: el.scrollLeft > 4, right: el.scrollLeft + el.clientWidth < el.scrollWidth - 4 });
  }, []);
  useEffect(() => {
    const el = row.current;
    if (!el) return;
    el.querySelector<HTMLElement>('[aria-current="page"]')?.scrollIntoView({ block: "nearest", inline: "center" });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [path, measure]);
  return (
    <nav aria-label={label} className="relative -mx-4 border-b border-slate-200 sm:mx-0" data-testid="event-tabs">
      <ul ref={row} onScroll={measure} className="flex gap-1 overflow-x-auto px-4 [scrollbar-width:none] sm:flex-wrap sm:overflow-visible sm:px-0">
        {tabs.map((tab) => {
          const href = tab.seg ? `${base}/${tab.seg}` : base;
          const active = tab.seg ? path === href || path.startsWith(`${href}/`) : path === base;
          return (
            <li key={tab.seg || "overview"} className="shrink-0">
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
      {more.left ? (
        <span aria-hidden className="pointer-events-none absolute inset-y-0 left-0 flex w-10 items-center bg-gradient-to-r from-slate-50 via-slate-50/90 to-transparent pl-1 text-slate-500 sm:hidden">
          ‹
        </span>
      ) : null}
      {more.right ? (
        <span aria-hidden className="pointer-events-none absolute inset-y-0 right-0 flex w-10 items-center justify-end bg-gradient-to-l from-slate-50 via-slate-50/90 to-transparent pr-1 text-slate-500 sm:hidden" data-testid="tabs-more">
          ›
        </span>
      ) : null}
    </nav>
  );
}
