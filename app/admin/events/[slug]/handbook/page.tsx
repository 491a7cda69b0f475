import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PrintFrame } from "@/components/console/print-frame";
import { INSTALL_CHROMIUM, pdfAvailable } from "@/lib/printables/pdf";
import { consolePage } from "@/lib/events/console-page";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console"))("handbook.title") };
}

export default async function HandbookPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await consolePage(slug, "registration.read", "handbook");
  const t = await getTranslations("console");
  const src = `/admin/events/${slug}/handbook/print`;
  return (
    <>
      <h1 className="text-2xl font-bold text-slate-900">{t("handbook.title")}</h1>
      <p className="mb-4 mt-1 text-sm text-slate-600">{t("handbook.previewHint")}</p>
      <PrintFrame src={src} pdfHref={`${src}?format=pdf`} printLabel={t("handbook.print")} pdfLabel={t("handbook.pdf")} title={t("handbook.title")} pdfMissing={pdfAvailable() ? undefined : t("pdfMissing", { install: INSTALL_CHROMIUM })} />
    </>
  );
}
