import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";

/**
 * On the English UI, a forum without an English title does not offer English (the same rule as the publish
 * checklist): say so once, so visitors know why the content below is in Chinese.
 */
export async function ChineseOnlyNote({ locale, titleEn }: { locale: Locale; titleEn: string | null | undefined }) {
  if (locale !== "en" || titleEn) return null;
  const t = await getTranslations("events");
  return (
    <p className="rounded-lg border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900" role="note" data-testid="chinese-only">
      {t("chineseOnly")}
    </p>
  );
}
