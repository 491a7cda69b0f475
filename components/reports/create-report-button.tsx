"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createReportAction } from "@/lib/reports/actions";

export function CreateReportButton({ eventId, eventSlug, label }: { eventId: string; eventSlug: string; label: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <button
        type="button"
        data-testid="create-report"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await createReportAction({ eventId });
            if (r.ok && r.data) router.push(`/admin/events/${eventSlug}/reports/${r.data.id}`);
            else if (!r.ok) setError(r.error);
          })
        }
        className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900 disabled:opacity-60"
      >
        {label}
      </button>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
