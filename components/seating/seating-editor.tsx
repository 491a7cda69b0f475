"use client";
/**
 * The seating console: 领导排序 (protocol order: drag, or up/down buttons for keyboards), 主席台 (arranged
 * from the order by convention, seats swapped by hand, cards shown from the audience or the rostrum), 会场 (rows ×
 * seats grid: one grid of plain buttons with ONE click handler and one selection state, so 2,000 seats stay quick),
 * 宴会 (tables), 会议室 (rooms and the room of each session). Every change is a server action, then a refresh.
 */
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { memo, useMemo, useOptimistic, useRef, useState, useTransition } from "react";
import { useAct } from "@/components/admin/use-action";
import { btn, inputCls } from "@/components/ui/button";
import { applyHallMove, seatKey, type SeatMap, type SeatMove } from "@/components/seating/hall-move";
import { HALL_RESERVE_REASONS, ROOM_LAYOUTS } from "@/lib/shared/enums";
import type { Rank } from "@/lib/shared/rank";
import {
  addProtocolEntryAction,
  autoAssignDiningAction,
  autoAssignHallAction,
  autoRostrumAction,
  configureDiningAction,
  configureHallAction,
  moveDiningSeatAction,
  moveHallSeatAction,
  removeProtocolEntryAction,
  reorderProtocolAction,
  seedProtocolAction,
  swapRostrumSeatsAction,
  updateProtocolEntryAction,
} from "@/lib/seating/actions";
import { createRoomAction, deleteRoomAction, setSessionRoomAction } from "@/lib/venues/actions";

const RANK_CODES = ["provincial", "bureau", "county", "township", "other"] as const;
const REASONS = HALL_RESERVE_REASONS;
const LAYOUTS = ROOM_LAYOUTS;
type Convention = "government" | "international";

export type EditorPerson = { id: string; kind: "person" | "registration"; name: string; organization: string | null; title: string | null; rank: Rank | null };
export type EditorEntry = EditorPerson & { entryId: string; position: number; rank: Rank };
export type EditorRostrum = { planId: string; roomId: string | null; sessionId: string | null; label: string; convention: Convention; rows: { row: number; seats: (EditorPerson & { seat: number })[] }[] };
export type EditorHall = { rows: number; seatsPerRow: number; reserved: { row: number; reason: (typeof REASONS)[number] }[]; seats: { row: number; seat: number; id: string; name: string; organization: string | null }[] } | null;
export type EditorDining = { tableSize: number; convention: Convention; tables: { number: number; size: number; seats: (EditorPerson & { seat: number })[] }[] };
export type EditorRoom = { id: string; name: string; nameEn: string | null; capacity: number | null; floor: string | null; layout: (typeof LAYOUTS)[number] };
export type EditorSession = { id: string; title: string; time: string; roomId: string | null };
export type PrintFlag = { kind: "rostrum_map" | "hall_map" | "table_cards" | "dining_lists"; changed: boolean; printedAt: string | null };

export type SeatingEditorProps = {
  eventId: string;
  slug: string;
  tab: "protocol" | "rostrum" | "hall" | "dining" | "rooms";
  canManage: boolean;
  order: EditorEntry[];
  candidates: EditorPerson[];
  rostrums: EditorRostrum[];
  hall: EditorHall;
  /** The hall's not-seated people: the first hundred or so (those matching `find` when it is set). */
  unseated: EditorPerson[];
  /** How many are not seated in all. */
  unseatedCount: number;
  /** The search of the not-seated list (?find=). */
  find: string;
  dining: EditorDining;
  rooms: EditorRoom[];
  sessions: EditorSession[];
  prints: PrintFlag[];
};

export function SeatingEditor(p: SeatingEditorProps) {
  return (
    <div className="space-y-5">
      <PrintBar slug={p.slug} prints={p.prints} />
      {p.tab === "protocol" && <ProtocolTab {...p} />}
      {p.tab === "rostrum" && <RostrumTab {...p} />}
      {p.tab === "hall" && <HallTab {...p} />}
      {p.tab === "dining" && <DiningTab {...p} />}
      {p.tab === "rooms" && <RoomsTab {...p} />}
    </div>
  );
}

