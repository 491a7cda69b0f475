"use client";
/** Buses with seats taken, and "auto-fill by category"; adjust by hand with the table's bulk "assign to bus". */
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { autoFillBusesAction } from "@/lib/registrations/actions";
import type { BusWithSeats } from "@/lib/registrations/admin-queries";

export function BusPanel({ eventId, buses }: { eventId: string; buses: BusWithSeats[] }) {
  const t = useTranslations("console");
  const router = useRouter();
  const [msg, setMsg] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="bus-panel">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-lg font-semibold text-slate-900">{t("buses.title")}</h2>
        {buses.length > 0 && (
          <button
            type="button"
            disabled={pending}
            onClick={() =>
              start(async () => {
                const r = await autoFillBusesAction({ eventId });
                setMsg(r.ok && r.data ? t("buses.autoFilled", r.data) : r.ok ? null : r.error);
                router.refresh();
              })
            }
            className="rounded-lg bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-900 disabled:opacity-50"
            data-testid="auto-fill"
          >
            {t("buses.autoFill")}
          </button>
        )}
      </div>
      {msg && (
        <p className="mt-2 rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-700" role="status">
          {msg}
        </p>
      )}
      {buses.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">{t("buses.none")}</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {buses.map((b) => {
            const pct = Math.min(100, Math.round((b.taken / b.seats) * 100));
            return (
              <li key={b.id}>
                <div className="flex items-baseline justify-between text-sm">
                  <span className="font-medium text-slate-900">
                    {b.name}
                    {b.leaderName && <span className="ml-2 text-xs font-normal text-slate-500">{t("buses.leader", { name: b.leaderName })}</span>}
                  </span>
                  <span className="tabular-nums text-slate-700">{t("buses.seats", { taken: b.taken, seats: b.seats })}</span>
                </div>
                <div className="mt-1 h-2 overflow-hidden rounded-full bg-slate-100">
                  <div className={pct >= 100 ? "h-full bg-amber-500" : "h-full bg-brand-600"} style={{ width: `${pct}%` }} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
