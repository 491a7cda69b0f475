import { useTranslations } from "next-intl";
import { DELEGATE_CATEGORIES } from "@/lib/shared/enums";

/** <option>s for the delegate categories (server and client components alike). */
export function CategoryOptions() {
  const t = useTranslations("shared");
  return (
    <>
      {DELEGATE_CATEGORIES.map((c) => (
        <option key={c} value={c}>
          {t(`category.${c}`)}
        </option>
      ))}
    </>
  );
}
