"use client";
/**
 * The one form pattern: a <form action={formAction}> whose server action returns an ActionResult
 * (`{ ok, data } | { ok: false, error, code, fieldErrors }`), run through React's `useActionState`.
 *
 *   const f = useActionForm(saveThingAction, { success: t("saved") });
 *   <form action={f.formAction}>
 *     {f.formError ? <FormAlert>{f.formError}</FormAlert> : null}
 *     <TextField name="title" label={t("title")} error={f.error("title")} />
 *     <SubmitButton>{t("save")}</SubmitButton>
 *   </form>
 *
 * On success it toasts `success` (inside a <Toaster>), calls `onOk(data)` and refreshes the route's server data; on
 * failure field messages come back per name through `error(name)` (codes such as "too_long" or
 * "seats_below_assigned:12" are translated from `errorsNamespace`) and a translated summary in `formError`.
 */
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useCallback } from "react";
import { useFormStatus } from "react-dom";
import type { ActionResult } from "@/lib/actions/result";
import { cn } from "@/lib/cn";
import { btn } from "./button";
import { useToast } from "./toast";

type Failure = Extract<ActionResult, { ok: false }>;

/** Translate a field-error code ("too_long", "seats_below_assigned:12") from a namespace; unknown text is shown as is. */
export function useErrorText(namespace = "admin.errors") {
  // Codes arrive from the server at run time, so the typed message keys (global.d.ts) cannot check them here.
  const t = useTranslations(namespace as never) as unknown as ((k: string, v: Record<string, string>) => string) & { has: (k: string) => boolean };
  return useCallback(
    (code: string | undefined | null) => {
      if (!code) return undefined;
      const [key, arg] = code.split(":");
      return t.has(key) ? t(key, { n: arg ?? "" }) : code;
    },
    [t],
  );
}

/** The summary line for a failed ActionResult: generic codes translated here, domain messages as the server wrote them. */
export function useFailureText() {
  const t = useTranslations("ui.errors");
  return useCallback(
    (r: Pick<Failure, "error" | "code"> | null | undefined) => {
      if (!r) return undefined;
      switch (r.code) {
        case "invalid":
        case "unauthenticated":
        case "forbidden":
        case "rate_limited":
        case "internal":
          return t(r.code);
        default:
          return r.error === NETWORK ? t("network") : r.error;
      }
    },
    [t],
  );
}

const NETWORK = "network";

export function useActionForm<T = unknown>(
  action: (fd: FormData) => Promise<ActionResult<T>>,
  opts: {
    /** Toast text on success (needs a <Toaster> above). */
    success?: string | ((data: T | undefined) => string);
    onOk?: (data: T | undefined) => void;
    /** Re-render the route's server components after success (default true). */
    refresh?: boolean;
    /** Also toast the failure (console screens, where the form may be scrolled away). */
    errorToast?: boolean;
    errorsNamespace?: string;
  } = {},
) {
  const router = useRouter();
  const toast = useToast();
  const errText = useErrorText(opts.errorsNamespace);
  const failureText = useFailureText();
  const [state, formAction, pending] = useActionState<ActionResult<T> | null, FormData>(async (_prev, fd) => {
    let r: ActionResult<T>;
    try {
      r = await action(fd);
    } catch {
      r = { ok: false, error: NETWORK };
    }
    if (r.ok) {
      const msg = typeof opts.success === "function" ? opts.success(r.data) : opts.success;
      if (msg) toast(msg, "success");
      opts.onOk?.(r.data);
      if (opts.refresh !== false) router.refresh();
    } else if (opts.errorToast) {
      toast(failureText(r) ?? "", "error");
    }
    return r;
  }, null);
  const failure = state && !state.ok ? state : null;
  return {
    state,
    formAction,
    pending,
    /** The translated first message for a field, or undefined. */
    error: (name: string) => errText(failure?.fieldErrors?.[name]?.[0]),
    formError: failureText(failure),
  };
}

/** A form-level message: errors are role="alert" (announced at once), success is role="status". */
export function FormAlert({ tone = "error", children, testId = "form-error", className }: { tone?: "error" | "success"; children: React.ReactNode; testId?: string; className?: string }) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      data-testid={testId}
      className={cn(
        "rounded-lg px-3 py-2.5 text-sm ring-1 ring-inset",
        tone === "error" ? "bg-red-50 text-red-700 ring-red-200" : "bg-emerald-50 text-emerald-800 ring-emerald-200",
        className,
      )}
    >
      {children}
    </div>
  );
}

/**
 * Submit button that disables itself (and can show `pendingLabel`) while its form's action runs. A form submitted
 * through an onSubmit handler passes its own transition's `busy` (useFormStatus sees only `action=` forms).
 */
export function SubmitButton({
  children,
  pendingLabel,
  className,
  testId,
  variant = "primary",
  busy = false,
  ...rest
}: { children: React.ReactNode; pendingLabel?: string; className?: string; testId?: string; variant?: keyof typeof btn; busy?: boolean } & Omit<React.ButtonHTMLAttributes<HTMLButtonElement>, "type" | "className" | "children">) {
  const pending = useFormStatus().pending || busy;
  return (
    <button type="submit" disabled={pending || rest.disabled} aria-busy={pending || undefined} data-testid={testId} className={cn(btn[variant], "disabled:cursor-wait", className)} {...rest}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}

/** FormData of a form element → plain object, for client handlers that call an action with an object. */
export function formObject(form: HTMLFormElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of new FormData(form).entries()) out[k] = v;
  return out;
}
