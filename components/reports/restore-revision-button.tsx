"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { restoreRevisionAction } from "@/lib/reports/actions";

export function RestoreRevisionButton(props: { eventId: string; reportId: string; version: number; revision: number; label: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        disabled={pending}
        data-testid="restore-revision"
        className="text-amber-700 hover:underline disabled:opacity-50"
        onClick={() =>
          start(async () => {
            const r = await restoreRevisionAction({ eventId: props.eventId, reportId: props.reportId, version: props.version, revision: props.revision });
            if (r.ok) router.push("?");
            else setError(r.error);
            router.refresh();
          })
        }
      >
        {props.label}
      </button>
      {error && <span className="text-red-700">{error}</span>}
    </>
  );
}
