import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { TokensPanel, type TokenRow } from "@/components/auth/tokens-panel";
import { AccountSection } from "@/components/layout/account-section";
import { pageActor } from "@/lib/auth/page-guard";
import { tokensOf, tokenState } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("me.developer"))("title"), robots: { index: false } };
}

/** 开发者: the person's API tokens (Bearer), moved off the profile so attendees are not met by a developer panel. */
export default async function DeveloperPage() {
  const actor = await pageActor("profile.edit", {}, "/me/developer");
  const [tokens, t, td, f] = await Promise.all([tokensOf(await getDb(), actor.id), getTranslations("auth"), getTranslations("me.developer"), getFormatter()]);
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
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{td("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{td("intro")}</p>
      </div>
      <AccountSection id="tokens" title={t("me.tokens.title")} intro={t("me.tokens.intro")}>
        <TokensPanel tokens={rows} />
      </AccountSection>
    </div>
  );
}
