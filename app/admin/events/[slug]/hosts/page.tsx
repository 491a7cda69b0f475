import { getTranslations } from "next-intl/server";
import { HostsEditor } from "@/components/admin/hosts-editor";
import { consoleEventTree } from "@/lib/events/admin-queries";
import { consolePage } from "@/lib/events/console-page";

export const dynamic = "force-dynamic";

export default async function HostsPage({ params }: PageProps<"/admin/events/[slug]/hosts">) {
  const { slug } = await params;
  const { event: e } = await consolePage(slug, "event.edit", "hosts", consoleEventTree);
  const t = await getTranslations("admin.hosts");
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <h2 className="text-base font-semibold text-slate-900">{t("title")}</h2>
      <p className="mb-4 mt-1 text-sm text-slate-500">{t("subtitle")}</p>
      <HostsEditor
        key={e.hosts.map((h) => h.id).join()}
        eventId={e.id}
        initial={e.hosts.map((h) => ({ key: h.id, organizationId: h.organizationId, name: h.organization.name, nameEn: h.organization.nameEn ?? "", role: h.role }))}
      />
    </section>
  );
}
