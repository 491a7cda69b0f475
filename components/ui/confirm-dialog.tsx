"use client";
/**
 * A confirm dialog (Radix Dialog) that runs a server action with hidden fields when confirmed, then reports the
 * ActionResult to `onDone`. For destructive admin and profile actions (revoke, disable, demote …).
 */
import * as Dialog from "@radix-ui/react-dialog";
import { useState, useTransition } from "react";
import { cn } from "@/lib/cn";

type Result = { ok: boolean; error?: string } | null | undefined | void;

export function ConfirmDialog({
  trigger,
  title,
  body,
  confirmLabel,
  cancelLabel,
  action,
  fields,
  tone = "danger",
  onDone,
  testId,
}: {
  trigger: React.ReactNode;
  title: string;
  body: React.ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  action: (fd: FormData) => Promise<Result>;
  fields: Record<string, string>;
  tone?: "danger" | "primary";
  onDone?: (r: Result) => void;
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40 backdrop-blur-[1px]" />
        <Dialog.Content
          data-testid={testId}
          className="fixed left-1/2 top-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-2xl bg-white p-6 shadow-xl focus:outline-none"
        >
          <Dialog.Title className="text-lg font-semibold text-slate-900">{title}</Dialog.Title>
          <Dialog.Description asChild>
            <div className="mt-2 text-sm leading-relaxed text-slate-600">{body}</div>
          </Dialog.Description>
          <form
            className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end"
            action={(fd) =>
              start(async () => {
                const r = await action(fd);
                setOpen(false);
                onDone?.(r);
              })
            }
          >
            {Object.entries(fields).map(([k, v]) => (
              <input key={k} type="hidden" name={k} value={v} />
            ))}
            <Dialog.Close asChild>
              <button type="button" className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50">
                {cancelLabel}
              </button>
            </Dialog.Close>
            <button
              type="submit"
              disabled={pending}
              data-testid="confirm"
              className={cn(
                "rounded-lg px-4 py-2 text-sm font-semibold text-white shadow-sm disabled:opacity-60",
                tone === "danger" ? "bg-red-600 hover:bg-red-700" : "bg-brand-700 hover:bg-brand-600",
              )}
            >
              {confirmLabel}
            </button>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
