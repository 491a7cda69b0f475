/**
 * The header's account area. Signed in: the console link (a computer only; it is also in the menu) and the account
 * menu (components/layout/account-dropdown.tsx). Signed out: sign in / sign up.
 */
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/lib/accounts/actions";
import { currentActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/guard";
import { AccountDropdown } from "./account-dropdown-lazy";

export async function AccountMenu() {
  const [actor, t, tm] = await Promise.all([currentActor(), getTranslations("auth.header"), getTranslations("me.menu")]);
  if (!actor) {
    return (
      <div className="flex items-center gap-2 text-sm" data-testid="account-menu">
        <Link href="/sign-in" className="whitespace-nowrap rounded-md px-2.5 py-1 font-medium text-brand-700 hover:bg-brand-50" data-testid="header-sign-in">
          {t("signIn")}
        </Link>
        <Link href="/sign-up" className="whitespace-nowrap rounded-md bg-brand-700 px-2.5 py-1 font-medium text-white hover:bg-brand-600">
          {t("signUp")}
        </Link>
      </div>
    );
  }
  const admin = await can(actor, "admin.access");
  return (
    <div className="flex items-center gap-1 text-sm" data-testid="account-menu">
      {admin ? (
        <Link href="/admin" className="hidden whitespace-nowrap rounded-md px-2 py-1 font-medium text-slate-700 hover:bg-slate-100 sm:inline-block" data-testid="header-admin">
          {t("admin")}
        </Link>
      ) : null}
      <AccountDropdown
        name={actor.name}
        admin={admin}
        signOut={signOutAction as unknown as () => Promise<void>}
        labels={{
          label: tm("label"),
          signedInAs: tm("signedInAs", { email: actor.email }),
          registrations: tm("registrations"),
          ticket: tm("ticket"),
          agenda: tm("agenda"),
          profile: tm("profile"),
          developer: tm("developer"),
          admin: tm("admin"),
          signOut: tm("signOut"),
        }}
      />
    </div>
  );
}
