"use client";
/**
 * Parallel sessions (分论坛) on the public agenda: side by side on a desktop (one column per session), stacked on a
 * phone with a room filter — the only client code of the agenda page, and only where sessions run in parallel.
 * Its texts come translated from the server (`labels`), so the agenda loads no client-side message catalogue.
 */
import { useState } from "react";
import { cn } from "@/lib/cn";

export type ParallelGroupLabels = { filter: string; allRooms: string };

export function ParallelGroup({ label, labels, rooms, items }: { label: string; labels: ParallelGroupLabels; rooms: { id: string; name: string }[]; items: { key: string; roomId: string | null; node: React.ReactNode }[] }) {
  const [room, setRoom] = useState<string | null>(null);
  const cols = Math.min(items.length, 4);
  return (
    <li className="rounded-2xl border border-dashed border-brand-200 bg-brand-50/40 p-3 sm:p-4" data-testid="parallel-group">
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <span className="text-sm font-semibold text-brand-900">{label}</span>
        {rooms.length > 1 && (
          <div className="flex flex-wrap gap-1.5 lg:hidden" role="group" aria-label={labels.filter}>
            {[{ id: null as string | null, name: labels.allRooms }, ...rooms].map((r) => (
              <button
                key={r.id ?? "all"}
                type="button"
                aria-pressed={room === r.id}
                onClick={() => setRoom(r.id)}
                className={cn("rounded-full px-3 py-1 text-xs font-medium ring-1", room === r.id ? "bg-brand-700 text-white ring-brand-700" : "bg-white text-slate-700 ring-slate-300")}
                data-testid="room-filter"
              >
                {r.name}
              </button>
            ))}
          </div>
        )}
      </div>
      <ol className={cn("grid gap-4", cols === 2 && "lg:grid-cols-2", cols === 3 && "lg:grid-cols-3", cols >= 4 && "lg:grid-cols-4")}>
        {items.map((it) => (
          <li key={it.key} className={cn(room && it.roomId !== room && "hidden lg:block")} data-room={it.roomId ?? ""}>
            {it.node}
          </li>
        ))}
      </ol>
    </li>
  );
}
