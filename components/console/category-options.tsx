import { useTranslations } from "next-intl";
import { CATEGORIES } from "@/lib/registrations/admin-validation";

/** <option>s for the delegate categories (server and client components alike). */
export function CategoryOptions() {
  const t = useTranslations("console");
  return (
    <>
      {CATEGORIES.map((c) => (
        <option key={c} value={c}>
          {t(`category.${c}`)}
        </option>
      ))}
    </>
  );
}
