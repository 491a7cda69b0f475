"use client";
/**
 * The signed-in person's menu (Radix DropdownMenu: keyboard, focus and screen readers handled): 我的报名 · 电子票 ·
 * 我的日程 · 个人资料 · 开发者, the console when allowed, and sign-out. One tap from anywhere to the ticket.
 */
import * as Menu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";

export type AccountDropdownLabels = {
  label: string;
  signedInAs: string;
  registrations: string;
  ticket: string;
  agenda: string;
  profile: string;
  developer: string;
  admin: string;
  signOut: string;
};

/** The /me pages in menu order: each key is the path segment, the test id suffix and the label's key. */
const ACCOUNT_LINKS = ["registrations", "ticket", "agenda", "profile", "developer"] as const satisfies readonly (keyof AccountDropdownLabels)[];

const item =
  "flex w-full cursor-pointer select-none items-center rounded-md px-3 py-2 text-sm text-slate-700 outline-none data-[highlighted]:bg-brand-50 data-[highlighted]:text-brand-800";

export function AccountDropdown({ name, admin, labels, signOut }: { name: string; admin: boolean; labels: AccountDropdownLabels; signOut: () => Promise<void> }) {
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger
        className="flex max-w-[9rem] items-center gap-1.5 rounded-md px-2 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600 data-[state=open]:bg-slate-100 sm:max-w-[12rem]"
        aria-label={`${labels.label}: ${name}`}
        data-testid="header-user"
      >
        <span aria-hidden className="flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-brand-100 text-xs font-bold text-brand-700">
          {[...name][0]?.toUpperCase()}
        </span>
        <span className="truncate">{name}</span>
        <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4 shrink-0 text-slate-500" fill="currentColor">
          <path d="M5.23 7.21a.75.75 0 0 1 1.06.02L10 11.06l3.71-3.83a.75.75 0 1 1 1.08 1.04l-4.25 4.39a.75.75 0 0 1-1.08 0L5.21 8.27a.75.75 0 0 1 .02-1.06Z" />
        </svg>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="end" sideOffset={6} className="z-50 w-56 rounded-xl border border-slate-200 bg-white p-1.5 shadow-lg" data-testid="account-menu-content">
          <Menu.Label className="truncate px-3 py-1.5 text-xs text-slate-500">{labels.signedInAs}</Menu.Label>
          {ACCOUNT_LINKS.map((key) => (
            <Menu.Item key={key} asChild className={item}>
              <Link href={`/me/${key}`} data-testid={`menu-${key}`}>
                {labels[key]}
              </Link>
            </Menu.Item>
          ))}
          {admin ? (
            <>
              <Menu.Separator className="my-1 h-px bg-slate-100" />
              <Menu.Item asChild className={item}>
                <Link href="/admin" data-testid="menu-admin">
                  {labels.admin}
                </Link>
              </Menu.Item>
            </>
          ) : null}
          <Menu.Separator className="my-1 h-px bg-slate-100" />
          <Menu.Item className={item} data-testid="sign-out" onSelect={() => void signOut()}>
            {labels.signOut}
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
