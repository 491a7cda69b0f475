import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DelegationDocsNav } from "@/components/delegations/docs-nav";
import { ListFrame } from "@/components/delegations/list-frame";
import { DOCS_READ } from "@/lib/delegations/docs-permissions";
import { consolePage } from "@/lib/events/console-page";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("delegationDocs"))("roster.title") };
}

/** The roster (参会名单): preview, print, PDF and XLSX of the one grouped table the print route renders. */
export default async function RosterPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await consolePage(slug, DOCS_READ, "delegations/roster");
  const t = await getTranslations("delegationDocs");
  return (
    <div className="space-y-4">
      <DelegationDocsNav slug={slug} current="roster" />
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t("roster.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("roster.intro")}</p>
      </div>
      <ListFrame src={`/admin/events/${slug}/delegations/roster/print`} title={t("roster.title")} />
    </div>
  );
}
