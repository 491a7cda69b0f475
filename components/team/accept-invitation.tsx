"use client";
/** Accepting a team invitation: the invited account signs in and accepts, or a newcomer creates the account here. */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { FormAlert, SubmitButton, useActionForm } from "@/components/ui/form";
import { TextField } from "@/components/ui/field";
import { acceptInvitationAction, acceptInvitationWithSignUpAction } from "@/lib/team/actions";

export function AcceptInvitation({ token, email, mode }: { token: string; email: string; mode: "accept" | "signUp" }) {
  const t = useTranslations("team.accept");
  const ta = useTranslations("auth.fields");
  const router = useRouter();
  const accept = useActionForm<{ slug: string }>(acceptInvitationAction, { refresh: false, onOk: (r) => r && router.push(`/admin/events/${r.slug}`) });
  const join = useActionForm<{ slug: string; signedIn: boolean }>(acceptInvitationWithSignUpAction, {
    refresh: false,
    onOk: (r) => r && router.push(r.signedIn ? `/admin/events/${r.slug}` : `/sign-in?next=${encodeURIComponent(`/admin/events/${r.slug}`)}`),
  });
  if (mode === "accept") {
    return (
      <form action={accept.formAction} className="space-y-4" data-testid="accept-invitation">
        <input type="hidden" name="token" value={token} />
        {accept.formError ? <FormAlert>{accept.formError}</FormAlert> : null}
        {accept.state?.ok ? <FormAlert tone="success">{t("done")}</FormAlert> : null}
        <SubmitButton className="w-full" testId="accept-invitation-submit">
          {t("acceptButton")}
        </SubmitButton>
      </form>
    );
  }
  const next = `/invite/${token}`;
  return (
    <form action={join.formAction} className="space-y-4" data-testid="accept-invitation-sign-up" noValidate>
      <input type="hidden" name="token" value={token} />
      {join.formError ? <FormAlert>{join.formError}</FormAlert> : null}
      {join.state?.ok ? <FormAlert tone="success">{t("done")}</FormAlert> : null}
      <TextField name="email" label={t("emailFixed")} value={email} readOnly idPrefix="inv" />
      <TextField name="name" label={ta("name")} autoComplete="name" required error={join.error("name")} idPrefix="inv" />
      <TextField name="password" type="password" label={ta("password")} hint={ta("passwordHint")} autoComplete="new-password" minLength={10} required error={join.error("password")} idPrefix="inv" />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="organization" label={ta("organization")} optional autoComplete="organization" error={join.error("organization")} idPrefix="inv" />
        <TextField name="position" label={ta("position")} optional autoComplete="organization-title" error={join.error("position")} idPrefix="inv" />
      </div>
      <TextField name="phone" type="tel" label={ta("phone")} optional autoComplete="tel" inputMode="tel" error={join.error("phone")} idPrefix="inv" />
      <SubmitButton className="w-full" testId="accept-invitation-sign-up-submit">
        {t("newAccount")}
      </SubmitButton>
      <p className="text-center text-sm text-slate-600">
        {t("haveAccount", { email })}{" "}
        <Link href={`/sign-in?next=${encodeURIComponent(next)}`} className="font-medium text-brand-700 hover:underline">
          {t("signIn")}
        </Link>
      </p>
    </form>
  );
}
