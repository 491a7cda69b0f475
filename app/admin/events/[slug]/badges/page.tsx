import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PrintFrame } from "@/components/console/print-frame";
import { INSTALL_CHROMIUM, pdfAvailable } from "@/lib/printables/pdf";
import { CategoryOptions } from "@/components/console/category-options";
import { DELEGATE_CATEGORIES, isOneOf } from "@/lib/shared/enums";
import { consolePage } from "@/lib/events/console-page";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console"))("badges.title") };
}

export default async function BadgesPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { slug } = await params;
  const sp = await searchParams;
  await consolePage(slug, "registration.read", "badges");
  const t = await getTranslations("console");
  const size = sp.size === "single" ? "single" : "a4";
  const category = isOneOf(DELEGATE_CATEGORIES, sp.category) ? sp.category : "";
  const include = sp.include === "active" ? "active" : "confirmed";
  const qs = new URLSearchParams({ size, include, ...(category ? { category } : {}) });
  const base = `/admin/events/${slug}/badges/print?${qs}`;
  const select = "mt-1 block rounded-lg border border-slate-300 px-2 py-2 text-sm";
  return (
    <>
      <h1 className="text-2xl font-bold text-slate-900">{t("badges.title")}</h1>
      <form method="get" className="no-print my-4 flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-3 shadow-sm">
        <label className="text-sm text-slate-600">
          {t("badges.size")}
          <select name="size" defaultValue={size} className={select}>
            <option value="a4">{t("badges.a4")}</option>
            <option value="single">{t("badges.single")}</option>
          </select>
        </label>
        <label className="text-sm text-slate-600">
          {t("badges.category")}
          <select name="category" defaultValue={category} className={select}>
            <option value="">{t("badges.all")}</option>
            <CategoryOptions />
          </select>
        </label>
        <label className="text-sm text-slate-600">
          {t("badges.status")}
          <select name="include" defaultValue={include} className={select}>
            <option value="confirmed">{t("badges.confirmedOnly")}</option>
            <option value="active">{t("badges.allActive")}</option>
          </select>
        </label>
        <button type="submit" className="rounded-lg border border-slate-300 px-4 py-2 text-sm text-slate-700 hover:bg-slate-100">
          {t("badges.preview")}
        </button>
      </form>
      <PrintFrame src={base} pdfHref={`${base}&format=pdf`} printLabel={t("badges.print")} pdfLabel={t("badges.pdf")} title={t("badges.title")} pdfMissing={pdfAvailable() ? undefined : t("pdfMissing", { install: INSTALL_CHROMIUM })} />
    </>
  );
}
