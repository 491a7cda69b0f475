"use client";
/** The organizer's editor of the notice text: title, body (with the unit placeholders), signature, date of issue. */
import { useTranslations } from "next-intl";
import { useState } from "react";
import { btn, inputCls } from "@/components/admin/fields";
import { useAct } from "@/components/admin/use-action";
import { resetNoticeAction, saveNoticeAction } from "@/lib/delegations/docs-actions";
import { cn } from "@/lib/cn";

export type NoticeValues = { title: string; body: string; signature: string; issuedOn: string };

export function NoticeEditor({ eventId, initial, edited }: { eventId: string; initial: NoticeValues; edited: boolean }) {
  const t = useTranslations("delegationDocs.notice");
  const { act, pending, err } = useAct();
  const [v, setV] = useState(initial);
  const field = (k: keyof NoticeValues, label: string, rows?: number) => (
    <label className="block text-sm">
      <span className="font-medium text-slate-700">{label}</span>
      {rows ? (
        <textarea
          name={k}
          rows={rows}
          value={v[k]}
          onChange={(e) => setV({ ...v, [k]: e.target.value })}
          aria-invalid={err(k) ? true : undefined}
          className={cn(inputCls, "mt-1 font-mono leading-relaxed")}
          data-testid={`notice-${k}`}
        />
      ) : (
        <input name={k} value={v[k]} onChange={(e) => setV({ ...v, [k]: e.target.value })} aria-invalid={err(k) ? true : undefined} className={cn(inputCls, "mt-1")} data-testid={`notice-${k}`} />
      )}
      {err(k) ? <span className="text-xs text-red-600">{err(k)}</span> : null}
    </label>
  );
  return (
    <form
      className="space-y-3"
      data-testid="notice-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void act(() => saveNoticeAction({ ...v, eventId }), { success: t("saved") });
      }}
    >
      {field("title", t("fieldTitle"))}
      {field("body", t("fieldBody"), 18)}
      <div className="grid gap-3 sm:grid-cols-2">
        {field("signature", t("fieldSignature"), 3)}
        {field("issuedOn", t("fieldIssuedOn"))}
      </div>
      <div className="flex flex-wrap justify-end gap-2">
        {edited ? (
          <button type="button" className={btn.secondary} disabled={pending} onClick={() => void act(() => resetNoticeAction({ eventId }), { success: t("resetDone") })} data-testid="notice-reset">
            {t("reset")}
          </button>
        ) : null}
        <button type="submit" className={btn.primary} disabled={pending} data-testid="notice-save">
          {t("save")}
        </button>
      </div>
    </form>
  );
}
