import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cn } from "@/lib/cn";

export type ConsoleTab = "registrations" | "checkin" | "badges" | "handbook";

/** Heading of the run-the-day pages of one forum: its title and tabs between registrations, desk and printables. */
export async function EventTabs({ slug, title, active, tabs }: { slug: string; title: string; active: ConsoleTab; tabs: ConsoleTab[] }) {
  const t = await getTranslations("console");
  return (
    <div className="no-print mb-5">
      <p className="truncate text-sm text-slate-500" data-testid="console-event-title">
        {title}
      </p>
      <nav aria-label={t(`tabs.${active}`)} className="mt-2 flex gap-1 overflow-x-auto border-b border-slate-200">
        {tabs.map((tab) => (
          <Link
            key={tab}
            href={`/admin/events/${slug}/${tab}`}
            aria-current={tab === active ? "page" : undefined}
            className={cn(
              "-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium",
              tab === active ? "border-brand-700 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900",
            )}
          >
            {t(`tabs.${tab}`)}
          </Link>
        ))}
      </nav>
    </div>
  );
}
