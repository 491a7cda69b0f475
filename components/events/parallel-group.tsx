/**
 * Parallel sessions (分论坛) on the public agenda: side by side on a desktop (one column per session), stacked on a
 * phone with a room filter. A server component: the filter's buttons are answered by public/islands.js, which marks
 * the other rooms' sessions `data-filtered` (hidden on a phone, shown on a computer) — no React on the client, so the
 * agenda works when served without React's runtime (issue 15). Its texts come translated from the server (`labels`).
 */
import { cn } from "@/lib/cn";

export type ParallelGroupLabels = { filter: string; allRooms: string };

export function ParallelGroup({ label, labels, rooms, items }: { label: string; labels: ParallelGroupLabels; rooms: { id: string; name: string }[]; items: { key: string; roomId: string | null; node: React.ReactNode }[] }) {
  const cols = Math.min(items.length, 4);
  return (
    <li className="rounded-2xl border border-dashed border-brand-200 bg-brand-50/40 p-3 sm:p-4" data-testid="parallel-group" data-room-group="">
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <span className="text-sm font-semibold text-brand-900">{label}</span>
        {rooms.length > 1 && (
          <div className="flex flex-wrap gap-1.5 lg:hidden" role="group" aria-label={labels.filter}>
            {[{ id: "", name: labels.allRooms }, ...rooms].map((r) => (
              <button
                key={r.id || "all"}
                type="button"
                aria-pressed={r.id === ""}
                data-island="room-filter"
                data-room-filter={r.id}
                className="rounded-full bg-white px-3 py-1 text-xs font-medium text-slate-700 ring-1 ring-slate-300 aria-pressed:bg-brand-700 aria-pressed:text-white aria-pressed:ring-brand-700"
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
          <li key={it.key} className="data-filtered:hidden lg:data-filtered:block" data-room={it.roomId ?? ""}>
            {it.node}
          </li>
        ))}
      </ol>
    </li>
  );
}
