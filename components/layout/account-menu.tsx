/** The header's account area: who is signed in (link to /me), admin link when allowed, sign-out; else sign-in / sign-up. */
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/lib/accounts/actions";
import type { FormAction } from "@/lib/actions/define";
import { currentActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/guard";

export async function AccountMenu() {
  const [actor, t] = await Promise.all([currentActor(), getTranslations("auth.header")]);
  if (!actor) {
    return (
      <div className="flex items-center gap-2 text-sm" data-testid="account-menu">
        <Link href="/sign-in" className="rounded-md px-2.5 py-1 font-medium text-brand-700 hover:bg-brand-50" data-testid="header-sign-in">
          {t("signIn")}
        </Link>
        <Link href="/sign-up" className="rounded-md bg-brand-700 px-2.5 py-1 font-medium text-white hover:bg-brand-600">
          {t("signUp")}
        </Link>
      </div>
    );
  }
  const admin = await can(actor, "admin.access");
  return (
    <div className="flex items-center gap-2 text-sm" data-testid="account-menu">
      {admin ? (
        <Link href="/admin" className="rounded-md px-2 py-1 font-medium text-slate-700 hover:bg-slate-100" data-testid="header-admin">
          {t("admin")}
        </Link>
      ) : null}
      <Link
        href="/me"
        className="flex max-w-[10rem] items-center gap-1.5 rounded-md px-2 py-1 font-medium text-slate-800 hover:bg-slate-100"
        data-testid="header-user"
        title={`${t("me")} · ${actor.email}`}
      >
        <span aria-hidden className="flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-brand-100 text-xs font-bold text-brand-700">
          {[...actor.name][0]?.toUpperCase()}
        </span>
        <span className="truncate">{actor.name}</span>
      </Link>
      <form action={signOutAction as unknown as FormAction}>
        <button type="submit" className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900" data-testid="sign-out">
          {t("signOut")}
        </button>
      </form>
    </div>
  );
}
