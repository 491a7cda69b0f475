/** The link in a team invitation (/invite/{token}): join a forum's team — never cached, no hint for a bad token. */
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { AcceptInvitation } from "@/components/team/accept-invitation";
import { currentActor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";
import { pick } from "@/lib/i18n/format";
import { invitationByToken } from "@/lib/team/queries";
import { invitationTokenSchema } from "@/lib/team/validation";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("team.accept"))("title"), robots: { index: false } };
}

export default async function InvitationPage({ params }: PageProps<"/invite/[token]">) {
  const { token } = await params;
  const t = await getTranslations("team");
  const ok = invitationTokenSchema.safeParse(token);
  const inv = ok.success ? await invitationByToken(await getDb(), ok.data) : null;
  if (!inv) {
    return (
      <AuthCard title={t("accept.title")}>
        <p className="text-sm text-slate-700" data-testid="invitation-invalid">
          {t("accept.invalid")}
        </p>
      </AuthCard>
    );
  }
  const [actor, locale, ts] = await Promise.all([currentActor(), getLocale() as Promise<Locale>, getTranslations("shared")]);
  const lead = t("accept.lead", { title: pick(locale, inv.title, inv.titleEn) ?? inv.title, role: ts(`eventRole.${inv.role}`) });
  return (
    <AuthCard title={t("accept.title")} subtitle={lead}>
      {actor && actor.email !== inv.email ? (
        <div className="space-y-2 text-sm text-slate-700" data-testid="invitation-other-account">
          <p>{t("accept.signedInAs", { email: actor.email })}</p>
          <p>{t("accept.otherAccount", { email: inv.email })}</p>
        </div>
      ) : (
        <>
          {actor ? <p className="mb-4 text-sm text-slate-600">{t("accept.signedInAs", { email: actor.email })}</p> : null}
          <AcceptInvitation token={ok.success ? ok.data : ""} email={inv.email} mode={actor ? "accept" : "signUp"} />
        </>
      )}
    </AuthCard>
  );
}
