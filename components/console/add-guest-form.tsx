"use client";
/** Add a guest by hand (手工添加嘉宾): confirmed while seats last, else waitlisted. The dialog stays open for the next one. */
import { useTranslations } from "next-intl";
import { addGuestAction } from "@/lib/registrations/actions";
import { CategoryOptions } from "@/components/console/category-options";
import { DialogFormActions } from "@/components/ui/dialog";
import { CheckField, Field, Select, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormAlert, useActionForm } from "@/components/ui/form";

/**
 * The add-guest form, for the registrations page's <Dialog>: mounted only while the dialog is open, so each opening
 * starts with a clean form and no old messages.
 */
export function AddGuestForm({ eventId }: { eventId: string }) {
  const t = useTranslations("console");
  const ts = useTranslations("shared");
  const f = useActionForm(addGuestAction);
  const added = f.state?.ok && f.state.data ? t("registrations.added", { status: ts(`registrationStatus.${f.state.data.status}`) }) : null;
  return (
    <form action={f.formAction} className="space-y-3" noValidate>
      <input type="hidden" name="eventId" value={eventId} />
      {f.formError ? <FormAlert>{f.formError}</FormAlert> : null}
      {added ? (
        <FormAlert tone="success" testId="add-guest-done">
          {added}
        </FormAlert>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="fullName" label={t("registrations.fullName")} required error={f.error("fullName")} />
        <TextField name="email" type="email" label={t("registrations.email")} error={f.error("email")} />
        <TextField name="phone" type="tel" label={t("registrations.phone")} error={f.error("phone")} />
        <Field name="category" label={t("registrations.category")} error={f.error("category")}>
          <Select name="category" defaultValue="other">
            <CategoryOptions />
          </Select>
        </Field>
        <TextField name="organization" label={t("registrations.organization")} error={f.error("organization")} />
        <TextField name="position" label={t("registrations.position")} error={f.error("position")} />
        <SelectField
          name="status"
          label={t("registrations.statusOnAdd")}
          defaultValue="confirmed"
          options={[
            { value: "confirmed", label: ts("registrationStatus.confirmed") },
            { value: "pending", label: ts("registrationStatus.pending") },
          ]}
        />
        <CheckField name="siteVisit" label={t("registrations.siteVisit")} className="self-end pb-2" />
      </div>
      <TextAreaField name="notes" rows={2} label={t("registrations.notes")} error={f.error("notes")} />
      <DialogFormActions closeLabel={t("close")} submitLabel={t("registrations.add")} submitTestId="add-guest-submit" />
    </form>
  );
}
