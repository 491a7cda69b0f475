"use client";
/**
 * Run a server action from a console form: pending state, per-field messages (already translated by the server in
 * the request's language, see lib/i18n/errors.ts), a toast for the outcome, and a router refresh so server data
 * re-renders.
 */
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useState, useTransition } from "react";
import type { ActionResult, FieldErrors } from "@/lib/actions/result";
import { useToast } from "@/components/ui/toast";

export function useAct() {
  const router = useRouter();
  const toast = useToast();
  const t = useTranslations("errors");
  const [pending, start] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const act = useCallback(
    <T,>(action: () => Promise<ActionResult<T>>, opts: { success?: string | ((data: T | undefined) => string); onOk?: (data: T | undefined) => void; refresh?: boolean; optimistic?: () => void } = {}) =>
      new Promise<ActionResult<T>>((resolve) => {
        start(async () => {
          opts.optimistic?.(); // inside the transition: useOptimistic updates show until the refresh lands
          let r: ActionResult<T>;
          try {
            r = await action();
          } catch {
            r = { ok: false, error: t("network") };
          }
          if (r.ok) {
            setFieldErrors({});
            const msg = typeof opts.success === "function" ? opts.success(r.data) : opts.success;
            if (msg) toast(msg, "success");
            opts.onOk?.(r.data);
            if (opts.refresh !== false) router.refresh();
          } else {
            setFieldErrors(r.fieldErrors ?? {});
            const first = r.fieldErrors ? Object.values(r.fieldErrors)[0]?.[0] : undefined;
            toast(first ?? r.error, "error");
          }
          resolve(r);
        });
      }),
    [router, toast, t],
  );

  const err = useCallback((field: string) => fieldErrors[field]?.[0], [fieldErrors]);
  return { act, pending, fieldErrors, setFieldErrors, err };
}
