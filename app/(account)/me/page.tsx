import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { profileOf } from "@/lib/accounts/queries";
import { currentActor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.header"))("me") };
}

export default async function MePage() {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in?next=/me");
  const [profile, t] = await Promise.all([profileOf(await getDb(), actor.id), getTranslations("auth")]);
  if (!profile) redirect("/sign-in?next=/me");
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header>
        <h1 className="text-2xl font-bold text-slate-900" data-testid="me-name">
          {profile.name}
        </h1>
        <p className="text-sm text-slate-600" data-testid="me-email">
          {profile.email}
        </p>
      </header>
      <section className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          {(["organization", "position", "phone"] as const).map((k) => (
            <div key={k}>
              <dt className="text-slate-500">{t(`fields.${k}`)}</dt>
              <dd className="font-medium text-slate-900">{profile[k] || "—"}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
