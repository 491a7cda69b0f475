"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/result";

/** Cancel one's registration, after a confirmation; the result (or the error) is shown in place. */
export function CancelButton({ registrationId, action }: { registrationId: string; action: (prev: ActionResult | null, fd: FormData) => Promise<ActionResult> }) {
  const t = useTranslations("registration.mine");
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok)
    return (
      <p role="status" className="text-sm font-medium text-slate-700" data-testid="cancelled-note">
        {t("cancelled")}
      </p>
    );
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (!window.confirm(t("cancelConfirm"))) e.preventDefault();
      }}
    >
      <input type="hidden" name="registrationId" value={registrationId} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg border border-red-300 px-4 py-2 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60"
        data-testid="cancel-registration"
      >
        {t("cancel")}
      </button>
      {state && !state.ok && (
        <p role="alert" className="mt-2 text-sm text-red-600">
          {state.error}
        </p>
      )}
    </form>
  );
}
