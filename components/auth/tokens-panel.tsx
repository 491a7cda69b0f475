"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { createTokenAction, revokeTokenAction, type TokenFormState } from "@/app/(account)/me/actions";
import { Badge } from "@/components/ui/badge";
import { ConfirmDialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { FormAlert, SubmitButton } from "@/components/ui/form";
import { useAuthErrors } from "./form-bits";

export type TokenRow = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; expiresAt: string; state: "active" | "revoked" | "expired" };

export function TokensPanel({ tokens }: { tokens: TokenRow[] }) {
  const t = useTranslations("auth.me.tokens");
  const errors = useAuthErrors();
  const [state, action] = useActionState<TokenFormState, FormData>(createTokenAction, null);
  const [notice, setNotice] = useState<string | null>(null);
  const message = errors.summary(state);
  return (
    <div className="space-y-5">
      <form action={action} className="flex flex-col gap-3 sm:flex-row sm:items-end" data-testid="token-form">
        <TextField name="name" label={t("name")} placeholder={t("namePlaceholder")} maxLength={80} className="flex-1" />
        <SubmitButton pendingLabel={t("creating")} testId="token-create">
          {t("create")}
        </SubmitButton>
      </form>
      {state?.ok && state.data ? (
        <FormAlert tone="success" testId="token-created">
          <p>{t("created")}</p>
          <code className="mt-1 block select-all break-all rounded bg-white px-2 py-1.5 font-mono text-xs text-slate-900 ring-1 ring-emerald-200" data-testid="token-value">
            {state.data.token}
          </code>
        </FormAlert>
      ) : message ? (
        <FormAlert>{message}</FormAlert>
      ) : null}
      {notice ? <FormAlert tone="success">{notice}</FormAlert> : null}
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-500">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200" data-testid="token-list">
          {tokens.map((k) => (
            <li key={k.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 text-sm" data-testid="token-row">
              <div className="min-w-0 flex-1">
                <div className="flex items-center gap-2">
                  <span className="truncate font-medium text-slate-900">{k.name}</span>
                  <Badge tone={k.state === "active" ? "green" : k.state === "revoked" ? "red" : "slate"}>{t(k.state)}</Badge>
                </div>
                <div className="mt-0.5 font-mono text-xs text-slate-500">{k.prefix}…</div>
                <div className="mt-0.5 text-xs text-slate-500">
                  {t("createdAt")} {k.createdAt} · {t("lastUsed")} {k.lastUsedAt ?? t("never")} · {t("expires")} {k.expiresAt}
                </div>
              </div>
              {k.state === "active" ? (
                <ConfirmDialog
                  testId="revoke-dialog"
                  trigger={
                    <button type="button" className="rounded-md px-2.5 py-1 text-sm font-medium text-red-700 ring-1 ring-red-200 hover:bg-red-50" data-testid="token-revoke">
                      {t("revoke")}
                    </button>
                  }
                  title={t("revokeTitle")}
                  body={t("revokeBody", { prefix: k.prefix })}
                  confirmLabel={t("revoke")}
                  cancelLabel={t("cancel")}
                  action={revokeTokenAction}
                  fields={{ tokenId: k.id }}
                  onDone={(r) => setNotice(r && r.ok ? t("revokedOk") : null)}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
