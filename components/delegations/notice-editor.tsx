"use client";
/** The organizer's editor of the notice text: title, body (with the unit placeholders), signature, date of issue. */
import { useTranslations } from "next-intl";
import { useState } from "react";
import { btn } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { useAct } from "@/components/admin/use-action";
import { resetNoticeAction, saveNoticeAction } from "@/lib/delegations/docs-actions";

export type NoticeValues = { title: string; body: string; signature: string; issuedOn: string };

export function NoticeEditor({ eventId, initial, edited }: { eventId: string; initial: NoticeValues; edited: boolean }) {
  const t = useTranslations("delegationDocs.notice");
  const { act, pending, err } = useAct();
  const [v, setV] = useState(initial);
  const bind = (k: keyof NoticeValues) => ({ name: k, value: v[k], error: err(k), "data-testid": `notice-${k}`, onChange: (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value }) });
  return (
    <form
      className="space-y-3"
      data-testid="notice-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void act(() => saveNoticeAction({ ...v, eventId }), { success: t("saved") });
      }}
    >
      <TextField label={t("fieldTitle")} {...bind("title")} />
      <TextAreaField label={t("fieldBody")} rows={18} className="[&_textarea]:leading-relaxed" {...bind("body")} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextAreaField label={t("fieldSignature")} rows={3} {...bind("signature")} />
        <TextField label={t("fieldIssuedOn")} {...bind("issuedOn")} />
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
