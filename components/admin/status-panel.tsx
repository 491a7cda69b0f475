"use client";
/** Publish / unpublish / cancel (with a confirmation and a note for registrants) / complete. */
import { useTranslations } from "next-intl";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { useState } from "react";
import { setEventStatusAction } from "@/lib/events/actions";
import { btn } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
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
      <Dialog
        open={open}
        onOpenChange={setOpen}
        size="sm"
        title={t("cancelTitle")}
        description={t("cancelBody")}
        trigger={
          <button type="button" className={btn.danger} data-testid="cancel-event">
            {t("cancel")}
          </button>
        }
        footer={
          <>
            <DialogClose asChild>
              <button type="button" className={btn.secondary}>
                {t("back")}
              </button>
            </DialogClose>
            <button type="button" className={btn.dangerSolid} disabled={pending} onClick={() => go("cancelled")} data-testid="confirm-cancel">
              {t("confirmCancel")}
            </button>
          </>
        }
      >
        <TextAreaField label={t("reason")} name="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Dialog>
    </div>
  );
}
