import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { CloneForm } from "@/components/admin/clone-form";
import { EventForm } from "@/components/admin/event-form";
import { pageActor } from "@/lib/auth/page-guard";
import { getDb } from "@/lib/db";
import { cloneSources } from "@/lib/events/admin-queries";
import type { Locale } from "@/lib/i18n/config";
import { formatDate, pick } from "@/lib/i18n/format";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.form"))("newTitle") };
}

export default async function NewEventPage({ searchParams }: PageProps<"/admin/events/new">) {
  const actor = await pageActor("event.create", {}, "/admin/events/new");
  const [t, tc, locale, db, sp] = await Promise.all([getTranslations("admin.form"), getTranslations("admin.clone"), getLocale() as Promise<Locale>, getDb(), searchParams]);
  const sources = (await cloneSources(db, actor)).map((s) => ({ id: s.id, label: `${pick(locale, s.title, s.titleEn)} · ${formatDate(s.startsAt, s.timezone, locale)}` }));
  const from = typeof sp.from === "string" ? sp.from : undefined;
  return (
    <div className="space-y-8">
      <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <h1 className="text-2xl font-bold text-slate-900">{t("newTitle")}</h1>
        <p className="mb-5 mt-1 text-sm text-slate-500">{t("newSubtitle")}</p>
        <EventForm
          initial={{ title: "", titleEn: "", summary: "", summaryEn: "", audience: "", audienceEn: "", startsAt: "", endsAt: "", timezone: "Asia/Shanghai", venueName: "", venueNameEn: "", venueAddress: "", venueAddressEn: "", city: "", cityEn: "" }}
        />
      </section>
      {sources.length > 0 ? (
        <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6" id="clone">
          <h2 className="text-lg font-semibold text-slate-900">{tc("title")}</h2>
          <p className="mb-4 mt-1 text-sm text-slate-500">{tc("subtitle")}</p>
          <CloneForm sources={sources} defaultSource={from} />
        </section>
      ) : null}
    </div>
  );
}
