import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { btn } from "@/components/ui/button";
import { DelegationDocsNav } from "@/components/delegations/docs-nav";
import { ListFrame } from "@/components/delegations/list-frame";
import { DOCS_READ } from "@/lib/delegations/docs-permissions";
import { TRAVEL_WINDOWS, travelWindow } from "@/lib/delegations/travel";
import { consolePage } from "@/lib/events/console-page";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("delegationDocs"))("travel.title") };
}

export default async function ArrivalsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { slug } = await params;
  const sp = await searchParams;
  await consolePage(slug, DOCS_READ, "delegations/arrivals");
  const t = await getTranslations("delegationDocs");
  const window = travelWindow(sp.window);
  return (
    <div className="space-y-4">
      <DelegationDocsNav slug={slug} current="arrivals" />
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t("travel.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("travel.intro")}</p>
      </div>
      <form method="get" className="no-print flex flex-wrap items-end gap-3">
        <label className="text-sm text-slate-600">
          {t("travel.window")}
          <select name="window" defaultValue={String(window)} className="mt-1 block rounded-lg border border-slate-300 px-2 py-2 text-sm">
            {TRAVEL_WINDOWS.map((w) => (
              <option key={w} value={w}>
                {t("travel.windowHours", { n: w / 60 })}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={btn.secondary}>
          {t("travel.window")} ✓
        </button>
      </form>
      <ListFrame src={`/admin/events/${slug}/delegations/arrivals/print?window=${window}`} title={t("travel.title")} />
    </div>
  );
}
