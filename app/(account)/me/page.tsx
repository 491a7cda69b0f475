import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PasswordForm, ProfileForm } from "@/components/auth/profile-forms";
import { TokensPanel, type TokenRow } from "@/components/auth/tokens-panel";
import { profileOf } from "@/lib/accounts/queries";
import { pageActor } from "@/lib/auth/page-guard";
import { tokensOf, tokenState } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.me"))("title") };
}

function Section({ title, intro, children, id }: { title: string; intro?: string; children: React.ReactNode; id: string }) {
  return (
    <section className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6" aria-labelledby={id}>
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {intro ? <p className="mt-1 text-sm text-slate-600">{intro}</p> : null}
      <div className="mt-5">{children}</div>
    </section>
  );
}

export default async function MePage() {
  const actor = await pageActor("profile.edit", {}, "/me");
  const db = await getDb();
  const [profile, tokens, t, f] = await Promise.all([profileOf(db, actor.id), tokensOf(db, actor.id), getTranslations("auth"), getFormatter()]);
  if (!profile) return null;
  const dt = (d: Date) => f.dateTime(d, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
  const rows: TokenRow[] = tokens.map((k) => ({
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    createdAt: dt(k.createdAt),
    lastUsedAt: k.lastUsedAt ? dt(k.lastUsedAt) : null,
    expiresAt: dt(k.expiresAt),
    state: tokenState(k),
  }));
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="flex items-center gap-4">
        <span aria-hidden className="flex h-14 w-14 shrink-0 items-center justify-center rounded-full bg-brand-100 text-2xl font-bold text-brand-700">
          {[...profile.name][0]?.toUpperCase()}
        </span>
        <div className="min-w-0">
          <h1 className="truncate text-2xl font-bold text-slate-900" data-testid="me-name">
            {profile.name}
          </h1>
          <p className="truncate text-sm text-slate-600">
            <span data-testid="me-email">{profile.email}</span>
            <span className="text-slate-400"> · {t("me.memberSince", { date: f.dateTime(profile.createdAt, { year: "numeric", month: "long", day: "numeric" }) })}</span>
          </p>
        </div>
      </header>
      <Section id="profile" title={t("me.profile.title")} intro={t("me.profile.intro")}>
        <ProfileForm profile={profile} />
      </Section>
      <Section id="password" title={t("me.password.title")} intro={profile.hasPassword ? undefined : t("me.password.noPassword")}>
        <PasswordForm />
      </Section>
      <Section id="tokens" title={t("me.tokens.title")} intro={t("me.tokens.intro")}>
        <TokensPanel tokens={rows} />
      </Section>
    </div>
  );
}
