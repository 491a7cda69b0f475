import { getTranslations } from "next-intl/server";
import { QuestionsEditor, RegistrationSettingsForm } from "@/components/admin/registration-settings";
import { consoleEventTree } from "@/lib/events/admin-queries";
import { dateToZoned } from "@/lib/events/zoned";
import { consolePage } from "@/lib/events/console-page";

export const dynamic = "force-dynamic";

export default async function SettingsPage({ params }: PageProps<"/admin/events/[slug]/settings">) {
  const { slug } = await params;
  const { event: e } = await consolePage(slug, "event.edit", "settings", consoleEventTree);
  const t = await getTranslations("admin.settings");
  const tz = e.timezone;
  return (
    <div className="space-y-6">
      <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
        <h2 className="mb-4 text-base font-semibold text-slate-900">{t("title")}</h2>
        <RegistrationSettingsForm
          eventId={e.id}
          initial={{
            capacity: e.capacity == null ? "" : String(e.capacity),
            opensAt: e.registrationOpensAt ? dateToZoned(e.registrationOpensAt, tz) : "",
            closesAt: e.registrationClosesAt ? dateToZoned(e.registrationClosesAt, tz) : "",
            requiresApproval: e.requiresApproval,
            waitlistEnabled: e.waitlistEnabled,
            timezone: tz,
          }}
        />
      </section>
      <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
        <h2 className="text-base font-semibold text-slate-900">{t("questions")}</h2>
        <p className="mb-4 mt-1 text-sm text-slate-500">{t("questionsHint")}</p>
        <QuestionsEditor
          key={e.questions.map((q) => q.id).join()}
          eventId={e.id}
          initial={e.questions.map((q) => ({ key: q.id, id: q.id, label: q.label, labelEn: q.labelEn ?? "", kind: q.kind, options: q.options.join("\n"), required: q.required }))}
        />
      </section>
    </div>
  );
}
