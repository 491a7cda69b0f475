"use client";
/**
 * The 受邀单位 / Delegations tab: invite one unit or many (pasted lines, CSV, XLSX — each bad row reported, the rest
 * kept), and per unit: edit quota / reply-by, close or reopen, resend (or rotate) the link, release unused seats,
 * remove. Every button calls a lib/delegations action; the server decides and the page refreshes.
 */
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { btn } from "@/components/ui/button";
import { Dialog, DialogFormActions } from "@/components/ui/dialog";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormAlert, SubmitButton, useActionForm } from "@/components/ui/form";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/result";
import {
  bulkInviteAction,
  createDelegationAction,
  deleteDelegationAction,
  releaseDelegationAction,
  resendDelegationLinkAction,
  updateDelegationAction,
} from "@/lib/delegations/actions";

/** Invite one unit (the delegations page puts it in a <Dialog>). */
export function InviteForm({ eventId, defaultReplyBy }: { eventId: string; defaultReplyBy: string }) {
  const t = useTranslations("delegations.console");
  const f = useActionForm(createDelegationAction, { success: t("done") });
  return (
    <form action={f.formAction} className="space-y-3" noValidate>
      <input type="hidden" name="eventId" value={eventId} />
      {f.formError ? <FormAlert>{f.formError}</FormAlert> : null}
      {f.state?.ok ? <FormAlert tone="success">{t("done")}</FormAlert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="organization" label={t("organization")} required error={f.error("organization")} />
        <TextField name="quota" label={t("quota")} inputMode="numeric" required defaultValue="2" error={f.error("quota")} />
        <TextField name="liaisonName" label={t("liaisonName")} required error={f.error("liaison.name")} />
        <TextField name="liaisonPhone" type="tel" label={t("liaisonPhone")} required error={f.error("liaison.phone")} />
        <TextField name="liaisonEmail" type="email" label={t("liaisonEmail")} optional error={f.error("liaison.email")} />
        <TextField name="replyBy" type="datetime-local" label={t("replyBy")} defaultValue={defaultReplyBy} error={f.error("replyBy")} />
      </div>
      <TextAreaField name="note" rows={2} label={t("note")} optional error={f.error("note")} />
      <DialogFormActions closeLabel={t("dismiss")} submitLabel={t("add")} submitTestId="invite-submit" />
    </form>
  );
}

type BulkResult = { created: number; failed: number; errors: { row: number; error: string }[] };

/**
 * A pasted list goes to bulkInviteAction; a chosen CSV/XLSX file to the upload route
 * POST /api/v1/events/{slug}/delegations/import (files never go through server actions: the route enforces its size
 * limit while streaming, issue 12 item 7). Both results are added up; file rows keep the file's line numbers.
 */
async function bulkInvite(eventId: string, eventSlug: string, fd: FormData): Promise<ActionResult<BulkResult>> {
  const text = String(fd.get("text") ?? "");
  const file = fd.get("file");
  const hasFile = file instanceof File && file.size > 0;
  const sum: BulkResult = { created: 0, failed: 0, errors: [] };
  if (text.trim() || !hasFile) {
    const r = await bulkInviteAction({ eventId, text });
    if (!r.ok) return r;
    if (r.data) Object.assign(sum, r.data);
  }
  if (hasFile) {
    const res = await fetch(`/api/v1/events/${encodeURIComponent(eventSlug)}/delegations/import`, { method: "POST", body: file, headers: { "x-huiwu-upload": "1", "content-type": "application/octet-stream" } });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) return { ok: false, error: body.error ?? String(res.status), code: body.code, fieldErrors: { file: [body.error ?? String(res.status)] } };
    sum.created += body.created;
    sum.failed += body.failed;
    sum.errors.push(...body.errors);
  }
  return { ok: true, data: sum };
}

