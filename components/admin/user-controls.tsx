"use client";
/**
 * Per-user controls on /admin/users: the site-wide roles only — administrator, disable/enable — with confirm dialogs.
 * Forum roles are shown, each a link to that forum's 团队 / Team tab, the one place they are granted and removed
 * (invitations, the last-organizer rule and the audit live there).
 */
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { setSiteRoleAction, setUserDisabledAction } from "@/lib/accounts/actions";
import { useAuthErrors } from "@/components/auth/form-bits";
import { FormAlert } from "@/components/ui/form";
import { ConfirmDialog } from "@/components/ui/dialog";
import { cn } from "@/lib/cn";

type Result = { ok: boolean; error?: string; code?: string } | null | undefined | void;
type EventRole = { eventId: string; role: "organizer" | "staff"; title: string; slug: string };
export type AdminUser = { id: string; name: string; siteRole: "admin" | "user"; disabled: boolean; isSelf: boolean; eventRoles: EventRole[] };

const btn = "rounded-md px-2.5 py-1 text-sm font-medium ring-1 ring-inset transition";

export function UserControls({ user }: { user: AdminUser }) {
  const t = useTranslations("auth.admin.users");
  const ts = useTranslations("shared");
  const errors = useAuthErrors();
  const [result, setResult] = useState<Result>(null);
  const failure = result && !result.ok ? (result.code === "invalid" && result.error ? result.error : errors.summary(result as never)) : null;
  const confirm = (props: { label: string; body: string; action: (fd: FormData) => Promise<Result>; fields: Record<string, string>; danger?: boolean; testId: string }) => (
    <ConfirmDialog
      trigger={
        <button type="button" data-testid={props.testId} className={cn(btn, props.danger ? "text-red-700 ring-red-200 hover:bg-red-50" : "text-slate-700 ring-slate-300 hover:bg-slate-50")}>
          {props.label}
        </button>
      }
      title={props.label}
      body={props.body}
      confirmLabel={t("confirm")}
      cancelLabel={t("cancel")}
      action={props.action}
      fields={props.fields}
      tone={props.danger ? "danger" : "primary"}
      onDone={setResult}
    />
  );
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-1.5">
        {user.eventRoles.length === 0 ? <span className="text-xs text-slate-500">{t("noEventRoles")}</span> : null}
        {user.eventRoles.map((r) => (
          <Link
            key={r.eventId}
            href={`/admin/events/${r.slug}/team`}
            title={t("manageTeam")}
            className="inline-flex items-center gap-1 rounded-full bg-brand-50 px-2.5 py-0.5 text-xs text-brand-700 ring-1 ring-inset ring-brand-100 hover:bg-brand-100"
            data-testid="event-role"
          >
            <span className="max-w-[14rem] truncate">{r.title}</span>
            <span className="font-semibold">· {ts(`eventRole.${r.role}`)}</span>
            <span aria-hidden>→</span>
          </Link>
        ))}
      </div>
      {!user.isSelf ? (
        <div className="flex flex-wrap gap-2">
          {user.siteRole === "admin"
            ? confirm({ label: t("removeAdmin"), body: t("confirmRemoveAdmin", { name: user.name }), action: setSiteRoleAction, fields: { userId: user.id, siteRole: "user" }, testId: "remove-admin" })
            : confirm({ label: t("makeAdmin"), body: t("confirmMakeAdmin", { name: user.name }), action: setSiteRoleAction, fields: { userId: user.id, siteRole: "admin" }, testId: "make-admin" })}
          {user.disabled
            ? confirm({ label: t("enable"), body: t("confirmEnable", { name: user.name }), action: setUserDisabledAction, fields: { userId: user.id, disabled: "false" }, testId: "enable-user" })
            : confirm({
                label: t("disable"),
                body: t("confirmDisable", { name: user.name }),
                action: setUserDisabledAction,
                fields: { userId: user.id, disabled: "true" },
                danger: true,
                testId: "disable-user",
              })}
        </div>
      ) : null}
      {failure ? <FormAlert>{failure}</FormAlert> : null}
    </div>
  );
}
