"use client";
/**
 * Rooms and parallel sessions in the agenda builder: each time slot where sessions overlap is laid out with one
 * column per session (its room, its seats, how many attendees chose it). Rooms themselves are set up on the
 * seating tab; this sets which room a session takes and its own seats.
 */
import { useTranslations } from "next-intl";
import { inputCls } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { setSessionRoomAction, setSessionSeatsAction } from "@/lib/venues/actions";
import { useAct } from "./use-action";

export type PSession = { id: string; title: string; when: string; roomId: string | null; ownCapacity: number | null; capacity: number | null; taken: number };

export function ParallelPanel({ eventId, groups, rooms }: { eventId: string; groups: { label: string; sessions: PSession[] }[]; rooms: { id: string; name: string; capacity: number | null }[] }) {
  const t = useTranslations("admin.agenda.parallel");
  const { act, pending, err } = useAct();
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4" data-testid="parallel-panel">
      <h2 className="font-semibold text-slate-800">{t("title")}</h2>
      <p className="mt-1 text-sm text-slate-600">
        {t("intro")} {t("manageRooms")}
      </p>
      {groups.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">{t("none")}</p>
      ) : (
        <div className="mt-4 space-y-5">
          {groups.map((g) => (
            <div key={g.sessions[0].id} data-testid="parallel-slot">
              <h3 className="text-sm font-medium text-slate-700">{g.label}</h3>
              <div className={cn("mt-2 grid gap-3", g.sessions.length >= 3 ? "md:grid-cols-3" : "md:grid-cols-2")}>
                {g.sessions.map((s) => (
                  <form
                    key={s.id}
                    className="space-y-2 rounded-lg border border-slate-200 p-3"
                    data-testid="parallel-session"
                    onSubmit={(e) => {
                      e.preventDefault();
                      const fd = new FormData(e.currentTarget);
                      void act(() => setSessionSeatsAction({ eventId, sessionId: s.id, capacity: String(fd.get("capacity") ?? "") }));
                    }}
                  >
                    <p className="font-medium text-slate-900">{s.title}</p>
                    <p className="text-xs text-slate-500">{s.when}</p>
                    <label className="block text-xs font-medium text-slate-600">
                      {t("room")}
                      <select
                        className={cn(inputCls, "mt-1")}
                        defaultValue={s.roomId ?? ""}
                        disabled={pending}
                        onChange={(e) => void act(() => setSessionRoomAction({ eventId, sessionId: s.id, roomId: e.target.value }))}
                        data-testid="parallel-room"
                      >
                        <option value="">{t("noRoom")}</option>
                        {rooms.map((r) => (
                          <option key={r.id} value={r.id}>
                            {r.name}
                            {r.capacity ? ` (${r.capacity})` : ""}
                          </option>
                        ))}
                      </select>
                    </label>
                    <label className="block text-xs font-medium text-slate-600">
                      {t("seats")}
                      <div className="mt-1 flex gap-2">
                        <input name="capacity" type="number" min={1} inputMode="numeric" defaultValue={s.ownCapacity ?? ""} placeholder={t("seatsHint")} className={inputCls} aria-invalid={err("capacity") ? true : undefined} data-testid="parallel-seats" />
                        <button type="submit" disabled={pending} className="rounded-lg bg-brand-700 px-3 text-sm font-medium text-white disabled:opacity-50">
                          {t("save")}
                        </button>
                      </div>
                    </label>
                    <p className={cn("text-sm", s.capacity != null && s.taken >= s.capacity ? "font-semibold text-amber-800" : "text-slate-700")} data-testid="parallel-chosen">
                      {s.capacity == null ? t("chosen", { n: s.taken }) : t("chosenOf", { n: s.taken, cap: s.capacity })}
                    </p>
                  </form>
                ))}
              </div>
            </div>
          ))}
          {err("capacity") && <p className="text-sm text-red-600">{err("capacity")}</p>}
        </div>
      )}
    </section>
  );
}