/** Invite many units from pasted lines or a CSV/XLSX file (the delegations page puts it in a <Dialog>). */
export function BulkInviteForm({ eventId, eventSlug }: { eventId: string; eventSlug: string }) {
  const t = useTranslations("delegations.console");
  const f = useActionForm((fd) => bulkInvite(eventId, eventSlug, fd));
  const r = f.state?.ok ? f.state.data : null;
  return (
    <form action={f.formAction} className="space-y-3" noValidate>
      <input type="hidden" name="eventId" value={eventId} />
      <p className="text-sm text-slate-600">{t("bulkHint")}</p>
      {f.formError ? <FormAlert>{f.formError}</FormAlert> : null}
      {r ? (
        <FormAlert tone={r.failed ? "error" : "success"} testId="bulk-result">
          <p>{t("bulkResult", { created: r.created, failed: r.failed })}</p>
          {r.errors.length ? (
            <ul className="mt-1 list-disc pl-5">
              {r.errors.slice(0, 50).map((e) => (
                <li key={e.row}>{t("rowError", { row: e.row, error: e.error })}</li>
              ))}
            </ul>
          ) : null}
        </FormAlert>
      ) : null}
      <TextAreaField name="text" rows={6} label={t("bulk")} placeholder={"四川省发展和改革委员会, 3, 王联络, 13800000001, wang@example.com"} />
      <label className="block text-sm font-medium text-slate-700">
        {t("bulkFile")}
        <input type="file" name="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className="mt-1 block w-full text-sm" data-testid="bulk-file" />
      </label>
      {f.error("file") ? (
        <p role="alert" className="text-sm text-red-700" data-testid="error-file">
          {f.error("file")}
        </p>
      ) : null}
      <DialogFormActions closeLabel={t("dismiss")} submitLabel={t("bulkSubmit")} submitTestId="bulk-submit" />
    </form>
  );
}

type Unit = { id: string; quota: number; status: "invited" | "replied" | "closed"; released: boolean; replyUrl: string; replyByLocal: string };

/** The per-unit buttons of one table row. */
export function UnitActions({ eventId, unit }: { eventId: string; unit: Unit }) {
  const t = useTranslations("delegations.console");
  const router = useRouter();
  const toast = useToast();
  const [pending, start] = useTransition();
  const [editing, setEditing] = useState(false);
  const call = (fn: () => Promise<{ ok: boolean; error?: string }>, done?: string) =>
    start(async () => {
      const r = await fn();
      if (r.ok) {
        if (done) toast(done, "success");
        router.refresh();
      } else toast(r.error ?? "", "error");
    });
  const base = { eventId, id: unit.id };
  return (
    <div className="flex flex-wrap gap-1.5">
      <button type="button" className={btn.secondary} disabled={pending} onClick={() => setEditing(true)} data-testid="edit-unit">
        {t("edit")}
      </button>
      {editing && (
        <Dialog open onOpenChange={setEditing} title={t("edit")} size="sm">
          <form
            className="space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              const fd = new FormData(e.currentTarget);
              call(async () => {
                const r = await updateDelegationAction({ ...base, quota: String(fd.get("quota") ?? ""), replyBy: String(fd.get("replyBy") ?? "") });
                if (r.ok) setEditing(false);
                return r;
              }, t("done"));
            }}
          >
            <TextField name="quota" label={t("quota")} inputMode="numeric" defaultValue={String(unit.quota)} />
            <TextField name="replyBy" type="datetime-local" label={t("replyBy")} defaultValue={unit.replyByLocal} />
            <div className="flex justify-end">
              <SubmitButton busy={pending} testId="save-unit">
                {t("save")}
              </SubmitButton>
            </div>
          </form>
        </Dialog>
      )}
      <button type="button" className={btn.secondary} disabled={pending} onClick={() => call(() => updateDelegationAction({ ...base, status: unit.status === "closed" ? "invited" : "closed" }), t("done"))}>
        {unit.status === "closed" ? t("reopen") : t("close")}
      </button>
      <button type="button" className={btn.secondary} disabled={pending} onClick={() => call(() => resendDelegationLinkAction(base), t("done"))}>
        {t("resend")}
      </button>
      <button type="button" className={btn.secondary} disabled={pending} onClick={() => call(() => resendDelegationLinkAction({ ...base, rotate: "1" }), t("done"))}>
        {t("rotate")}
      </button>
      {!unit.released && (
        <button type="button" className={btn.secondary} disabled={pending} onClick={() => call(() => releaseDelegationAction(base), t("done"))}>
          {t("release")}
        </button>
      )}
      <button
        type="button"
        className={btn.danger}
        disabled={pending}
        onClick={() => {
          if (window.confirm(t("deleteConfirm"))) call(() => deleteDelegationAction(base), t("done"));
        }}
      >
        {t("delete")}
      </button>
    </div>
  );
}

export function CopyLink({ url }: { url: string }) {
  const t = useTranslations("delegations.console");
  const toast = useToast();
  return (
    <button
      type="button"
      className="text-xs text-brand-700 hover:underline"
      onClick={() => {
        void navigator.clipboard?.writeText(url).then(() => toast(t("done"), "success"));
      }}
      title={url}
      data-testid="copy-reply-link"
    >
      {t("copy")} {t("replyLink")}
    </button>
  );
}
