"use client";
/** Hotels, room blocks, automatic assignment and hand moves (organizers); a read-only list for staff. */
import { useTranslations } from "next-intl";
import { useState } from "react";
import { btn, inputCls } from "@/components/ui/button";
import { useAct } from "@/components/admin/use-action";
import { addRoomBlockAction, autoAssignRoomsAction, createHotelAction, deleteHotelAction, moveToRoomAction, unassignRoomAction } from "@/lib/delegations/docs-actions";
import { cn } from "@/lib/cn";

export type PanelBlock = { id: string; type: "single" | "shared"; count: number; nights: number; usedRooms: number; roomNumbers: string[] };
export type PanelHotel = { id: string; name: string; address: string | null; phone: string | null; blocks: PanelBlock[] };
export type PanelGuest = { delegateId: string; name: string; unit: string; gender: "male" | "female" | null; wants: string; blockId: string | null; room: number | null };

const formObject = (f: HTMLFormElement) => Object.fromEntries(new FormData(f).entries());

export function HotelsPanel({ eventId, hotels, guests, mayEdit }: { eventId: string; hotels: PanelHotel[]; guests: PanelGuest[]; mayEdit: boolean }) {
  const t = useTranslations("delegationDocs");
  const ts = useTranslations("shared");
  const { act, pending } = useAct();
  const [moving, setMoving] = useState<string | null>(null);
  const blocks = hotels.flatMap((h) => h.blocks.map((b) => ({ ...b, hotel: h.name })));
  const where = (g: PanelGuest) => {
    const b = blocks.find((x) => x.id === g.blockId);
    return b && g.room ? `${b.hotel} · ${b.roomNumbers[g.room - 1] || `#${g.room}`}` : null;
  };
  return (
    <div className="space-y-6">
      <section className="space-y-3">
        {hotels.length === 0 ? <p className="text-sm text-slate-500">{t("hotels.noHotels")}</p> : null}
        {hotels.map((h) => (
          <div key={h.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="hotel">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div>
                <h3 className="font-semibold text-slate-900">{h.name}</h3>
                <p className="text-xs text-slate-500">{[h.address, h.phone].filter(Boolean).join(" · ")}</p>
              </div>
              {mayEdit ? (
                <button
                  type="button"
                  className={btn.danger}
                  disabled={pending}
                  onClick={() => {
                    if (window.confirm(t("hotels.confirmDelete"))) void act(() => deleteHotelAction({ eventId, hotelId: h.id }), { success: t("hotels.deleted") });
                  }}
                >
                  {t("hotels.delete")}
                </button>
              ) : null}
            </div>
            <ul className="mt-2 space-y-1 text-sm text-slate-700">
              {h.blocks.map((b) => (
                <li key={b.id} data-testid="room-block">
                  {t("hotels.blockLine", { type: ts(`accommodation.${b.type}`), count: b.count, nights: b.nights, used: b.usedRooms })}
                </li>
              ))}
            </ul>
            {mayEdit ? (
              <form
                className="mt-3 grid gap-2 sm:grid-cols-[8rem_6rem_6rem_1fr_auto] sm:items-end"
                onSubmit={(e) => {
                  e.preventDefault();
                  const f = e.currentTarget;
                  void act(() => addRoomBlockAction({ ...formObject(f), eventId, hotelId: h.id }), { success: t("hotels.blockAdded"), onOk: () => f.reset() });
                }}
              >
                <label className="text-xs text-slate-600">
                  {t("hotels.type")}
                  <select name="type" className={cn(inputCls, "mt-1")}>
                    <option value="shared">{ts("accommodation.shared")}</option>
                    <option value="single">{ts("accommodation.single")}</option>
                  </select>
                </label>
                <label className="text-xs text-slate-600">
                  {t("hotels.count")}
                  <input name="count" type="number" min={1} required defaultValue={10} className={cn(inputCls, "mt-1")} />
                </label>
                <label className="text-xs text-slate-600">
                  {t("hotels.nights")}
                  <input name="nights" type="number" min={1} required defaultValue={1} className={cn(inputCls, "mt-1")} />
                </label>
                <label className="text-xs text-slate-600">
                  {t("hotels.roomNumbers")}
                  <input name="roomNumbers" placeholder={t("hotels.roomNumbersHint")} className={cn(inputCls, "mt-1")} />
                </label>
                <button type="submit" className={btn.secondary} disabled={pending} data-testid="add-block">
                  {t("hotels.addBlock")}
                </button>
              </form>
            ) : null}
          </div>
        ))}
        {mayEdit ? (
          <form
            className="grid gap-2 rounded-xl border border-dashed border-slate-300 p-4 sm:grid-cols-[1fr_1fr_10rem_auto] sm:items-end"
            data-testid="add-hotel"
            onSubmit={(e) => {
              e.preventDefault();
              const f = e.currentTarget;
              void act(() => createHotelAction({ ...formObject(f), eventId }), { success: t("hotels.hotelAdded"), onOk: () => f.reset() });
            }}
          >
            <label className="text-xs text-slate-600">
              {t("hotels.name")}
              <input name="name" required className={cn(inputCls, "mt-1")} />
            </label>
            <label className="text-xs text-slate-600">
              {t("hotels.address")}
              <input name="address" className={cn(inputCls, "mt-1")} />
            </label>
            <label className="text-xs text-slate-600">
              {t("hotels.phone")}
              <input name="phone" className={cn(inputCls, "mt-1")} />
            </label>
            <button type="submit" className={btn.primary} disabled={pending}>
              {t("hotels.addHotel")}
            </button>
          </form>
        ) : null}
      </section>

      <section className="space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-lg font-semibold text-slate-900">{t("hotels.guests")}</h2>
          {mayEdit && blocks.length ? (
            <button
              type="button"
              className={btn.primary}
              disabled={pending}
              data-testid="auto-assign"
              onClick={() => void act(() => autoAssignRoomsAction({ eventId }), { success: (d) => t("hotels.autoAssigned", { placed: d?.placed ?? 0, unplaced: d?.unplaced ?? 0 }) })}
            >
              {t("hotels.autoAssign")}
            </button>
          ) : null}
        </div>
        {guests.length === 0 ? (
          <p className="text-sm text-slate-500">{t("hotels.noGuests")}</p>
        ) : (
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
            <table className="w-full text-sm">
              <thead className="bg-slate-50 text-left text-slate-600">
                <tr>
                  <th className="px-3 py-2">{t("col.name")}</th>
                  <th className="px-3 py-2">{t("col.unit")}</th>
                  <th className="px-3 py-2">{t("col.gender")}</th>
                  <th className="px-3 py-2">{t("hotels.wants")}</th>
                  <th className="px-3 py-2">{t("hotels.where")}</th>
                  {mayEdit ? <th className="px-3 py-2" /> : null}
                </tr>
              </thead>
              <tbody>
                {guests.map((g) => (
                  <tr key={g.delegateId} className="border-t border-slate-100 align-top" data-testid="room-guest">
                    <td className="px-3 py-2 font-medium whitespace-nowrap">{g.name}</td>
                    <td className="px-3 py-2">{g.unit}</td>
                    <td className="px-3 py-2">{g.gender ? ts(`gender.${g.gender}`) : ""}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{ts(`accommodation.${g.wants as "none" | "single" | "shared"}`)}</td>
                    <td className="px-3 py-2">{where(g) ?? <span className="text-amber-700">{t("hotels.none")}</span>}</td>
                    {mayEdit ? (
                      <td className="px-3 py-2">
                        {moving === g.delegateId ? (
                          <form
                            className="flex flex-wrap gap-1"
                            onSubmit={(e) => {
                              e.preventDefault();
                              void act(() => moveToRoomAction({ ...formObject(e.currentTarget), eventId, delegateId: g.delegateId }), { success: t("hotels.moved"), onOk: () => setMoving(null) });
                            }}
                          >
                            <select name="blockId" defaultValue={g.blockId ?? blocks[0]?.id} className="rounded border border-slate-300 px-1 py-1 text-xs">
                              {blocks.map((b) => (
                                <option key={b.id} value={b.id}>
                                  {b.hotel} · {ts(`accommodation.${b.type}`)} ({b.count})
                                </option>
                              ))}
                            </select>
                            <input name="room" type="number" min={1} defaultValue={g.room ?? 1} aria-label={t("hotels.room")} className="w-16 rounded border border-slate-300 px-1 py-1 text-xs" />
                            <button type="submit" className={btn.secondary} disabled={pending}>
                              ✓
                            </button>
                          </form>
                        ) : (
                          <div className="flex gap-1">
                            {blocks.length ? (
                              <button type="button" className={btn.secondary} onClick={() => setMoving(g.delegateId)}>
                                {t("hotels.move")}
                              </button>
                            ) : null}
                            {g.blockId ? (
                              <button type="button" className={btn.secondary} disabled={pending} onClick={() => void act(() => unassignRoomAction({ eventId, delegateId: g.delegateId }), { success: t("hotels.moved") })}>
                                {t("hotels.unassign")}
                              </button>
                            ) : null}
                          </div>
                        )}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
