"use client";
/** Clone an earlier forum into a new draft, with or without its speakers, optionally on new dates. */
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { cloneEventAction } from "@/lib/events/actions";
import { CheckField, SelectField, TextField } from "@/components/ui/field";
import { formObject, SubmitButton } from "@/components/ui/form";
import { useAct } from "./use-action";

export function CloneForm({ sources, defaultSource }: { sources: { id: string; label: string }[]; defaultSource?: string }) {
  const t = useTranslations("admin.clone");
  const tt = useTranslations("admin.toast");
  const router = useRouter();
  const { act, pending, err } = useAct();
  if (sources.length === 0) return null;
  return (
    <form
      data-testid="clone-form"
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const data = formObject(e.currentTarget);
        void act(() => cloneEventAction(data), { success: tt("cloned"), refresh: false, onOk: (d) => d && router.push(`/admin/events/${d.slug}`) });
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField idPrefix="clone" label={t("source")} name="sourceEventId" options={sources.map((s) => ({ value: s.id, label: s.label }))} defaultValue={defaultSource} className="sm:col-span-2" />
        <TextField idPrefix="clone" label={t("newTitle")} name="title" required error={err("title")} />
        <TextField idPrefix="clone" label={t("newTitleEn")} name="titleEn" error={err("titleEn")} />
        <TextField idPrefix="clone" label={t("slug")} name="slug" error={err("slug")} hint={t("slugHint")} />
        <TextField idPrefix="clone" label={t("startsOn")} name="startsOn" type="date" required error={err("startsOn")} hint={t("startsOnHint")} />
      </div>
      <CheckField idPrefix="clone" label={t("withPeople")} name="withPeople" hint={t("withPeopleHint")} defaultChecked />
      <div className="flex justify-end">
        <SubmitButton variant="secondary" busy={pending}>
          {t("submit")}
        </SubmitButton>
      </div>
    </form>
  );
}
