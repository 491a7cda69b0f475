import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentActor } from "@/lib/auth/actor";
import { oauthProviderList } from "@/lib/auth/auth";
import { oauthSignInAction } from "@/lib/accounts/actions";
import type { FormAction } from "@/lib/actions/define";
import { nextParam } from "@/lib/accounts/next-param";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signIn"))("title") };
}

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const next = nextParam((await searchParams).next, "/");
  if (await currentActor()) redirect(next);
  const t = await getTranslations("auth.signIn");
  const providers = oauthProviderList();
  return (
    <AuthCard title={t("title")} subtitle={t("subtitle")}>
      <SignInForm next={next} />
      {providers.length > 0 ? (
        <div className="mt-6 border-t border-slate-200 pt-5" data-testid="oauth-providers">
          <p className="text-center text-xs text-slate-500">{t("orWith")}</p>
          <div className="mt-3 grid gap-2">
            {providers.map((p) => (
              <form key={p.id} action={oauthSignInAction as unknown as FormAction}>
                <input type="hidden" name="provider" value={p.id} />
                <input type="hidden" name="next" value={next} />
                <button type="submit" className="w-full rounded-lg border border-slate-300 bg-white px-4 py-2.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
                  {t("withProvider", { provider: p.name })}
                </button>
              </form>
            ))}
          </div>
        </div>
      ) : null}
    </AuthCard>
  );
}
