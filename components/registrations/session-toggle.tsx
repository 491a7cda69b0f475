"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/result";
import { cn } from "@/lib/cn";

/** Add a session to / remove it from the personal agenda. */
export function SessionToggle({ sessionId, selected, title, action }: { sessionId: string; selected: boolean; title: string; action: (prev: ActionResult | null, fd: FormData) => Promise<ActionResult> }) {
  const t = useTranslations("registration.myAgenda");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="shrink-0">
      <input type="hidden" name="sessionId" value={sessionId} />
      <input type="hidden" name="selected" value={selected ? "0" : "1"} />
      <button
        type="submit"
        disabled={pending}
        aria-pressed={selected}
        aria-label={`${selected ? t("remove") : t("add")}: ${title}`}
        data-testid="session-toggle"
        className={cn(
          "rounded-lg px-3 py-2 text-sm font-medium ring-1 ring-inset transition disabled:opacity-60",
          selected ? "bg-emerald-600 text-white ring-emerald-600 hover:bg-emerald-700" : "bg-white text-brand-700 ring-brand-600 hover:bg-brand-50",
        )}
      >
        {selected ? `✓ ${t("added")}` : `+ ${t("add")}`}
      </button>
      {state && !state.ok && (
        <p role="alert" className="mt-1 text-xs text-red-600">
          {state.error}
        </p>
      )}
    </form>
  );
}
