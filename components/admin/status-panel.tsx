"use client";
/** Publish / unpublish / cancel (with a confirmation and a note for registrants) / complete. */
import * as Dialog from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { setEventStatusAction } from "@/app/admin/events/actions";
import { btn, TextArea } from "./fields";
import { useAct } from "./use-action";

type Status = "draft" | "published" | "cancelled" | "completed";

export function StatusPanel({ eventId, status }: { eventId: string; status: Status }) {
  const t = useTranslations("admin.status");
  const ts = useTranslations("shared.eventStatus");
  const tt = useTranslations("admin.toast");
  const { act, pending } = useAct();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const go = (to: Status) =>
    act(() => setEventStatusAction({ eventId, status: to, reason: to === "cancelled" ? reason : "" }), {
      success: (d) => (to === "cancelled" ? tt("cancelled", { n: d?.notified ?? 0 }) : tt(to === "published" ? "published" : to === "draft" ? "draft" : "completed")),
      onOk: () => setOpen(false),
    });
  if (status === "cancelled" || status === "completed") return <p className="text-sm text-slate-600">{t("final", { status: ts(status) })}</p>;
  return (
    <div className="flex flex-wrap gap-2" data-testid="status-panel">
      {status === "draft" ? (
        <button type="button" className={btn.primary} disabled={pending} onClick={() => go("published")} data-testid="publish">
          {t("publish")}
        </button>
      ) : (
        <>
          <button type="button" className={btn.secondary} disabled={pending} onClick={() => go("draft")} data-testid="unpublish">
            {t("unpublish")}
          </button>
          <button type="button" className={btn.secondary} disabled={pending} onClick={() => go("completed")} data-testid="complete">
            {t("complete")}
          </button>
        </>
      )}
      <Dialog.Root open={open} onOpenChange={setOpen}>
        <Dialog.Trigger asChild>
          <button type="button" className={btn.danger} data-testid="cancel-event">
            {t("cancel")}
          </button>
        </Dialog.Trigger>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
          <Dialog.Content className="fixed left-1/2 top-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-2xl bg-white p-6 shadow-xl">
            <Dialog.Title className="text-lg font-semibold">{t("cancelTitle")}</Dialog.Title>
            <Dialog.Description className="mt-2 text-sm text-slate-600">{t("cancelBody")}</Dialog.Description>
            <TextArea label={t("reason")} name="reason" value={reason} onChange={(e) => setReason(e.target.value)} className="mt-4" />
            <div className="mt-5 flex justify-end gap-2">
              <Dialog.Close asChild>
                <button type="button" className={btn.secondary}>
                  {t("back")}
                </button>
              </Dialog.Close>
              <button type="button" className={`${btn.primary} bg-red-600 hover:bg-red-700`} disabled={pending} onClick={() => go("cancelled")} data-testid="confirm-cancel">
                {t("confirmCancel")}
              </button>
            </div>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </div>
  );
}
