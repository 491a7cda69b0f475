import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import { Localized } from "@/components/ui/localized";
import type { PublicEventDetail } from "@/lib/events/queries";
import { HOST_ROLES } from "@/lib/shared/enums";


/** Co-hosting organizations grouped by role (主办 / 联合主办 / 承办 …), each group in its set order. */
export async function HostList({ hosts }: { hosts: PublicEventDetail["hosts"] }) {
  const t = await getTranslations("shared.hostRole");
  const locale = (await getLocale()) as Locale;
  const groups = HOST_ROLES.map((role) => ({ role, items: hosts.filter((h) => h.role === role) })).filter((g) => g.items.length);
  return (
    <dl className="space-y-3" data-testid="hosts">
      {groups.map((g) => (
        <div key={g.role} className="sm:flex sm:gap-4">
          <dt className="w-24 shrink-0 text-sm font-medium text-slate-500">{t(g.role)}</dt>
          <dd>
            <ul className="flex flex-wrap gap-x-4 gap-y-1 text-slate-900">
              {g.items.map((h) => (
                <li key={h.id}>
                  <Localized locale={locale} zh={h.organization.name} en={h.organization.nameEn} />
                </li>
              ))}
            </ul>
          </dd>
        </div>
      ))}
    </dl>
  );
}