function PrintBar({ slug, prints }: { slug: string; prints: PrintFlag[] }) {
  const t = useTranslations("seating.prints");
  const base = `/admin/events/${slug}/seating/print`;
  const label = { rostrum_map: t("rostrumMap"), hall_map: t("hallMap"), table_cards: t("tableCards"), dining_lists: t("diningLists") };
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-3 shadow-sm" aria-label={t("title")} data-testid="seating-prints">
      <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
        {prints.map((pr) => (
          <li key={pr.kind} className="rounded-lg border border-slate-100 p-2 text-sm" data-print={pr.kind} data-changed={pr.changed}>
            <div className="flex items-center justify-between gap-2">
              <span className="font-medium text-slate-800">{label[pr.kind]}</span>
              <span className={`rounded px-1.5 py-0.5 text-xs ${pr.changed ? "bg-amber-100 text-amber-800" : "bg-emerald-50 text-emerald-700"}`}>
                {pr.printedAt === null ? t("never") : pr.changed ? t("changed") : t("upToDate")}
              </span>
            </div>
            <div className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs">
              {pr.kind === "table_cards" ? (
                <>
                  <a className="text-brand-700 hover:underline" href={`${base}?doc=table_cards&format=pdf`}>{t("pdf")}</a>
                  <a className="text-brand-700 hover:underline" href={`${base}?doc=table_cards&format=pdf&lang=en`}>{t("pdf")} · {t("english")}</a>
                  <a className="text-brand-700 hover:underline" href={`${base}?doc=table_cards&preview=1`} target="_blank" rel="noreferrer">{t("html")}</a>
                </>
              ) : pr.kind === "dining_lists" ? (
                <>
                  <a className="text-brand-700 hover:underline" href={`${base}?doc=dining_lists&format=pdf`}>{t("pdf")}</a>
                  <a className="text-brand-700 hover:underline" href={`${base}?doc=dining_lists&preview=1`} target="_blank" rel="noreferrer">{t("html")}</a>
                </>
              ) : (
                <>
                  <a className="text-brand-700 hover:underline" href={`${base}?doc=${pr.kind}&paper=a3&format=pdf`}>{t("a3")}</a>
                  <a className="text-brand-700 hover:underline" href={`${base}?doc=${pr.kind}&paper=a4&format=pdf`}>{t("a4")}</a>
                  <a className="text-brand-700 hover:underline" href={`${base}?doc=${pr.kind}&preview=1`} target="_blank" rel="noreferrer">{t("html")}</a>
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

// ─── 领导排序 ───────────────────────────────────────────────────────────────────────────────────────────────

function ProtocolTab({ eventId, order, candidates, canManage }: SeatingEditorProps) {
  const t = useTranslations("seating");
  const tr = useTranslations("shared.rank");
  const { act, pending } = useAct();
  const [dragged, setDragged] = useState<number | null>(null);
  const [pick, setPick] = useState("");
  const [live, setLive] = useState("");
  const ids = order.map((e) => e.entryId);
  const move = (from: number, to: number) => {
    if (to < 0 || to >= ids.length || from === to) return;
    const next = [...ids];
    const [x] = next.splice(from, 1);
    next.splice(to, 0, x!);
    setLive(t("protocol.moved", { name: order[from]!.name, position: to + 1 }));
    void act(() => reorderProtocolAction({ eventId, entryIds: next }));
  };
  return (
    <section className="space-y-3" data-testid="protocol-tab">
      <div className="flex flex-wrap gap-2">
        {canManage && (
          <>
            <button className={btn.primary} disabled={pending} onClick={() => act(() => seedProtocolAction({ eventId }))} data-testid="protocol-seed">
              {t("protocol.seed")}
            </button>
            <button className={btn.secondary} disabled={pending || !order.length} onClick={() => act(() => seedProtocolAction({ eventId, resort: true }))}>
              {t("protocol.resort")}
            </button>
            <label className="flex items-center gap-2 text-sm">
              <span className="sr-only">{t("protocol.addLabel")}</span>
              <select className={`${inputCls} max-w-xs`} value={pick} onChange={(e) => setPick(e.target.value)} aria-label={t("protocol.addLabel")}>
                <option value="">{t("protocol.choose")}</option>
                {candidates.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} · {c.organization ?? ""} ({t(`kind.${c.kind}`)})
                  </option>
                ))}
              </select>
            </label>
            <button className={btn.secondary} disabled={pending || !pick} onClick={() => act(() => addProtocolEntryAction({ eventId, id: pick }), { onOk: () => setPick("") })}>
              {t("protocol.add")}
            </button>
          </>
        )}
      </div>
      <p className="sr-only" aria-live="polite">{live}</p>
      {order.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500">{t("protocol.empty")}</p>
      ) : (
        <ol className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm" data-testid="protocol-list">
          {order.map((e, i) => (
            <li
              key={e.entryId}
              draggable={canManage}
              onDragStart={() => setDragged(i)}
              onDragOver={(ev) => ev.preventDefault()}
              onDrop={() => {
                if (dragged !== null) move(dragged, i);
                setDragged(null);
              }}
              className={`flex flex-wrap items-center gap-3 px-3 py-2 text-sm ${dragged === i ? "bg-brand-50" : ""} ${canManage ? "cursor-grab" : ""}`}
              data-testid="protocol-entry"
            >
              <span className="w-7 text-right font-mono text-slate-500" aria-label={t("protocol.position")}>{i + 1}</span>
              {canManage && <span aria-hidden className="select-none text-slate-500" title={t("protocol.drag")}>⋮⋮</span>}
              <span className="min-w-24 font-semibold text-slate-900">{e.name}</span>
              <span className="text-xs text-slate-500">{t(`kind.${e.kind}`)}</span>
              <span className="min-w-0 flex-1 truncate text-slate-600">
                {e.organization ?? ""} {e.title ?? ""}
              </span>
              {canManage ? (
                <select
                  className="rounded-md border border-slate-300 px-2 py-1 text-xs"
                  value={e.rank}
                  aria-label={t("protocol.rankLabel")}
                  onChange={(ev) => act(() => updateProtocolEntryAction({ eventId, entryId: e.entryId, rank: ev.target.value, title: e.title ?? "" }))}
                >
                  {RANK_CODES.map((r) => (
                    <option key={r} value={r}>{tr(r)}</option>
                  ))}
                </select>
              ) : (
                <span className="text-xs">{tr(e.rank)}</span>
              )}
              {canManage && (
                <span className="flex gap-1">
                  <button className={btn.icon} disabled={pending || i === 0} onClick={() => move(i, i - 1)} aria-label={`${t("protocol.up")}: ${e.name}`}>↑</button>
                  <button className={btn.icon} disabled={pending || i === order.length - 1} onClick={() => move(i, i + 1)} aria-label={`${t("protocol.down")}: ${e.name}`}>↓</button>
                  <button className={btn.icon} disabled={pending} onClick={() => act(() => removeProtocolEntryAction({ eventId, entryId: e.entryId }))} aria-label={`${t("protocol.remove")}: ${e.name}`}>×</button>
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

// ─── 主席台 ─────────────────────────────────────────────────────────────────────────────────────────────────

function RostrumTab({ eventId, rostrums, rooms, order, canManage }: SeatingEditorProps) {
  const t = useTranslations("seating");
  const tr = useTranslations("shared.rank");
  const { act, pending } = useAct();
  const [view, setView] = useState<"audience" | "rostrum">("audience");
  const [room, setRoom] = useState("");
  const [convention, setConvention] = useState<Convention>(rostrums[0]?.convention ?? "government");
  const [count, setCount] = useState(Math.min(order.length || 1, 9));
  const [perRow, setPerRow] = useState(9);
  const [sel, setSel] = useState<{ planId: string; row: number; seat: number; name: string } | null>(null);
  const click = (plan: EditorRostrum, row: number, seat: number, name: string) => {
    if (!canManage) return;
    if (!sel || sel.planId !== plan.planId) return setSel({ planId: plan.planId, row, seat, name });
    if (sel.row === row && sel.seat === seat) return setSel(null);
    void act(() => swapRostrumSeatsAction({ eventId, planId: plan.planId, a: { row: sel.row, seat: sel.seat }, b: { row, seat } }), { success: t("rostrum.swapped") });
    setSel(null);
  };
  return (
    <section className="space-y-4" data-testid="rostrum-tab">
      {canManage && (
        <div className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-3 shadow-sm">
          <label className="text-sm text-slate-600">
            {t("rostrum.scope")}
            <select className={inputCls} value={room} onChange={(e) => setRoom(e.target.value)}>
              <option value="">{t("rostrum.wholeForum")}</option>
              {rooms.map((r) => (
                <option key={r.id} value={r.id}>{r.name}</option>
              ))}
            </select>
          </label>
          <label className="text-sm text-slate-600">
            {t("convention.label")}
            <select className={inputCls} value={convention} onChange={(e) => setConvention(e.target.value as Convention)} data-testid="rostrum-convention">
              <option value="government">{t("convention.government")}</option>
              <option value="international">{t("convention.international")}</option>
            </select>
          </label>
          <label className="w-28 text-sm text-slate-600">
            {t("rostrum.count")}
            <input className={inputCls} type="number" min={1} max={240} value={count} onChange={(e) => setCount(Number(e.target.value))} />
          </label>
          <label className="w-28 text-sm text-slate-600">
            {t("rostrum.perRow")}
            <input className={inputCls} type="number" min={1} max={40} value={perRow} onChange={(e) => setPerRow(Number(e.target.value))} />
          </label>
          <button className={btn.primary} disabled={pending || !order.length} onClick={() => act(() => autoRostrumAction({ eventId, room, convention, count, perRow }))} data-testid="rostrum-arrange">
            {t("rostrum.arrange")}
          </button>
        </div>
      )}
      <div className="flex flex-wrap items-center gap-2 text-sm" role="group" aria-label={t("rostrum.audienceView")}>
        {(["audience", "rostrum"] as const).map((v) => (
          <button key={v} className={view === v ? btn.primary : btn.secondary} aria-pressed={view === v} onClick={() => setView(v)} data-testid={`view-${v}`}>
            {v === "audience" ? t("rostrum.audienceView") : t("rostrum.rostrumView")}
          </button>
        ))}
        {canManage && <span className="text-slate-500">{sel ? t("rostrum.selected", { name: sel.name }) : t("rostrum.swapHint")}</span>}
      </div>
      {rostrums.length === 0 && <p className="rounded-xl border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500">{t("rostrum.empty")}</p>}
      {rostrums.map((plan) => {
        const rows = [...plan.rows].sort((a, b) => (view === "audience" ? b.row - a.row : a.row - b.row));
        const top = view === "audience" ? t("rostrum.back") : t("rostrum.facing");
        const bottom = view === "audience" ? t("rostrum.facing") : t("rostrum.back");
        return (
          <div key={plan.planId} className="overflow-x-auto rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="rostrum-plan" data-view={view}>
            <h2 className="mb-2 text-center text-sm font-semibold text-slate-700">
              {plan.label} · {t(`convention.${plan.convention}`)}
            </h2>
            <div className="mx-auto mb-3 max-w-md rounded bg-red-900 py-1 text-center text-xs tracking-widest text-white">{top}</div>
            {rows.map((r) => {
              const seats = view === "audience" ? r.seats : [...r.seats].reverse();
              return (
                <div key={r.row} className="my-2 flex items-center justify-center gap-2" data-testid="rostrum-row" data-row={r.row}>
                  <span className="w-12 shrink-0 text-right text-xs text-slate-500">{t("rostrum.row", { row: r.row })}</span>
                  {seats.map((s) => {
                    const on = sel?.planId === plan.planId && sel.row === r.row && sel.seat === s.seat;
                    return (
                      <button
                        key={s.seat}
                        type="button"
                        onClick={() => click(plan, r.row, s.seat, s.name)}
                        aria-pressed={on}
                        className={`flex w-24 shrink-0 flex-col items-center rounded-lg border-2 px-1 py-2 text-center ${on ? "border-brand-600 bg-brand-50" : "border-red-900/70 bg-white"}`}
                        data-testid="rostrum-seat"
                        data-seat={s.seat}
                      >
                        <span className="text-[10px] text-slate-500">{s.seat}</span>
                        <span className="whitespace-nowrap font-serif text-base font-bold text-slate-900">{s.name}</span>
                        <span className="line-clamp-2 text-[10px] leading-tight text-slate-500">{s.title ?? ""}</span>
                        {s.rank && <span className="text-[10px] text-red-800">{tr(s.rank)}</span>}
                      </button>
                    );
                  })}
                </div>
              );
            })}
            <div className="mx-auto mt-3 max-w-md rounded bg-slate-700 py-1 text-center text-xs tracking-widest text-white">{bottom}</div>
          </div>
        );
      })}
    </section>
  );
}

// ─── 会场 ───────────────────────────────────────────────────────────────────────────────────────────────────

type HallSel = { id: string; name: string } | null;
type HallSeat = NonNullable<EditorHall>["seats"][number];
type HallMove = SeatMove;
/** A unit's colour from its name: stable whatever else is seated, so a move repaints only the seats it touches. */
function unitColour(organization: string) {
  let h = 0;
  for (let i = 0; i < organization.length; i++) h = (h * 31 + organization.charCodeAt(i)) | 0;
  return `hsl(${Math.abs(h) % 360} 70% 90%)`;
}

/**
 * What a seat shows, made to fit without clipping (a clip on each of 2,250 seats made every frame slow to paint): up
 * to 4 Chinese characters on two lines, or 6 other letters; the full name is in the seat's title and accessible name.
 */
function seatLabel(name: string) {
  const max = /[\u2e80-\u9fff\uf900-\ufaff]/.test(name) ? 4 : 6;
  return name.length <= max ? name : `${name.slice(0, max - 1)}…`;
}

/**
 * One seat: primitives only, so a pick or a move re-renders the one or two seats it changes, not 2,000 (npm run
 * bench, "seating editor"). A plain button: reached by Tab, picked or moved to with Enter or Space.
 */
const HallSeatButton = memo(function HallSeatButton({ row, seat, name, organization, reservedLabel, picked }: { row: number; seat: number; name: string | null; organization: string | null; reservedLabel: string | null; picked: boolean }) {
  const title = `${row}-${seat}${name !== null ? ` ${name} ${organization ?? ""}` : reservedLabel ? ` ${reservedLabel}` : ""}`;
  const label = name === null ? "" : seatLabel(name);
  return (
    <button
      type="button"
      data-row={row}
      data-seat={seat}
      aria-pressed={picked}
      title={title}
      aria-label={name === null || label !== name ? title : undefined}
      style={{ background: name !== null ? unitColour(organization ?? "") : reservedLabel ? "#e2e8f0" : "#fff" }}
    >
      {label}
    </button>
  );
});

type HallRowProps = { row: number; seatsPerRow: number; columns: string; reservedLabel: string | null; seats: HallSeat[]; pickedSeat: number };
const sameSeats = (a: HallSeat[], b: HallSeat[]) => a.length === b.length && a.every((x, i) => x.seat === b[i]!.seat && x.id === b[i]!.id && x.name === b[i]!.name && x.organization === b[i]!.organization);

/**
 * One row, re-rendered only when its seats or its pick change. Off screen it is neither laid out nor painted
 * (content-visibility), and on screen it is painted apart from the others: a pick or a move repaints a row or two.
 */
const HallRow = memo(
  function HallRow({ row, seatsPerRow, columns, reservedLabel, seats, pickedSeat }: HallRowProps) {
    const bySeat = new Map(seats.map((x) => [x.seat, x]));
    const cells: React.ReactNode[] = [];
    for (let s = 1; s <= seatsPerRow; s++) {
      const p = bySeat.get(s);
      cells.push(<HallSeatButton key={s} row={row} seat={s} name={p ? p.name : null} organization={p ? p.organization : null} reservedLabel={reservedLabel} picked={pickedSeat === s} />);
    }
    return (
      <div className="grid gap-px" style={{ gridTemplateColumns: columns, contentVisibility: "auto", containIntrinsicHeight: "auto 1.5rem" }}>
        <span className="pr-1 text-right text-[10px] leading-6 text-slate-500">{row}</span>
        {cells}
      </div>
    );
  },
  (a, b) => a.row === b.row && a.seatsPerRow === b.seatsPerRow && a.columns === b.columns && a.reservedLabel === b.reservedLabel && a.pickedSeat === b.pickedSeat && sameSeats(a.seats, b.seats),
);

/** The grid: ONE click handler on the container (event delegation) for 2,250 seats, a box per row. */
function HallGrid({ rows, seatsPerRow, reserved, seats, pickedId, onSeat }: { rows: number; seatsPerRow: number; reserved: NonNullable<EditorHall>["reserved"]; seats: SeatMap; pickedId: string | null; onSeat: (row: number, seat: number) => void }) {
  const t = useTranslations("seating.hall");
  const reason = new Map(reserved.map((r) => [r.row, t(`reason.${r.reason}`)]));
  const byRow = useMemo(() => {
    const m = new Map<number, HallSeat[]>();
    for (const x of seats.values()) {
      const list = m.get(x.row);
      if (list) list.push(x);
      else m.set(x.row, [x]);
    }
    for (const list of m.values()) list.sort((x, y) => x.seat - y.seat);
    return m;
  }, [seats]);
  const picked = pickedId === null ? undefined : [...seats.values()].find((x) => x.id === pickedId);
  const columns = `2rem repeat(${seatsPerRow}, minmax(1.75rem, 1fr))`;
  const lines: React.ReactNode[] = [];
  for (let r = 1; r <= rows; r++) {
    lines.push(<HallRow key={r} row={r} seatsPerRow={seatsPerRow} columns={columns} reservedLabel={reason.get(r) ?? null} seats={byRow.get(r) ?? NO_SEATS} pickedSeat={picked?.row === r ? picked.seat : 0} />);
  }
  return (
    <div
      className={`grid gap-px ${SEAT_CSS}`}
      data-testid="hall-grid"
      onClick={(e) => {
        const b = (e.target as HTMLElement).closest("button[data-row]") as HTMLElement | null;
        if (b) onSeat(Number(b.dataset.row), Number(b.dataset.seat));
      }}
    >
      {lines}
    </div>
  );
}
const NO_SEATS: HallSeat[] = [];
/** The seats' look, given once on the grid rather than on each of 2,250 buttons (the page's HTML). */
const SEAT_CSS =
  "[&_button]:h-6 [&_button]:min-w-0 [&_button]:break-all [&_button]:rounded-sm [&_button]:border [&_button]:border-slate-200 [&_button]:text-[10px] [&_button]:leading-[10px] [&_button:hover]:border-brand-600 [&_button:focus-visible]:outline-2 [&_button:focus-visible]:outline-brand-600 [&_button[aria-pressed=true]]:border-brand-700 [&_button[aria-pressed=true]]:ring-2 [&_button[aria-pressed=true]]:ring-brand-600";

function HallTab({ eventId, slug, hall, unseated, unseatedCount, find: found, canManage }: SeatingEditorProps) {
  const t = useTranslations("seating");
  const { act, pending } = useAct();
  const [rows, setRows] = useState(hall?.rows ?? 20);
  const [perRow, setPerRow] = useState(hall?.seatsPerRow ?? 30);
  const [reserved, setReserved] = useState(hall?.reserved ?? []);
  const [sel, setSel] = useState<HallSel>(null);
  const saved = useMemo<SeatMap>(() => new Map((hall?.seats ?? []).map((s) => [seatKey(s.row, s.seat), s])), [hall]);
  // a move shows at once and stays until the refreshed plan lands; a refused move falls back to the saved plan
  const [at, applyMove] = useOptimistic(saved, applyHallMove);
  const seatedIds = useMemo(() => new Set([...at.values()].map((s) => s.id)), [at]);
  // a long list (a big forum before auto-assign) is searched on the server, not scrolled
  const router = useRouter();
  const [find, setFind] = useState(found);
  const [searching, startSearch] = useTransition();
  const searchTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const search = (q: string) => {
    setFind(q);
    clearTimeout(searchTimer.current);
    searchTimer.current = setTimeout(() => startSearch(() => router.replace(`/admin/events/${slug}/seating?tab=hall${q.trim() ? `&find=${encodeURIComponent(q.trim())}` : ""}`, { scroll: false })), 300);
  };
  const shown = useMemo(() => unseated.filter((u) => !seatedIds.has(u.id)), [unseated, seatedIds]);
  const move = (m: HallMove) => void act(() => moveHallSeatAction({ eventId, registrationId: m.who.id, to: m.to }), { optimistic: () => applyMove(m) });
  const onSeat = (row: number, seat: number) => {
    if (!canManage) return;
    const here = at.get(seatKey(row, seat));
    if (!sel) return here ? setSel({ id: here.id, name: here.name }) : undefined;
    setSel(null);
    if (here?.id === sel.id) return;
    const who = [...at.values()].find((s) => s.id === sel.id) ?? unseated.find((u) => u.id === sel.id);
    if (who) move({ who: { id: who.id, name: who.name, organization: who.organization }, to: { row, seat } });
  };
  return (
    <section className="space-y-4" data-testid="hall-tab" aria-busy={pending}>
      {canManage && (
        <div className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-3 shadow-sm">
          <label className="w-24 text-sm text-slate-600">
            {t("hall.rows")}
            <input className={inputCls} type="number" min={1} max={200} value={rows} onChange={(e) => setRows(Number(e.target.value))} data-testid="hall-rows" />
          </label>
          <label className="w-28 text-sm text-slate-600">
            {t("hall.seatsPerRow")}
            <input className={inputCls} type="number" min={1} max={200} value={perRow} onChange={(e) => setPerRow(Number(e.target.value))} data-testid="hall-seats" />
          </label>
          <fieldset className="text-sm text-slate-600">
            <legend>{t("hall.reserved")}</legend>
            <div className="flex flex-wrap items-center gap-2">
              {reserved.map((r, i) => (
                <span key={i} className="flex items-center gap-1 rounded-md border border-slate-200 px-1 py-0.5">
                  <input
                    className="w-14 rounded border border-slate-300 px-1 py-0.5"
                    type="number"
                    min={1}
                    aria-label={t("hall.rowNumber")}
                    value={r.row}
                    onChange={(e) => setReserved(reserved.map((x, j) => (j === i ? { ...x, row: Number(e.target.value) } : x)))}
                  />
                  <select className="rounded border border-slate-300 px-1 py-0.5" value={r.reason} onChange={(e) => setReserved(reserved.map((x, j) => (j === i ? { ...x, reason: e.target.value as (typeof REASONS)[number] } : x)))}>
                    {REASONS.map((x) => (
                      <option key={x} value={x}>{t(`hall.reason.${x}`)}</option>
                    ))}
                  </select>
                  <button type="button" className="px-1 text-slate-500" aria-label={`${t("protocol.remove")} ${r.row}`} onClick={() => setReserved(reserved.filter((_, j) => j !== i))}>×</button>
                </span>
              ))}
              <button type="button" className={btn.secondary} onClick={() => setReserved([...reserved, { row: (reserved.at(-1)?.row ?? 0) + 1, reason: "media" }])}>
                {t("hall.addReserved")}
              </button>
            </div>
          </fieldset>
          <button className={btn.secondary} disabled={pending} onClick={() => act(() => configureHallAction({ eventId, rows, seatsPerRow: perRow, reserved }))} data-testid="hall-save">
            {t("hall.save")}
          </button>
          <button className={btn.primary} disabled={pending || !hall} onClick={() => act(() => autoAssignHallAction({ eventId }), { success: (d) => t("hall.autoDone", { seated: d?.seated ?? 0, free: (d?.free ?? 0) - (d?.seated ?? 0) }) })} data-testid="hall-auto">
            {t("hall.auto")}
          </button>
        </div>
      )}
      {!hall ? (
        <p className="rounded-xl border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500">{t("hall.empty")}</p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-[1fr_14rem]">
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white p-3 shadow-sm">
            <div className="mx-auto mb-2 max-w-md rounded bg-red-900 py-1 text-center text-xs tracking-widest text-white">{t("hall.stage")}</div>
            <p className="mb-2 text-xs text-slate-500">{sel ? t("rostrum.selected", { name: sel.name }) : t("hall.moveHint")}</p>
            <HallGrid rows={hall.rows} seatsPerRow={hall.seatsPerRow} reserved={hall.reserved} seats={at} pickedId={sel?.id ?? null} onSeat={onSeat} />
            <p className="mt-2 text-xs text-slate-500">{t("hall.seats", { count: at.size })}</p>
          </div>
          <aside className="rounded-xl border border-slate-200 bg-white p-3 text-sm shadow-sm">
            <h3 className="font-semibold text-slate-800">
              {t("hall.unseated")} ({unseatedCount - (unseated.length - shown.length)})
            </h3>
            {(unseatedCount > unseated.length || found) && (
              <input type="search" className={`${inputCls} mt-2`} value={find} onChange={(e) => search(e.target.value)} aria-busy={searching} placeholder={t("hall.findUnseated")} aria-label={t("hall.findUnseated")} data-testid="hall-unseated-find" />
            )}
            <ul className="mt-2 max-h-96 space-y-1 overflow-y-auto" data-testid="hall-unseated">
              {shown.map((u) => (
                <li key={u.id}>
                  <button type="button" disabled={!canManage} className={`w-full rounded px-2 py-1 text-left ${sel?.id === u.id ? "bg-brand-50 ring-1 ring-brand-600" : "hover:bg-slate-50"}`} onClick={() => setSel(sel?.id === u.id ? null : { id: u.id, name: u.name })}>
                    <span className="font-medium">{u.name}</span> <span className="text-xs text-slate-500">{u.organization ?? ""}</span>
                  </button>
                </li>
              ))}
            </ul>
            {canManage && sel && at.size > 0 && (
              <button type="button" className={`${btn.secondary} mt-2 w-full`} onClick={() => {
                  const who = [...at.values()].find((s) => s.id === sel.id);
                  setSel(null);
                  if (who) move({ who, to: null });
                }}>
                {t("hall.takeOut")}
              </button>
            )}
          </aside>
        </div>
      )}
    </section>
  );
}

// ─── 宴会 ───────────────────────────────────────────────────────────────────────────────────────────────────

function DiningTab({ eventId, dining, canManage }: SeatingEditorProps) {
  const t = useTranslations("seating");
  const { act, pending } = useAct();
  const [size, setSize] = useState(dining.tableSize);
  const [convention, setConvention] = useState<Convention>(dining.convention);
  const [sel, setSel] = useState<{ id: string; name: string } | null>(null);
  const onSeat = (table: number, seat: number, who: { id: string; name: string } | undefined) => {
    if (!canManage) return;
    if (!sel) return who ? setSel(who) : undefined;
    if (who?.id === sel.id) return setSel(null);
    void act(() => moveDiningSeatAction({ eventId, id: sel.id, to: { table, seat } }));
    setSel(null);
  };
  return (
    <section className="space-y-4" data-testid="dining-tab">
      {canManage && (
        <div className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-3 shadow-sm">
          <label className="w-28 text-sm text-slate-600">
            {t("dining.tableSize")}
            <input className={inputCls} type="number" min={2} max={30} value={size} onChange={(e) => setSize(Number(e.target.value))} />
          </label>
          <label className="text-sm text-slate-600">
            {t("convention.label")}
            <select className={inputCls} value={convention} onChange={(e) => setConvention(e.target.value as Convention)}>
              <option value="international">{t("convention.international")}</option>
              <option value="government">{t("convention.government")}</option>
            </select>
          </label>
          <button
            className={btn.primary}
            disabled={pending}
            data-testid="dining-auto"
            onClick={async () => {
              const r = await act(() => configureDiningAction({ eventId, tableSize: size, convention }), { refresh: false });
              if (r.ok) await act(() => autoAssignDiningAction({ eventId }), { success: (d) => t("dining.autoDone", { tables: d?.tables ?? 0, seated: d?.seated ?? 0 }) });
            }}
          >
            {t("dining.auto")}
          </button>
          <span className="text-xs text-slate-500">{sel ? t("rostrum.selected", { name: sel.name }) : t("dining.moveHint")}</span>
        </div>
      )}
      {dining.tables.length === 0 && <p className="rounded-xl border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500">{t("dining.empty")}</p>}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {dining.tables.map((tb) => {
          const bySeat = new Map(tb.seats.map((s) => [s.seat, s]));
          return (
            <div key={tb.number} className={`rounded-xl border bg-white p-3 shadow-sm ${tb.number === 1 ? "border-red-800" : "border-slate-200"}`} data-testid="dining-table">
              <h3 className="font-semibold text-slate-800">
                {t("dining.table", { number: tb.number })}
                {tb.number === 1 && <span className="ml-2 text-xs text-red-800">{t("dining.mainTable")}</span>}
              </h3>
              <ol className="mt-2 grid grid-cols-2 gap-1 text-sm">
                {Array.from({ length: tb.size }, (_, i) => i + 1).map((seat) => {
                  const who = bySeat.get(seat);
                  const on = !!who && sel?.id === who.id;
                  return (
                    <li key={seat}>
                      <button type="button" className={`flex w-full gap-1 rounded px-1.5 py-1 text-left ${on ? "bg-brand-50 ring-1 ring-brand-600" : "hover:bg-slate-50"}`} onClick={() => onSeat(tb.number, seat, who)}>
                        <span className="w-5 text-right text-xs text-slate-500">{seat}</span>
                        <span className="truncate font-medium">{who?.name ?? ""}</span>
                        {tb.number === 1 && seat === 1 && <span className="text-[10px] text-red-800">{t("dining.host")}</span>}
                      </button>
                    </li>
                  );
                })}
              </ol>
            </div>
          );
        })}
      </div>
    </section>
  );
}

// ─── 会议室 ─────────────────────────────────────────────────────────────────────────────────────────────────

function RoomsTab({ eventId, rooms, sessions, canManage }: SeatingEditorProps) {
  const t = useTranslations("seating.rooms");
  const { act, pending, err } = useAct();
  return (
    <section className="grid gap-4 lg:grid-cols-2" data-testid="rooms-tab">
      <div className="rounded-xl border border-slate-200 bg-white p-3 shadow-sm">
        <h2 className="font-semibold text-slate-800">{t("title")}</h2>
        {rooms.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">{t("empty")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100 text-sm">
            {rooms.map((r) => (
              <li key={r.id} className="flex items-center gap-2 py-1.5">
                <span className="font-medium">{r.name}</span>
                <span className="text-xs text-slate-500">
                  {[r.floor, r.capacity ? `${r.capacity}` : null, t(`layouts.${r.layout}`)].filter(Boolean).join(" · ")}
                </span>
                {canManage && (
                  <button className={`${btn.ghostIcon} ml-auto`} disabled={pending} onClick={() => act(() => deleteRoomAction({ eventId, roomId: r.id }))} aria-label={`${t("delete")} ${r.name}`}>
                    ×
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {canManage && (
          <form
            className="mt-3 grid grid-cols-2 gap-2 text-sm"
            onSubmit={(e) => {
              e.preventDefault();
              const form = e.currentTarget;
              const fd = new FormData(form);
              fd.set("eventId", eventId);
              void act(() => createRoomAction(fd), { onOk: () => form.reset() });
            }}
          >
            <label className="col-span-2">
              {t("name")}
              <input name="name" required className={inputCls} aria-invalid={!!err("name")} />
              {err("name") && <span className="text-xs text-red-700">{err("name")}</span>}
            </label>
            <label>
              {t("nameEn")}
              <input name="nameEn" className={inputCls} />
            </label>
            <label>
              {t("floor")}
              <input name="floor" className={inputCls} />
            </label>
            <label>
              {t("capacity")}
              <input name="capacity" type="number" min={1} className={inputCls} />
            </label>
            <label>
              {t("layout")}
              <select name="layout" className={inputCls} defaultValue="theatre">
                {LAYOUTS.map((l) => (
                  <option key={l} value={l}>{t(`layouts.${l}`)}</option>
                ))}
              </select>
            </label>
            <button className={`${btn.primary} col-span-2`} disabled={pending}>
              {t("add")}
            </button>
          </form>
        )}
      </div>
      <div className="rounded-xl border border-slate-200 bg-white p-3 shadow-sm">
        <h2 className="font-semibold text-slate-800">{t("sessionRoom")}</h2>
        <ul className="mt-2 divide-y divide-slate-100 text-sm">
          {sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center gap-2 py-1.5">
              <span className="w-28 font-mono text-xs text-slate-500">{s.time}</span>
              <span className="min-w-0 flex-1 truncate">{s.title}</span>
              <select
                className="rounded-md border border-slate-300 px-2 py-1 text-xs"
                value={s.roomId ?? ""}
                disabled={!canManage || pending}
                aria-label={`${t("sessionRoom")}: ${s.title}`}
                onChange={(e) => act(() => setSessionRoomAction({ eventId, sessionId: s.id, roomId: e.target.value }))}
              >
                <option value="">{t("noRoom")}</option>
                {rooms.map((r) => (
                  <option key={r.id} value={r.id}>{r.name}</option>
                ))}
              </select>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
