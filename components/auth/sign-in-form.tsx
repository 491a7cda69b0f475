"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { signInAction, type AuthFormState } from "@/app/(account)/actions";
import { TextField } from "@/components/ui/field";
import { FormAlert, SubmitButton } from "@/components/ui/form";
import { useAuthErrors } from "./form-bits";

export function SignInForm({ next }: { next: string }) {
  const t = useTranslations("auth");
  const errors = useAuthErrors();
  const [state, action] = useActionState<AuthFormState, FormData>(signInAction, null);
  const message = errors.summary(state);
  return (
    <form action={action} className="space-y-4" data-testid="sign-in-form" noValidate>
      <input type="hidden" name="next" value={next} />
      {message ? <FormAlert>{message}</FormAlert> : null}
      <TextField name="email" type="email" label={t("fields.email")} autoComplete="email" inputMode="email" required defaultValue={state?.values?.email} />
      <TextField name="password" type="password" label={t("fields.password")} autoComplete="current-password" required />
      <SubmitButton className="w-full" pendingLabel={t("signIn.pending")} testId="sign-in-submit">
        {t("signIn.submit")}
      </SubmitButton>
      <p className="text-center text-sm text-slate-600">
        {t("signIn.noAccount")}{" "}
        <Link href={next === "/" ? "/sign-up" : `/sign-up?next=${encodeURIComponent(next)}`} className="font-medium text-brand-700 hover:underline">
          {t("signIn.signUpLink")}
        </Link>
      </p>
    </form>
  );
}
