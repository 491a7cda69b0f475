/** A list document's preview (print frame) with Print, PDF and Excel buttons; the page above sets its filters. */
import { getTranslations } from "next-intl/server";
import { btn } from "@/components/ui/button";
import { PrintFrame } from "@/components/console/print-frame";

export async function ListFrame({ src, title }: { src: string; title: string }) {
  const t = await getTranslations("delegationDocs");
  const sep = src.includes("?") ? "&" : "?";
  return (
    <div className="space-y-2">
      <a href={`${src}${sep}format=xlsx`} className={btn.secondary} data-testid="xlsx">
        {t("xlsx")}
      </a>
      <PrintFrame src={src} pdfHref={`${src}${sep}format=pdf`} printLabel={t("print")} pdfLabel={t("pdf")} title={title} />
    </div>
  );
}
