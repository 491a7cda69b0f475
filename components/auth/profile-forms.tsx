"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { changePasswordAction, updateProfileAction, type ProfileFormState } from "@/app/(account)/me/actions";
import { cn } from "@/lib/cn";
import { inputCls } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormAlert, SubmitButton } from "@/components/ui/form";
import { useAuthErrors } from "./form-bits";

type Profile = { name: string; organization: string | null; position: string | null; phone: string | null; locale: "zh-CN" | "en" };

export function ProfileForm({ profile }: { profile: Profile }) {
  const t = useTranslations("auth");
  const errors = useAuthErrors();
  const [state, action] = useActionState<ProfileFormState, FormData>(updateProfileAction, null);
  const message = errors.summary(state);
  return (
    <form action={action} className="space-y-4" data-testid="profile-form" noValidate>
      {state?.ok ? <FormAlert tone="success" testId="profile-saved">{t("me.profile.saved")}</FormAlert> : message ? <FormAlert>{message}</FormAlert> : null}
      <TextField name="name" label={t("fields.name")} autoComplete="name" required defaultValue={profile.name} error={errors.field(state, "name")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="organization" label={t("fields.organization")} optional defaultValue={profile.organization ?? ""} error={errors.field(state, "organization")} />
        <TextField name="position" label={t("fields.position")} optional defaultValue={profile.position ?? ""} error={errors.field(state, "position")} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="phone" type="tel" inputMode="tel" label={t("fields.phone")} optional defaultValue={profile.phone ?? ""} error={errors.field(state, "phone")} />
        <div>
          <label htmlFor="f-locale" className="text-sm font-medium text-slate-700">
            {t("fields.locale")}
          </label>
          <select id="f-locale" name="locale" defaultValue={profile.locale} className={cn(inputCls, "mt-1")}>
            <option value="zh-CN">{t("me.localeNames.zh-CN")}</option>
            <option value="en">{t("me.localeNames.en")}</option>
          </select>
        </div>
      </div>
      <div className="flex justify-end">
        <SubmitButton pendingLabel={t("me.profile.saving")} testId="profile-save">
          {t("me.profile.save")}
        </SubmitButton>
      </div>
    </form>
  );
}

export function PasswordForm() {
  const t = useTranslations("auth");
  const errors = useAuthErrors();
  const [state, action] = useActionState<ProfileFormState, FormData>(changePasswordAction, null);
  const message = errors.summary(state);
  return (
    <form action={action} className="space-y-4" data-testid="password-form" noValidate key={state?.ok ? "done" : "form"}>
      {state?.ok ? <FormAlert tone="success" testId="password-changed">{t("me.password.changed")}</FormAlert> : message ? <FormAlert>{message}</FormAlert> : null}
      <TextField name="currentPassword" type="password" autoComplete="current-password" label={t("fields.currentPassword")} required error={errors.field(state, "currentPassword")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="newPassword"
          type="password"
          autoComplete="new-password"
          label={t("fields.newPassword")}
          hint={t("fields.passwordHint")}
          required
          minLength={10}
          error={errors.field(state, "newPassword")}
        />
        <TextField name="confirmPassword" type="password" autoComplete="new-password" label={t("fields.confirmPassword")} required error={errors.field(state, "confirmPassword")} />
      </div>
      <div className="flex justify-end">
        <SubmitButton pendingLabel={t("me.password.pending")} testId="password-submit">
          {t("me.password.submit")}
        </SubmitButton>
      </div>
    </form>
  );
}
