/**
 * Links to the delegation documents (notice, roster, pickup schedule, hotels): the delegations console page renders
 * it, and each document page shows it on top, so the organizer moves between them in one click.
 */
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cn } from "@/lib/cn";

export const DOC_PAGES = ["notice", "roster", "arrivals", "hotels"] as const;
export type DocPage = (typeof DOC_PAGES)[number];

export async function DelegationDocsNav({ slug, current }: { slug: string; current?: DocPage }) {
  const t = await getTranslations("delegationDocs.nav");
  return (
    <nav aria-label={t("label")} className="no-print flex flex-wrap items-center gap-2 text-sm" data-testid="delegation-docs-nav">
      <span className="text-slate-500">{t("label")}:</span>
      {DOC_PAGES.map((p) => (
        <Link
          key={p}
          href={`/admin/events/${slug}/delegations/${p}`}
          aria-current={current === p ? "page" : undefined}
          className={cn("rounded-full border px-3 py-1", current === p ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100")}
        >
          {t(p)}
        </Link>
      ))}
    </nav>
  );
}
