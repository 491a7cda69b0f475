"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { signUpAction, type AuthFormState } from "@/app/(account)/actions";
import { TextField } from "@/components/ui/field";
import { FormAlert, SubmitButton } from "@/components/ui/form";
import { useAuthErrors } from "./form-bits";

export function SignUpForm({ next }: { next: string }) {
  const t = useTranslations("auth");
  const errors = useAuthErrors();
  const [state, action] = useActionState<AuthFormState, FormData>(signUpAction, null);
  const message = errors.summary(state);
  const v = state?.values ?? {};
  return (
    <form action={action} className="space-y-4" data-testid="sign-up-form" noValidate>
      <input type="hidden" name="next" value={next} />
      {message ? <FormAlert>{message}</FormAlert> : null}
      <TextField name="name" label={t("fields.name")} autoComplete="name" required defaultValue={v.name} error={errors.field(state, "name")} />
      <TextField
        name="email"
        type="email"
        label={t("fields.email")}
        autoComplete="email"
        inputMode="email"
        required
        defaultValue={v.email}
        error={errors.field(state, "email")}
      />
      <TextField
        name="password"
        type="password"
        label={t("fields.password")}
        hint={t("fields.passwordHint")}
        autoComplete="new-password"
        minLength={10}
        required
        error={errors.field(state, "password")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="organization" label={t("fields.organization")} optional autoComplete="organization" defaultValue={v.organization} error={errors.field(state, "organization")} />
        <TextField name="position" label={t("fields.position")} optional autoComplete="organization-title" defaultValue={v.position} error={errors.field(state, "position")} />
      </div>
      <TextField name="phone" type="tel" label={t("fields.phone")} optional autoComplete="tel" inputMode="tel" defaultValue={v.phone} error={errors.field(state, "phone")} />
      <SubmitButton className="w-full" pendingLabel={t("signUp.pending")} testId="sign-up-submit">
        {t("signUp.submit")}
      </SubmitButton>
      <p className="text-center text-sm text-slate-600">
        {t("signUp.haveAccount")}{" "}
        <Link href={next === "/me" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`} className="font-medium text-brand-700 hover:underline">
          {t("signUp.signInLink")}
        </Link>
      </p>
    </form>
  );
}
