"use client";
/**
 * Run a server action from a console form: pending state, per-field messages (translated from the codes the server
 * sends, e.g. "seats_below_assigned:12"), a toast for the outcome, and a router refresh so server data re-renders.
 */
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useState, useTransition } from "react";
import type { ActionResult, FieldErrors } from "@/lib/actions/result";
import { useToast } from "@/components/ui/toast";

export function useErrorText() {
  const t = useTranslations("admin.errors");
  return useCallback(
    (code: string | undefined) => {
      if (!code) return undefined;
      const [key, arg] = code.split(":");
      const dynamic = t as unknown as ((k: string, v: Record<string, string>) => string) & { has: (k: string) => boolean }; // codes come from the server
      return dynamic.has(key) ? dynamic(key, { n: arg ?? "" }) : code;
    },
    [t],
  );
}

export function useAct() {
  const router = useRouter();
  const toast = useToast();
  const errText = useErrorText();
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
            r = { ok: false, error: "Network error" };
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
            toast(first ? `${errText(first)}` : r.error, "error");
          }
          resolve(r);
        });
      }),
    [router, toast, errText],
  );

  const err = useCallback((field: string) => errText(fieldErrors[field]?.[0]), [fieldErrors, errText]);
  return { act, pending, fieldErrors, setFieldErrors, err };
}
