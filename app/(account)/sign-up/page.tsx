import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { currentActor } from "@/lib/auth/actor";
import { nextParam } from "@/lib/accounts/next-param";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signUp"))("title") };
}

export default async function SignUpPage({ searchParams }: PageProps<"/sign-up">) {
  const next = nextParam((await searchParams).next, "/me");
  if (await currentActor()) redirect(next);
  const t = await getTranslations("auth.signUp");
  return (
    <AuthCard title={t("title")} subtitle={t("subtitle")}>
      <SignUpForm next={next} />
    </AuthCard>
  );
}
