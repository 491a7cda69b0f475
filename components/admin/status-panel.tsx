"use client";
/**
 * Publish / unpublish / cancel (with a confirmation and a note for registrants) / complete. Publishing a draft opens
 * the publish checklist (lib/events/publish-checklist.ts, computed by the page): every point with its level, then the
 * confirmation. Warnings never block — the organizer decides — but the button says "publish anyway" when there are any.
 */
import { useTranslations } from "next-intl";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { useState } from "react";
import { setEventStatusAction } from "@/lib/events/actions";
import type { CheckLevel } from "@/lib/events/publish-checklist";
import { btn } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { CircleCheck, Info, TriangleAlert } from "@/components/ui/icons";
import { cn } from "@/lib/cn";
import { useAct } from "./use-action";

type Status = "draft" | "published" | "cancelled" | "completed";
/** A checklist point with its message params already formatted (dates in the forum's zone). */
export type ChecklistLine = { key: string; level: CheckLevel; params?: Record<string, string | number> };

const levelIcon = { ok: CircleCheck, info: Info, warn: TriangleAlert } as const;
const levelTone = { ok: "text-emerald-600", info: "text-brand-600", warn: "text-amber-600" } as const;

export function StatusPanel({ eventId, status, checklist = [] }: { eventId: string; status: Status; checklist?: ChecklistLine[] }) {
  const t = useTranslations("admin.status");
  const ts = useTranslations("shared.eventStatus");
  const tt = useTranslations("admin.toast");
  const tp = useTranslations("publish");
  const { act, pending } = useAct();
  const [open, setOpen] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [reason, setReason] = useState("");
  const go = (to: Status) =>
    act(() => setEventStatusAction({ eventId, status: to, reason: to === "cancelled" ? reason : "" }), {
      success: (d) => (to === "cancelled" ? tt("cancelled", { n: d?.notified ?? 0 }) : tt(to === "published" ? "published" : to === "draft" ? "draft" : "completed")),
      onOk: () => {
        setOpen(false);
        setPublishing(false);
      },
    });
  if (status === "cancelled" || status === "completed") return <p className="text-sm text-slate-600">{t("final", { status: ts(status) })}</p>;
  const warnings = checklist.filter((c) => c.level === "warn").length;
  return (
    <div className="flex flex-wrap gap-2" data-testid="status-panel">
      {status === "draft" ? (
        <Dialog
          open={publishing}
          onOpenChange={setPublishing}
          title={tp("dialog.title")}
          description={tp("dialog.intro")}
          testId="publish-checklist"
          trigger={
            <button type="button" className={btn.primary} disabled={pending} data-testid="publish">
              {t("publish")}
            </button>
          }
          footer={
            <>
              <DialogClose asChild>
                <button type="button" className={btn.secondary}>
                  {tp("dialog.back")}
                </button>
              </DialogClose>
              <button type="button" className={btn.primary} disabled={pending} onClick={() => go("published")} data-testid="confirm-publish">
                {warnings ? tp("dialog.publishAnyway") : tp("dialog.publish")}
              </button>
            </>
          }
        >
          <p className={cn("mb-3 text-sm font-medium", warnings ? "text-amber-800" : "text-emerald-700")} data-testid="checklist-summary" data-warnings={warnings}>
            {tp("dialog.warnings", { n: warnings })}
          </p>
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
            {checklist.map((c) => {
              const Icon = levelIcon[c.level];
              return (
                <li key={c.key} className="flex items-start gap-2.5 px-3 py-2.5 text-sm" data-testid="check-item" data-key={c.key} data-level={c.level}>
                  <Icon aria-hidden className={cn("mt-0.5 h-4 w-4 shrink-0", levelTone[c.level])} />
                  <span className="min-w-0 flex-1 break-words text-slate-800">
                    <span className="sr-only">{tp(`level.${c.level}`)}: </span>
                    {tp(`check.${c.key}` as "check.dates", c.params as Record<string, string>)}
                  </span>
                </li>
              );
            })}
          </ul>
        </Dialog>
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
        trigger={{ label: t("cancel"), tone: "danger", testId: "cancel-event" }}
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
