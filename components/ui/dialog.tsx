"use client";
/**
 * The one dialog (Radix Dialog): focus trap, Escape, scroll lock, title wired to the dialog, a translated close button.
 * - `variant="center"` (default): a centred card on a computer, a bottom sheet on a phone (sticky to the bottom);
 * - `variant="drawer"`: a full-height panel from the right (detail views).
 * Controlled (`open` + `onOpenChange`) or uncontrolled with a `trigger`. Put actions in `footer` so they stay visible.
 * <ConfirmDialog> below is the confirm-then-run-a-server-action case built on it; <FormDialog> the edit-a-form case.
 */
import * as RadixDialog from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { cn } from "@/lib/cn";
import { btn } from "./button";
import { formObject, SubmitButton } from "./form";
import { X } from "./icons";

export const DialogClose = RadixDialog.Close;

const content = {
  center:
    "fixed inset-x-0 bottom-0 z-50 flex max-h-[92vh] flex-col rounded-t-2xl bg-white shadow-xl focus:outline-none sm:inset-auto sm:left-1/2 sm:top-1/2 sm:max-h-[88vh] sm:w-[calc(100vw-2rem)] sm:-translate-x-1/2 sm:-translate-y-1/2 sm:rounded-2xl",
  drawer: "fixed inset-y-0 right-0 z-50 flex w-full max-w-lg flex-col bg-white shadow-2xl focus:outline-none",
} as const;
const widths = { sm: "sm:max-w-md", md: "sm:max-w-xl", lg: "sm:max-w-3xl" } as const;

/** The usual opener: a plain button with a label (`trigger` also takes any element). */
export type TriggerButton = { label: React.ReactNode; tone?: "primary" | "secondary" | "danger"; testId?: string; disabled?: boolean };
function triggerNode(trigger: React.ReactNode | TriggerButton): React.ReactNode {
  if (!trigger || typeof trigger !== "object" || !("label" in trigger)) return trigger as React.ReactNode;
  return (
    <button type="button" className={btn[trigger.tone ?? "primary"]} disabled={trigger.disabled} data-testid={trigger.testId}>
      {trigger.label}
    </button>
  );
}

export function Dialog({
  open,
  onOpenChange,
  trigger,
  title,
  description,
  header,
  children,
  footer,
  variant = "center",
  size = "md",
  testId,
}: {
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** The element that opens the dialog (uncontrolled use), or a button's label, tone and test id. */
  trigger?: React.ReactNode | TriggerButton;
  title: React.ReactNode;
  /** Read by screen readers when the dialog opens. */
  description?: React.ReactNode;
  /** Extra header content under the title (badges, metadata). */
  header?: React.ReactNode;
  children?: React.ReactNode;
  /** Buttons; kept visible under a scrolling body. */
  footer?: React.ReactNode;
  variant?: keyof typeof content;
  size?: keyof typeof widths;
  testId?: string;
}) {
  const t = useTranslations("ui");
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger ? <RadixDialog.Trigger asChild>{triggerNode(trigger)}</RadixDialog.Trigger> : null}
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <RadixDialog.Content
          data-testid={testId}
          {...(description ? {} : { "aria-describedby": undefined })}
          className={cn(content[variant], variant === "center" && widths[size])}
        >
          <div className={cn("flex items-start justify-between gap-4 px-5 pt-5 sm:px-6", variant === "drawer" && "border-b border-slate-200 pb-4")}>
            <div className="min-w-0">
              <RadixDialog.Title className="text-lg font-semibold text-slate-900">{title}</RadixDialog.Title>
              {description ? (
                <RadixDialog.Description asChild>
                  <div className="mt-2 text-sm leading-relaxed text-slate-600">{description}</div>
                </RadixDialog.Description>
              ) : null}
              {header}
            </div>
            <RadixDialog.Close className={cn(btn.ghostIcon, "-mr-2 shrink-0")} aria-label={t("close")} title={t("close")} data-testid="dialog-close">
              <X aria-hidden className="h-5 w-5" />
            </RadixDialog.Close>
          </div>
          {children ? <div className="min-h-0 flex-1 overflow-y-auto px-5 pb-5 pt-4 sm:px-6">{children}</div> : <div className="pb-4" />}
          {footer ? (
            <div className="flex flex-col-reverse gap-2 border-t border-slate-100 px-5 py-3 sm:flex-row sm:justify-end sm:px-6">{footer}</div>
          ) : null}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

type Result = Pick<ActionResult, "ok"> & { error?: string } | null | undefined | void;

/**
 * Confirm, then run a server action with hidden `fields` (revoke, disable, delete …), close, and report the
 * ActionResult to `onDone` (which usually toasts it).
 */
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
  trigger: React.ReactNode | TriggerButton;
  title: string;
  body: React.ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  action: (fd: FormData) => Promise<Result>;
  fields: Record<string, string>;
  tone?: "danger" | "primary";
  onDone?: (r: Result) => void;
  testId?: string;
}) {
  const t = useTranslations("ui");
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={trigger}
      title={title}
      description={body}
      size="sm"
      testId={testId}
      footer={
        <form
          className="contents"
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
          <DialogClose asChild>
            <button type="button" className={btn.secondary}>
              {cancelLabel ?? t("cancel")}
            </button>
          </DialogClose>
          <button type="submit" disabled={pending} data-testid="confirm" className={tone === "danger" ? btn.dangerSolid : btn.primary}>
            {confirmLabel}
          </button>
        </form>
      }
    />
  );
}

/**
 * A dialog around one form, with 取消 / 保存 under it: `onSubmit` (and `onChange`, for live checks) get the form's
 * fields as an object; the caller runs its action (usually `useAct().act`) and closes on success.
 */
export function FormDialog({
  title,
  testId,
  onClose,
  onSubmit,
  onChange,
  pending,
  submitTestId,
  submitDisabled,
  submitLabel,
  className = "space-y-3",
  noValidate,
  children,
}: {
  title: React.ReactNode;
  testId?: string;
  onClose: () => void;
  onSubmit: (fields: Record<string, string>) => void;
  onChange?: (fields: Record<string, string>) => void;
  pending?: boolean;
  submitTestId?: string;
  submitDisabled?: boolean;
  submitLabel?: string;
  className?: string;
  noValidate?: boolean;
  children: React.ReactNode;
}) {
  const t = useTranslations("ui");
  const fields = (form: HTMLFormElement) => formObject(form) as Record<string, string>;
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={title} testId={testId}>
      <form
        className={className}
        noValidate={noValidate}
        onChange={onChange ? (e) => onChange(fields(e.currentTarget)) : undefined}
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit(fields(e.currentTarget));
        }}
      >
        {children}
        <div className="flex justify-end gap-2 pt-1">
          <button type="button" className={btn.secondary} onClick={onClose}>
            {t("cancel")}
          </button>
          <button type="submit" className={btn.primary} disabled={pending || submitDisabled} data-testid={submitTestId}>
            {submitLabel ?? t("save")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The foot of an action form inside a dialog: a close button (the dialog's own) and the form's submit button. */
export function DialogFormActions({ closeLabel, submitLabel, submitTestId, className }: { closeLabel?: string; submitLabel: React.ReactNode; submitTestId?: string; className?: string }) {
  const t = useTranslations("ui");
  return (
    <div className={cn("flex justify-end gap-2 pt-2", className)}>
      <DialogClose asChild>
        <button type="button" className={btn.secondary}>
          {closeLabel ?? t("cancel")}
        </button>
      </DialogClose>
      <SubmitButton testId={submitTestId}>{submitLabel}</SubmitButton>
    </div>
  );
}
