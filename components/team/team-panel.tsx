"use client";
/**
 * The team tab (团队): invite by email with a role, change roles, remove members, revoke open invitations.
 * Built on the UI kit's one form pattern (useActionForm) and ConfirmDialog.
 */
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/dialog";
import { FormAlert, SubmitButton, useActionForm, useFailureText } from "@/components/ui/form";
import { SelectField, TextField } from "@/components/ui/field";
import { btn, inputCls } from "@/components/ui/button";
import { ListOrEmpty } from "@/components/ui/list";
import { useToast } from "@/components/ui/toast";
import { changeMemberRoleAction, inviteMemberAction, removeMemberAction, revokeInvitationAction } from "@/lib/team/actions";
import type { InviteResult } from "@/lib/team/commands";
import { cn } from "@/lib/cn";

type Role = "organizer" | "staff";
export type TeamMember = { userId: string; name: string; email: string; role: Role; since: string; disabled: boolean };
export type TeamInvitation = { id: string; email: string; role: Role; expires: string };

export function TeamPanel({ eventId, me, members, invitations, inviteDays }: { eventId: string; me: string; members: TeamMember[]; invitations: TeamInvitation[]; inviteDays: number }) {
  const t = useTranslations("team");
  const ts = useTranslations("shared");
  const toast = useToast();
  const failure = useFailureText();
  const [link, setLink] = useState<{ email: string; url: string } | null>(null);
  const invite = useActionForm<InviteResult>(inviteMemberAction, {
    onOk: (r) => setLink(r?.kind === "invited" ? { email: r.email, url: r.url } : null),
    success: (r) => (r?.kind === "added" ? t("invite.added", { email: r.email }) : ""),
  });
  const roleOptions = (["staff", "organizer"] as const).map((r) => ({ value: r, label: ts(`eventRole.${r}`) }));
  const done = (okText: string) => (r: { ok: boolean; error?: string; code?: string } | null | undefined | void) => {
    if (r && r.ok) toast(okText, "success");
    else if (r) toast(failure(r as { ok: false; error: string; code?: never }) ?? "", "error");
  };

  return (
    <div className="space-y-6">
      <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5" aria-labelledby="team-invite">
        <h2 id="team-invite" className="text-base font-semibold text-slate-900">
          {t("invite.heading")}
        </h2>
        <p className="mt-1 text-sm text-slate-500">{t("intro")}</p>
        <form action={invite.formAction} className="mt-4 grid gap-3 sm:grid-cols-[minmax(0,1fr)_12rem_auto] sm:items-start" data-testid="team-invite-form">
          <input type="hidden" name="eventId" value={eventId} />
          <TextField name="email" type="email" autoComplete="off" required label={t("invite.email")} hint={t("invite.emailHint", { days: inviteDays })} error={invite.error("email")} idPrefix="team" />
          <SelectField name="role" label={t("invite.role")} options={roleOptions} defaultValue="staff" error={invite.error("role")} idPrefix="team" />
          <div className="sm:pt-6">
            <SubmitButton testId="team-invite-submit" className="w-full sm:w-auto">
              {t("invite.submit")}
            </SubmitButton>
          </div>
        </form>
        {invite.formError ? <FormAlert className="mt-3">{invite.formError}</FormAlert> : null}
        {link ? (
          <div className="mt-3 space-y-2" data-testid="team-invite-link">
            <FormAlert tone="success">{t("invite.invited", { email: link.email })}</FormAlert>
            <div className="flex flex-col gap-2 sm:flex-row">
              <input readOnly value={link.url} className={cn(inputCls, "font-mono text-xs")} aria-label={t("invite.copy")} onFocus={(e) => e.currentTarget.select()} />
              <button type="button" className={btn.secondary} onClick={() => navigator.clipboard?.writeText(link.url).then(() => toast(t("invite.copied"), "success"))}>
                {t("invite.copy")}
              </button>
            </div>
          </div>
        ) : null}
      </section>

      <section className="rounded-xl border border-slate-200 bg-white shadow-sm" aria-labelledby="team-members">
        <h2 id="team-members" className="px-4 pt-4 text-base font-semibold text-slate-900 sm:px-5">
          {t("members.heading", { count: members.length })}
        </h2>
        <ul className="mt-3 divide-y divide-slate-100" data-testid="team-members">
          {members.map((m) => (
            <li key={m.userId} className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center sm:px-5" data-testid="team-member">
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium text-slate-900">
                  {m.name} {m.userId === me ? <span className="text-sm font-normal text-slate-500">{t("members.you")}</span> : null}
                  {m.disabled ? <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{t("members.disabled")}</span> : null}
                </p>
                <p className="truncate text-sm text-slate-500">
                  {m.email} · {t("members.since")} {m.since}
                </p>
              </div>
              <div className="flex items-center gap-2">
                <RoleSelect eventId={eventId} member={m} label={t("members.changeRole", { name: m.name })} options={roleOptions} onDone={done(t("members.roleChanged"))} />
                <ConfirmDialog
                  trigger={{ label: t("members.remove"), tone: "danger", testId: "team-remove" }}
                  title={t("members.removeTitle", { name: m.name })}
                  body={t("members.removeBody")}
                  confirmLabel={t("members.remove")}
                  action={removeMemberAction}
                  fields={{ eventId, userId: m.userId }}
                  onDone={done(t("members.removed"))}
                />
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5" aria-labelledby="team-invitations">
        <h2 id="team-invitations" className="text-base font-semibold text-slate-900">
          {t("invitations.heading", { count: invitations.length })}
        </h2>
        <ListOrEmpty items={invitations} empty={t("invitations.none")} emptyClassName="mt-2 text-sm" className="mt-3 divide-y divide-slate-100" testId="team-invitations">
          {(i) => (
            <li key={i.id} className="flex flex-col gap-2 py-2 sm:flex-row sm:items-center">
              <div className="min-w-0 flex-1">
                <p className="truncate text-slate-900">{i.email}</p>
                <p className="text-sm text-slate-500">
                  {ts(`eventRole.${i.role}`)} · {t("invitations.expires", { date: i.expires })}
                </p>
              </div>
              <ConfirmDialog
                trigger={{ label: t("invitations.revoke"), tone: "secondary" }}
                title={t("invitations.revoke")}
                body={i.email}
                confirmLabel={t("invitations.revoke")}
                action={revokeInvitationAction}
                fields={{ eventId, invitationId: i.id }}
                onDone={done(t("invitations.revoked"))}
              />
            </li>
          )}
        </ListOrEmpty>
      </section>
    </div>
  );
}

function RoleSelect({
  eventId,
  member,
  label,
  options,
  onDone,
}: {
  eventId: string;
  member: TeamMember;
  label: string;
  options: { value: string; label: string }[];
  onDone: (r: { ok: boolean; error?: string } | undefined) => void;
}) {
  const [pending, setPending] = useState(false);
  return (
    <select
      aria-label={label}
      className={cn(inputCls, "w-32")}
      value={member.role}
      disabled={pending}
      data-testid="team-role"
      onChange={async (e) => {
        setPending(true);
        try {
          onDone(await changeMemberRoleAction({ eventId, userId: member.userId, role: e.target.value }));
        } finally {
          setPending(false);
        }
      }}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
