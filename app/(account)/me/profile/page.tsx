import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PasswordForm, ProfileForm } from "@/components/auth/profile-forms";
import { AccountSection } from "@/components/layout/account-section";
import { profileOf } from "@/lib/accounts/queries";
import { pageActor } from "@/lib/auth/page-guard";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("me.profile"))("title"), robots: { index: false } };
}

/** 个人资料: name, organization, position, phone (prefilled into registrations), language, password. */
export default async function ProfilePage() {
  const actor = await pageActor("profile.edit", {}, "/me/profile");
  const [profile, t, tm] = await Promise.all([profileOf(await getDb(), actor.id), getTranslations("auth"), getTranslations("me.profile")]);
  if (!profile) return null;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold text-slate-900">{tm("title")}</h1>
      <AccountSection id="profile" title={t("me.profile.title")} intro={t("me.profile.intro")}>
        <ProfileForm profile={profile} />
      </AccountSection>
      <AccountSection id="password" title={t("me.password.title")} intro={profile.hasPassword ? undefined : t("me.password.noPassword")}>
        <PasswordForm />
      </AccountSection>
    </div>
  );
}
