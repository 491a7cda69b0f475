"use client";
/** Per-user controls on /admin/users: site role, disable/enable, forum roles (grant / revoke), with confirm dialogs. */
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { grantEventRoleAction, revokeEventRoleAction, setSiteRoleAction, setUserDisabledAction, type GrantState } from "@/lib/accounts/actions";
import { useAuthErrors } from "@/components/auth/form-bits";
import { inputCls } from "@/components/ui/button";
import { FormAlert, SubmitButton } from "@/components/ui/form";
import { ConfirmDialog } from "@/components/ui/dialog";
import { X } from "@/components/ui/icons";
import { cn } from "@/lib/cn";

type Result = { ok: boolean; error?: string; code?: string } | null | undefined | void;
type EventRole = { eventId: string; role: "organizer" | "staff"; title: string; slug: string };
export type AdminUser = { id: string; name: string; siteRole: "admin" | "user"; disabled: boolean; isSelf: boolean; eventRoles: EventRole[] };

const btn = "rounded-md px-2.5 py-1 text-sm font-medium ring-1 ring-inset transition";

export function UserControls({ user, events }: { user: AdminUser; events: { id: string; title: string }[] }) {
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
        {user.eventRoles.length === 0 ? <span className="text-xs text-slate-400">{t("noEventRoles")}</span> : null}
        {user.eventRoles.map((r) => (
          <span key={r.eventId} className="inline-flex items-center gap-1 rounded-full bg-brand-50 py-0.5 pl-2.5 pr-1 text-xs text-brand-700 ring-1 ring-inset ring-brand-100" data-testid="event-role">
            <span className="max-w-[14rem] truncate">{r.title}</span>
            <span className="font-semibold">· {ts(`eventRole.${r.role}`)}</span>
            <ConfirmDialog
              trigger={
                <button type="button" aria-label={t("revoke")} title={t("revoke")} className="ml-0.5 flex h-5 w-5 items-center justify-center rounded-full hover:bg-brand-100" data-testid="revoke-event-role">
                  <X aria-hidden className="h-3.5 w-3.5" />
                </button>
              }
              title={t("revoke")}
              body={t("confirmRevoke", { name: user.name, event: r.title, role: ts(`eventRole.${r.role}`) })}
              confirmLabel={t("revoke")}
              cancelLabel={t("cancel")}
              action={revokeEventRoleAction}
              fields={{ userId: user.id, eventId: r.eventId }}
              onDone={setResult}
            />
          </span>
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
      <GrantForm userId={user.id} events={events} />
      {failure ? <FormAlert>{failure}</FormAlert> : null}
    </div>
  );
}

function GrantForm({ userId, events }: { userId: string; events: { id: string; title: string }[] }) {
  const t = useTranslations("auth.admin.users");
  const ts = useTranslations("shared");
  const errors = useAuthErrors();
  const [state, action] = useActionState<GrantState, FormData>(grantEventRoleAction, null);
  return (
    <details className="group rounded-lg bg-slate-50 px-3 py-2 ring-1 ring-inset ring-slate-200">
      <summary className="cursor-pointer select-none text-sm font-medium text-brand-700" data-testid="grant-toggle">
        {t("grant")}
      </summary>
      <form action={action} className="mt-3 grid gap-2 sm:grid-cols-[1fr_auto_auto]" data-testid="grant-form">
        <input type="hidden" name="userId" value={userId} />
        <label className="sr-only" htmlFor={`ev-${userId}`}>
          {t("grantEvent")}
        </label>
        <select id={`ev-${userId}`} name="eventId" required className={inputCls} defaultValue="">
          <option value="" disabled>
            {t("grantEvent")}
          </option>
          {events.map((e) => (
            <option key={e.id} value={e.id}>
              {e.title}
            </option>
          ))}
        </select>
        <label className="sr-only" htmlFor={`role-${userId}`}>
          {t("grantRole")}
        </label>
        <select id={`role-${userId}`} name="role" className={inputCls} defaultValue="staff">
          <option value="organizer">{ts("eventRole.organizer")}</option>
          <option value="staff">{ts("eventRole.staff")}</option>
        </select>
        <SubmitButton testId="grant-submit">{t("grantSubmit")}</SubmitButton>
      </form>
      {state && !state.ok ? <div className="mt-2"><FormAlert>{errors.summary(state)}</FormAlert></div> : null}
    </details>
  );
}
