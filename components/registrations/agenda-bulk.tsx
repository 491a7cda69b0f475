"use client";
/** "Add all" / "clear" on the personal agenda: one form, the pressed button says which (issue 13 §13). */
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { btn } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";

export function AgendaBulk({
  eventId,
  forumTitle,
  canAdd,
  canClear,
  action,
}: {
  eventId: string;
  forumTitle: string;
  /** Some session is not on the agenda yet. */
  canAdd: boolean;
  /** Some session is on it (the site visit joined at registration does not count: it stays). */
  canClear: boolean;
  action: (prev: ActionResult | null, fd: FormData) => Promise<ActionResult>;
}) {
  const t = useTranslations("registration.myAgenda");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2" data-testid="agenda-bulk">
      <input type="hidden" name="eventId" value={eventId} />
      <button type="submit" name="selected" value="1" disabled={pending || !canAdd} className={btn.secondary} aria-label={`${t("addAll")}: ${forumTitle}`} data-testid="agenda-add-all">
        {t("addAll")}
      </button>
      <button type="submit" name="selected" value="0" disabled={pending || !canClear} className={btn.secondary} aria-label={`${t("clearAll")}: ${forumTitle}`} data-testid="agenda-clear">
        {t("clearAll")}
      </button>
      {state && !state.ok ? (
        <p role="alert" className="w-full text-xs text-red-600">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
