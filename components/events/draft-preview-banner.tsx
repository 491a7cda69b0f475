/** The 草稿预览 banner on a draft forum's public pages, seen only by its team. */
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function DraftPreviewBanner({ slug }: { slug: string }) {
  const t = await getTranslations("publish.preview");
  return (
    <div role="status" className="no-print mb-6 flex flex-col gap-2 rounded-xl border-2 border-dashed border-amber-400 bg-amber-50 px-4 py-3 text-sm text-amber-950 sm:flex-row sm:items-center sm:justify-between" data-testid="draft-preview">
      <p>
        <strong className="mr-2 rounded bg-amber-400 px-2 py-0.5 font-bold text-amber-950">{t("badge")}</strong>
        {t("body")}
      </p>
      <Link href={`/admin/events/${slug}`} className="shrink-0 font-medium text-amber-900 underline hover:text-amber-700">
        {t("back")}
      </Link>
    </div>
  );
}
