"use client";
/**
 * The agenda builder: the forum's days as a timeline of session cards. Sessions are added and edited in a Radix
 * dialog; speakers are picked from existing people or created (with several positions); site visits carry ordered
 * stops and buses. Conflict warnings come from lib/agenda/conflicts.ts (computed on the server after each change).
 * Deletes and re-orderings show at once (useOptimistic) while the server confirms.
 */
import { useTranslations } from "next-intl";
import { useOptimistic, useState } from "react";
import {
  addSpeakerAction,
  deleteBusAction,
  deleteSessionAction,
  deleteStopAction,
  moveSessionAction,
  moveSpeakerAction,
  moveStopAction,
  removeSpeakerAction,
  saveBusAction,
  saveSessionAction,
  saveStopAction,
  searchPeopleAction,
  updatePersonAction,
  updateSpeakerAction,
} from "@/lib/agenda/actions";
import { agendaConflicts, conflictsOf } from "@/lib/agenda/conflicts";
import { cn } from "@/lib/cn";
import { zonedToDate } from "@/lib/events/zoned";
import { btn } from "@/components/ui/button";
import { PlaceholderInput, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormDialog } from "@/components/ui/dialog";
import { ArrowDown, ArrowUp, IconButton, Pencil, Trash2, X } from "@/components/ui/icons";
import { PersonPhotoField } from "./person-photo-field";
import { useAct } from "./use-action";
import { useSearch } from "./use-search";
import { SESSION_KINDS, SESSION_ROLES } from "@/lib/shared/enums";
import type { Photo } from "@/lib/shared/photo";

const ROLES = SESSION_ROLES;

export type Position = { organization: string; organizationEn: string | null; title: string; titleEn: string | null };
export type BSpeaker = {
  id: string;
  personId: string;
  name: string;
  nameEn: string | null;
  bio: string | null;
  bioEn: string | null;
  /** The photo as the preview shows it (a small rendition), null when none. */
  photo: Photo | null;
  role: (typeof ROLES)[number];
  topic: string | null;
  topicEn: string | null;
  positions: Position[];
};
export type BStop = {
  id: string;
  order: number;
  name: string;
  nameEn: string | null;
  organization: string | null;
  description: string | null;
  descriptionEn: string | null;
  facts: { label: string; value: string; labelEn: string; valueEn: string }[];
  arrival: string;
  arrivalLabel: string;
};
export type BBus = {
  id: string;
  sessionId: string | null;
  name: string;
  nameEn: string | null;
  seats: number;
  taken: number;
  leaderName: string | null;
  leaderNameEn: string | null;
  leaderPhone: string | null;
};
export type BSession = {
  id: string;
  kind: (typeof SESSION_KINDS)[number];
  title: string;
  titleEn: string | null;
  description: string | null;
  descriptionEn: string | null;
  location: string | null;
  locationEn: string | null;
  day: string;
  dayLabel: string;
  start: string;
  end: string;
  speakers: BSpeaker[];
  stops: BStop[];
};
export type BConflict = { kind: "speaker_overlap" | "room_overlap" | "outside_event" | "room_too_small"; sessionIds: string[]; text: { name?: string; a: string; b?: string; room?: string; n?: number; cap?: number } };

type Op =
  | { type: "deleteSession"; id: string }
  | { type: "removeSpeaker"; id: string }
  | { type: "moveSpeaker"; id: string; dir: -1 | 1 }
  | { type: "deleteStop"; id: string }
  | { type: "moveStop"; id: string; dir: -1 | 1 };

function swap<T>(list: T[], i: number, dir: -1 | 1): T[] {
  const j = i + dir;
  if (i < 0 || j < 0 || j >= list.length) return list;
  const next = [...list];
  [next[i], next[j]] = [next[j], next[i]];
  return next;
}

function reduce(sessions: BSession[], op: Op): BSession[] {
  switch (op.type) {
    case "deleteSession":
      return sessions.filter((s) => s.id !== op.id);
    case "removeSpeaker":
      return sessions.map((s) => ({ ...s, speakers: s.speakers.filter((x) => x.id !== op.id) }));
    case "moveSpeaker":
      return sessions.map((s) => ({ ...s, speakers: swap(s.speakers, s.speakers.findIndex((x) => x.id === op.id), op.dir) }));
    case "deleteStop":
      return sessions.map((s) => ({ ...s, stops: s.stops.filter((x) => x.id !== op.id) }));
    case "moveStop":
      return sessions.map((s) => ({ ...s, stops: swap(s.stops, s.stops.findIndex((x) => x.id === op.id), op.dir) }));
  }
}

type DialogState =
  | { type: "session"; session?: BSession; day?: string }
  | { type: "speaker"; session: BSession }
  | { type: "person"; speaker: BSpeaker }
  | { type: "stop"; session: BSession; stop?: BStop }
  | { type: "bus"; session: BSession; bus?: BBus }
  | null;

export function AgendaBuilder({
  eventId,
  eventSlug,
  timezone,
  firstDay,
  eventRange,
  sessions: serverSessions,
  buses,
  conflicts,
}: {
  eventId: string;
  /** For the photo upload route (…/events/{slug}/people/{id}/photo). */
  eventSlug: string;
  timezone: string;
  firstDay: string;
  /** The forum's start and end (ISO), for the live conflict check in the session dialog. */
  eventRange: { startsAt: string; endsAt: string };
  sessions: BSession[];
  buses: BBus[];
  conflicts: BConflict[];
}) {
  const t = useTranslations("admin.agenda");
  const tk = useTranslations("shared.sessionKind");
  const tt = useTranslations("admin.toast");
  const { act, pending } = useAct();
  const [sessions, apply] = useOptimistic(serverSessions, reduce);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);

  const days = new Map<string, BSession[]>();
  for (const s of sessions) days.set(s.day, [...(days.get(s.day) ?? []), s]);
  const inConflict = new Set(conflicts.flatMap((c) => c.sessionIds));
  const close = () => setDialog(null);

  return (
    <div className="space-y-5" data-testid="agenda-builder">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-500">{t("timezone", { tz: timezone })}</p>
        <button type="button" className={btn.primary} onClick={() => setDialog({ type: "session" })} data-testid="add-session">
          + {t("addSession")}
        </button>
      </div>

      <section
        aria-live="polite"
        data-testid="conflicts"
        data-count={conflicts.length}
        className={cn("rounded-xl border p-4 text-sm", conflicts.length ? "border-amber-300 bg-amber-50" : "border-emerald-200 bg-emerald-50")}
      >
        <h2 className={cn("font-semibold", conflicts.length ? "text-amber-900" : "text-emerald-800")}>
          {conflicts.length ? `⚠ ${t("conflicts")} (${conflicts.length})` : `✓ ${t("noConflicts")}`}
        </h2>
        {conflicts.length ? (
          <ul className="mt-2 list-disc space-y-1 pl-5 text-amber-900">
            {conflicts.map((c, i) => (
              <li key={i} data-testid="conflict" data-kind={c.kind}>
                {t(`conflict.${c.kind}`, { name: c.text.name ?? "", a: c.text.a, b: c.text.b ?? "", room: c.text.room ?? "", n: c.text.n ?? 0, cap: c.text.cap ?? 0 })}
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      {sessions.length === 0 ? <p className="rounded-xl border border-dashed border-slate-300 p-6 text-center text-slate-500">{t("empty")}</p> : null}

      {[...days.entries()].map(([day, list]) => (
        <section key={day} aria-label={list[0].dayLabel}>
          <div className="mb-3 flex items-center justify-between gap-2">
            <h2 className="text-base font-semibold text-slate-800">{list[0].dayLabel}</h2>
            <span className="text-xs text-slate-500">{t("sessionsCount", { n: list.length })}</span>
          </div>
          <ol className="relative space-y-3 border-l-2 border-slate-200 pl-4">
            {list.map((s, i) => (
              <li
                key={s.id}
                className={cn("relative rounded-xl border bg-white p-4 shadow-sm", inConflict.has(s.id) ? "border-amber-400 ring-1 ring-amber-300" : "border-slate-200")}
                data-testid="builder-session"
                data-kind={s.kind}
                data-title={s.title}
              >
                <span className="absolute -left-[23px] top-5 h-3 w-3 rounded-full border-2 border-white bg-brand-600" aria-hidden />
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <div className="flex flex-wrap items-center gap-2 text-sm">
                      <time className="font-mono font-semibold text-slate-700">
                        {s.start.slice(11)}–{s.end.slice(11)}
                      </time>
                      <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{tk(s.kind)}</span>
                      {s.location ? <span className="text-slate-500">{s.location}</span> : null}
                      {inConflict.has(s.id) ? (
                        <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900" data-testid="session-conflict">
                          ⚠ {t("conflicts")}
                        </span>
                      ) : null}
                    </div>
                    <h3 className="mt-1 font-semibold leading-snug text-slate-900">{s.title}</h3>
                    {s.description ? <p className="mt-1 text-sm text-slate-600">{s.description}</p> : null}
                  </div>
                  <div className="flex shrink-0 gap-1">
                    <IconButton icon={ArrowUp} label={t("moveUp")} disabled={i === 0 || pending} onClick={() => act(() => moveSessionAction({ eventId, sessionId: s.id, direction: "up" }), { success: tt("moved") })} />
                    <IconButton icon={ArrowDown} label={t("moveDown")} disabled={i === list.length - 1 || pending} onClick={() => act(() => moveSessionAction({ eventId, sessionId: s.id, direction: "down" }), { success: tt("moved") })} />
                    <IconButton icon={Pencil} label={t("edit")} onClick={() => setDialog({ type: "session", session: s })} data-testid="edit-session" />
                    <IconButton icon={Trash2} label={t("delete")} onClick={() => setConfirmDelete(s.id)} />
                  </div>
                </div>
                {confirmDelete === s.id ? (
                  <div className="mt-3 flex flex-wrap items-center gap-2 rounded-lg bg-red-50 p-2 text-sm text-red-800">
                    <span>{t("deleteConfirm", { title: s.title })}</span>
                    <button
                      type="button"
                      className={btn.danger}
                      onClick={() => {
                        setConfirmDelete(null);
                        void act(() => deleteSessionAction({ eventId, sessionId: s.id }), { success: tt("deleted"), optimistic: () => apply({ type: "deleteSession", id: s.id }) });
                      }}
                    >
                      {t("delete")}
                    </button>
                    <button type="button" className={btn.secondary} onClick={() => setConfirmDelete(null)}>
                      {t("cancel")}
                    </button>
                  </div>
                ) : null}

                {s.kind === "site_visit" ? (
                  <SiteVisit eventId={eventId} session={s} buses={buses.filter((b) => b.sessionId === s.id)} onEdit={setDialog} apply={apply} />
                ) : null}

                <div className="mt-3 border-t border-slate-100 pt-3">
                  <div className="flex items-center justify-between gap-2">
                    <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("speakers")}</h4>
                    <button type="button" className="text-sm font-medium text-brand-700 hover:underline" onClick={() => setDialog({ type: "speaker", session: s })} data-testid="add-speaker">
                      + {t("addSpeaker")}
                    </button>
                  </div>
                  {s.speakers.length ? (
                    <ul className="mt-2 space-y-2" data-testid="builder-speakers">
                      {s.speakers.map((sp, j) => (
                        <SpeakerRow
                          key={sp.id}
                          sp={sp}
                          first={j === 0}
                          last={j === s.speakers.length - 1}
                          onMove={(dir) => act(() => moveSpeakerAction({ eventId, speakerId: sp.id, direction: dir < 0 ? "up" : "down" }), { optimistic: () => apply({ type: "moveSpeaker", id: sp.id, dir }) })}
                          onRemove={() => act(() => removeSpeakerAction({ eventId, speakerId: sp.id }), { success: tt("deleted"), optimistic: () => apply({ type: "removeSpeaker", id: sp.id }) })}
                          onEdit={() => setDialog({ type: "person", speaker: sp })}
                        />
                      ))}
                    </ul>
                  ) : null}
                </div>
              </li>
            ))}
          </ol>
        </section>
      ))}

      {dialog?.type === "session" ? (
        <SessionDialog eventId={eventId} session={dialog.session} defaultDay={firstDay} onClose={close} context={{ timezone, eventRange, sessions }} />
      ) : null}
      {dialog?.type === "speaker" ? <SpeakerDialog eventId={eventId} session={dialog.session} onClose={close} /> : null}
      {dialog?.type === "person" ? <PersonDialog eventId={eventId} eventSlug={eventSlug} speaker={dialog.speaker} onClose={close} /> : null}
      {dialog?.type === "stop" ? <StopDialog eventId={eventId} session={dialog.session} stop={dialog.stop} onClose={close} /> : null}
      {dialog?.type === "bus" ? <BusDialog eventId={eventId} session={dialog.session} bus={dialog.bus} onClose={close} /> : null}
    </div>
  );
}

function SpeakerRow({ sp, first, last, onMove, onRemove, onEdit }: { sp: BSpeaker; first: boolean; last: boolean; onMove: (dir: -1 | 1) => void; onRemove: () => void; onEdit: () => void }) {
  const t = useTranslations("admin.agenda");
  const tr = useTranslations("events.sessionRole");
  return (
    <li className="flex flex-wrap items-start justify-between gap-2 rounded-lg bg-slate-50 p-2.5" data-testid="builder-speaker">
      <div className="min-w-0 text-sm">
        <span className="font-semibold text-slate-900">{sp.name}</span> <span className="text-xs text-slate-500">{tr(sp.role)}</span>
        {sp.positions.map((p, i) => (
          <span key={i} className="block text-slate-600">
            {p.organization} {p.title}
          </span>
        ))}
        {sp.topic ? <span className="block text-slate-800">《{sp.topic}》</span> : null}
      </div>
      <div className="flex shrink-0 gap-1">
        <IconButton icon={ArrowUp} label={t("moveUp")} onClick={() => onMove(-1)} disabled={first} />
        <IconButton icon={ArrowDown} label={t("moveDown")} onClick={() => onMove(1)} disabled={last} />
        <IconButton icon={Pencil} label={t("editPerson")} onClick={onEdit} data-testid="edit-speaker" />
        <IconButton icon={X} label={t("removeSpeaker")} onClick={onRemove} />
      </div>
    </li>
  );
}

function SiteVisit({ eventId, session: s, buses, onEdit, apply }: { eventId: string; session: BSession; buses: BBus[]; onEdit: (d: DialogState) => void; apply: (op: Op) => void }) {
  const t = useTranslations("admin.agenda");
  const tt = useTranslations("admin.toast");
  const { act } = useAct();
  return (
    <div className="mt-3 grid gap-4 border-t border-slate-100 pt-3 lg:grid-cols-2">
      <div>
        <div className="flex items-center justify-between gap-2">
          <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("stops")}</h4>
          <button type="button" className="text-sm font-medium text-brand-700 hover:underline" onClick={() => onEdit({ type: "stop", session: s })} data-testid="add-stop">
            + {t("addStop")}
          </button>
        </div>
        <ol className="mt-2 space-y-2" data-testid="builder-stops">
          {s.stops.map((st, i) => (
            <li key={st.id} className="flex items-start gap-2 rounded-lg bg-teal-50 p-2.5 text-sm" data-testid="builder-stop">
              <span className="mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full bg-teal-600 text-xs font-bold text-white">{i + 1}</span>
              <div className="min-w-0 flex-1">
                <p className="font-medium text-slate-900">{st.name}</p>
                {st.organization ? <p className="text-xs text-slate-600">{st.organization}</p> : null}
                {st.arrivalLabel ? <p className="text-xs text-slate-500">{t("arrivalAt", { time: st.arrivalLabel })}</p> : null}
                {st.facts.length ? (
                  <ul className="mt-1 flex flex-wrap gap-1">
                    {st.facts.map((f, k) => (
                      <li key={k} className="rounded bg-white px-1.5 py-0.5 text-xs text-teal-900">
                        {f.label}：{f.value}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
              <div className="flex shrink-0 flex-wrap justify-end gap-1">
                <IconButton icon={ArrowUp} label={t("moveUp")} disabled={i === 0} onClick={() => act(() => moveStopAction({ eventId, stopId: st.id, direction: "up" }), { optimistic: () => apply({ type: "moveStop", id: st.id, dir: -1 }) })} />
                <IconButton icon={ArrowDown} label={t("moveDown")} disabled={i === s.stops.length - 1} onClick={() => act(() => moveStopAction({ eventId, stopId: st.id, direction: "down" }), { optimistic: () => apply({ type: "moveStop", id: st.id, dir: 1 }) })} />
                <IconButton icon={Pencil} label={t("editStop")} onClick={() => onEdit({ type: "stop", session: s, stop: st })} />
                <IconButton icon={X} label={t("deleteStop")} onClick={() => act(() => deleteStopAction({ eventId, stopId: st.id }), { success: tt("deleted"), optimistic: () => apply({ type: "deleteStop", id: st.id }) })} />
              </div>
            </li>
          ))}
        </ol>
      </div>
      <div>
        <div className="flex items-center justify-between gap-2">
          <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("buses")}</h4>
          <button type="button" className="text-sm font-medium text-brand-700 hover:underline" onClick={() => onEdit({ type: "bus", session: s })} data-testid="add-bus">
            + {t("addBus")}
          </button>
        </div>
        <ul className="mt-2 space-y-2" data-testid="builder-buses">
          {buses.map((b) => (
            <li key={b.id} className="flex items-start justify-between gap-2 rounded-lg bg-slate-50 p-2.5 text-sm" data-testid="builder-bus">
              <div className="min-w-0">
                <p className="font-medium text-slate-900">{b.name}</p>
                <p className="text-xs text-slate-600">{t("seatsTaken", { taken: b.taken, seats: b.seats })}</p>
                {b.leaderName ? (
                  <p className="text-xs text-slate-500">
                    {b.leaderName}
                    {b.leaderPhone ? ` · ${b.leaderPhone}` : ""}
                  </p>
                ) : null}
              </div>
              <div className="flex shrink-0 gap-1">
                <IconButton icon={Pencil} label={t("editBus")} onClick={() => onEdit({ type: "bus", session: s, bus: b })} data-testid="edit-bus" />
                <IconButton icon={X} label={t("deleteBus")} onClick={() => act(() => deleteBusAction({ eventId, busId: b.id }), { success: tt("deleted") })} />
              </div>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

type DialogContext = { timezone: string; eventRange: { startsAt: string; endsAt: string }; sessions: BSession[] };

/** Conflicts the session being edited would take part in, with what is typed right now (pure, client-side). */
function draftConflicts(ctx: DialogContext, s: BSession | undefined, draft: { date: string; start: string; end: string; location: string; title: string }) {
  const tz = ctx.timezone;
  const startsAt = zonedToDate(`${draft.date}T${draft.start}`, tz);
  const endsAt = zonedToDate(`${draft.date}T${draft.end}`, tz);
  if (!startsAt || !endsAt || endsAt <= startsAt) return [];
  const asInput = (x: BSession) => ({
    id: x.id,
    title: x.title,
    startsAt: zonedToDate(x.start, tz)!,
    endsAt: zonedToDate(x.end, tz)!,
    location: x.location,
    speakers: x.speakers.map((p) => ({ personId: p.personId, name: p.name })),
  });
  const others = ctx.sessions.filter((x) => x.id !== s?.id).map(asInput);
  const me = { id: "draft", title: draft.title, startsAt, endsAt, location: draft.location, speakers: s?.speakers.map((p) => ({ personId: p.personId, name: p.name })) ?? [] };
  const titles = new Map(others.map((o) => [o.id, o.title]));
  return conflictsOf("draft", agendaConflicts({ startsAt: new Date(ctx.eventRange.startsAt), endsAt: new Date(ctx.eventRange.endsAt), timezone: tz }, [...others, me])).map((c) => {
    const other = c.sessionIds.find((id) => id !== "draft");
    return {
      kind: c.kind,
      text: {
        a: draft.title || "…",
        b: other ? titles.get(other) : undefined,
        name: c.kind === "speaker_overlap" ? c.personName : undefined,
        room: c.kind === "room_overlap" ? c.location : undefined,
        n: c.kind === "room_too_small" ? c.expected : undefined,
        cap: c.kind === "room_too_small" ? c.capacity : undefined,
      },
    };
  });
}

function SessionDialog({ eventId, session: s, defaultDay, onClose, context }: { eventId: string; session?: BSession; defaultDay: string; onClose: () => void; context: DialogContext }) {
  const t = useTranslations("admin.agenda");
  const tk = useTranslations("shared.sessionKind");
  const tt = useTranslations("admin.toast");
  const { act, pending, err } = useAct();
  const [draft, setDraft] = useState({ date: s?.day ?? defaultDay, start: s?.start.slice(11) ?? "", end: s?.end.slice(11) ?? "", location: s?.location ?? "", title: s?.title ?? "" });
  const warnings = draftConflicts(context, s, draft);
  return (
    <FormDialog
      title={s ? t("editSession") : t("newSession")}
      testId="session-dialog"
      onClose={onClose}
      pending={pending}
      submitTestId="session-save"
      onChange={(d) => {
        setDraft({ date: d.date ?? "", start: d.start ?? "", end: d.end ?? "", location: d.location ?? "", title: d.title ?? "" });
      }}
      onSubmit={(d) => {
        const input = { ...d, eventId, sessionId: s?.id ?? null, startsAt: `${d.date}T${d.start}`, endsAt: `${d.date}T${d.end}` };
        void act(() => saveSessionAction(input), { success: tt("saved"), onOk: onClose });
      }}
    >
      {warnings.length ? (
        <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="dialog-conflicts">
          <p className="font-medium">⚠ {t("dialogConflicts")}</p>
          <ul className="mt-1 list-disc pl-5">
            {warnings.map((c, i) => (
              <li key={i}>{t(`conflict.${c.kind}`, { name: c.text.name ?? "", a: c.text.a, b: c.text.b ?? "", room: c.text.room ?? "", n: c.text.n ?? 0, cap: c.text.cap ?? 0 })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label={t("kind")} name="kind" defaultValue={s?.kind ?? "keynote"} options={SESSION_KINDS.map((k) => ({ value: k, label: tk(k) }))} error={err("kind")} />
        <TextField label={t("date")} name="date" type="date" defaultValue={s?.day ?? defaultDay} required />
        <TextField label={t("sessionTitle")} name="title" defaultValue={s?.title} error={err("title")} required className="sm:col-span-2" />
        <TextField label={t("sessionTitleEn")} name="titleEn" defaultValue={s?.titleEn ?? ""} error={err("titleEn")} className="sm:col-span-2" />
        <TextField label={t("start")} name="start" type="time" defaultValue={s?.start.slice(11)} error={err("startsAt")} required />
        <TextField label={t("end")} name="end" type="time" defaultValue={s?.end.slice(11)} error={err("endsAt")} required />
        <TextField label={t("location")} name="location" defaultValue={s?.location ?? ""} error={err("location")} />
        <TextField label={t("locationEn")} name="locationEn" defaultValue={s?.locationEn ?? ""} error={err("locationEn")} />
        <TextAreaField label={t("description")} name="description" defaultValue={s?.description ?? ""} error={err("description")} className="sm:col-span-2" />
        <TextAreaField label={t("descriptionEn")} name="descriptionEn" defaultValue={s?.descriptionEn ?? ""} rows={2} className="sm:col-span-2" />
      </div>
    </FormDialog>
  );
}

function PositionsEditor({ value, onChange }: { value: Position[]; onChange: (v: Position[]) => void }) {
  const t = useTranslations("admin.agenda");
  const tu = useTranslations("ui");
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-700">{t("positions")}</legend>
      <p className="text-xs text-slate-500">{t("positionsHint")}</p>
      {value.map((p, i) => {
        const set = (patch: Partial<Position>) => onChange(value.map((x, j) => (j === i ? { ...x, ...patch } : x)));
        return (
          <div key={i} className="flex gap-2 rounded-lg border border-slate-200 p-2" data-testid="position-row">
            <div className="grid min-w-0 flex-1 gap-2 sm:grid-cols-2">
              <PlaceholderInput label={t("organization")} value={p.organization} onValueChange={(v) => set({ organization: v })} />
              <PlaceholderInput label={t("positionTitle")} value={p.title} onValueChange={(v) => set({ title: v })} />
              <PlaceholderInput label={t("organizationEn")} lang="en" value={p.organizationEn ?? ""} onValueChange={(v) => set({ organizationEn: v || null })} data-testid="position-org-en" />
              <PlaceholderInput label={t("positionTitleEn")} lang="en" value={p.titleEn ?? ""} onValueChange={(v) => set({ titleEn: v || null })} data-testid="position-title-en" />
            </div>
            <IconButton icon={X} label={tu("remove")} className="h-auto shrink-0 self-start" onClick={() => onChange(value.filter((_, j) => j !== i))} />
          </div>
        );
      })}
      <button type="button" className="text-sm font-medium text-brand-700 hover:underline" onClick={() => onChange([...value, { organization: "", organizationEn: null, title: "", titleEn: null }])} data-testid="add-position">
        + {t("addPosition")}
      </button>
    </fieldset>
  );
}

type Found = { id: string; name: string; nameEn: string | null; positions: { organization: string; title: string }[] };

function SpeakerDialog({ eventId, session, onClose }: { eventId: string; session: BSession; onClose: () => void }) {
  const t = useTranslations("admin.agenda");
  const tu = useTranslations("ui");
  const tr = useTranslations("events.sessionRole");
  const tt = useTranslations("admin.toast");
  const { act, pending, err } = useAct();
  const [q, setQ] = useState("");
  const [found] = useSearch<Found>(q, (term) => searchPeopleAction({ eventId, q: term }));
  const [picked, setPicked] = useState<Found | null>(null);
  const [creating, setCreating] = useState(false);
  const [positions, setPositions] = useState<Position[]>([{ organization: "", organizationEn: null, title: "", titleEn: null }]);
  return (
    <FormDialog
      title={`${t("addSpeaker")} · ${session.title}`}
      testId="speaker-dialog"
      onClose={onClose}
      pending={pending}
      submitTestId="speaker-save"
      submitDisabled={!picked && !creating}
      className="space-y-4"
      onSubmit={(d) => {
        const base = { eventId, sessionId: session.id, role: d.role, topic: d.topic, topicEn: d.topicEn };
        const input = picked
          ? { ...base, personId: picked.id }
          : { ...base, person: { name: d.name ?? "", nameEn: d.nameEn, positions: positions.filter((p) => p.organization.trim() || p.title.trim()) } };
        void act(() => addSpeakerAction(input), { success: tt("saved"), onOk: onClose });
      }}
    >
      {picked ? (
        <div className="flex items-start justify-between gap-2 rounded-lg bg-brand-50 p-3 text-sm">
          <div>
            <p className="font-semibold">{picked.name}</p>
            {picked.positions.map((p, i) => (
              <p key={i} className="text-slate-600">
                {p.organization} {p.title}
              </p>
            ))}
          </div>
          <IconButton icon={X} label={tu("clear")} variant="ghost" onClick={() => setPicked(null)} />
        </div>
      ) : creating ? (
        <div className="space-y-3 rounded-lg border border-slate-200 p-3">
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField label={t("name")} name="name" defaultValue={q} error={err("person.name")} required />
            <TextField label={t("nameEn")} name="nameEn" />
          </div>
          <PositionsEditor value={positions} onChange={setPositions} />
        </div>
      ) : (
        <div>
          <PlaceholderInput label={t("searchPeople")} value={q} onValueChange={setQ} data-testid="people-search" autoFocus />
          <ul className="mt-2 max-h-56 space-y-1 overflow-auto" data-testid="people-results">
            {found.map((p) => (
              <li key={p.id}>
                <button type="button" className="w-full rounded-lg px-3 py-2 text-left text-sm hover:bg-brand-50" onClick={() => setPicked(p)}>
                  <span className="font-medium">{p.name}</span>
                  <span className="ml-2 text-slate-500">{p.positions.map((x) => `${x.organization} ${x.title}`).join("；")}</span>
                </button>
              </li>
            ))}
            {q.trim() && found.length === 0 ? <li className="px-3 py-2 text-sm text-slate-500">{t("noMatch")}</li> : null}
          </ul>
          <button type="button" className="mt-2 text-sm font-medium text-brand-700 hover:underline" onClick={() => setCreating(true)} data-testid="new-person">
            + {t("newPerson")}
          </button>
          {err("personId") ? <p className="mt-1 text-sm text-red-600">{err("personId")}</p> : null}
        </div>
      )}
      <div className="grid gap-3 sm:grid-cols-[10rem_1fr]">
        <SelectField label={t("role")} name="role" defaultValue="speaker" options={ROLES.map((r) => ({ value: r, label: tr(r) }))} />
        <TextField label={t("topic")} name="topic" error={err("topic")} />
      </div>
      <TextField label={t("topicEn")} name="topicEn" />
    </FormDialog>
  );
}

function PersonDialog({ eventId, eventSlug, speaker, onClose }: { eventId: string; eventSlug: string; speaker: BSpeaker; onClose: () => void }) {
  const t = useTranslations("admin.agenda");
  const tr = useTranslations("events.sessionRole");
  const tt = useTranslations("admin.toast");
  const { act, pending, err } = useAct();
  const [positions, setPositions] = useState<Position[]>(speaker.positions);
  return (
    <FormDialog
      title={`${t("editPerson")} · ${speaker.name}`}
      testId="person-dialog"
      onClose={onClose}
      pending={pending}
      submitTestId="person-save"
      className="space-y-4"
      onSubmit={(d) => {
        void act(
          async () => {
            const a = await updateSpeakerAction({ eventId, speakerId: speaker.id, role: d.role, topic: d.topic, topicEn: d.topicEn });
            if (!a.ok) return a;
            return updatePersonAction({ eventId, personId: speaker.personId, name: d.name, nameEn: d.nameEn, bio: d.bio, bioEn: d.bioEn, positions: positions.filter((p) => p.organization.trim()) });
          },
          { success: tt("saved"), onOk: onClose },
        );
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={t("name")} name="name" defaultValue={speaker.name} error={err("name")} required />
        <TextField label={t("nameEn")} name="nameEn" defaultValue={speaker.nameEn ?? ""} />
        <SelectField label={t("role")} name="role" defaultValue={speaker.role} options={ROLES.map((r) => ({ value: r, label: tr(r) }))} />
        <TextField label={t("topic")} name="topic" defaultValue={speaker.topic ?? ""} />
        <TextField label={t("topicEn")} name="topicEn" defaultValue={speaker.topicEn ?? ""} className="sm:col-span-2" />
      </div>
      <PositionsEditor value={positions} onChange={setPositions} />
      <PersonPhotoField eventSlug={eventSlug} personId={speaker.personId} name={speaker.name} photo={speaker.photo} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextAreaField label={t("bio")} name="bio" defaultValue={speaker.bio ?? ""} rows={4} hint={t("bioHint")} error={err("bio")} />
        <TextAreaField label={t("bioEn")} name="bioEn" lang="en" defaultValue={speaker.bioEn ?? ""} rows={4} error={err("bioEn")} />
      </div>
    </FormDialog>
  );
}

/** The facts textarea: one "label：value" per line (blank lines dropped, unless `keepBlank` — the English lines pair with the Chinese by position). */
function factLines(text: string | undefined, keepBlank = false): string[] {
  const lines = (text ?? "").split("\n").map((line) => line.trim());
  return keepBlank ? lines : lines.filter(Boolean);
}
function splitFact(line: string): { label: string; value: string } {
  if (!line) return { label: "", value: "" };
  const m = /^(.+?)[:：]\s*(.+)$/.exec(line);
  return m ? { label: m[1].trim(), value: m[2].trim() } : { label: line, value: "—" };
}

function StopDialog({ eventId, session, stop, onClose }: { eventId: string; session: BSession; stop?: BStop; onClose: () => void }) {
  const t = useTranslations("admin.agenda");
  const tt = useTranslations("admin.toast");
  const { act, pending, err } = useAct();
  return (
    <FormDialog
      title={stop ? t("editStop") : t("addStop")}
      testId="stop-dialog"
      onClose={onClose}
      pending={pending}
      submitTestId="stop-save"
      noValidate
      onSubmit={(d) => {
        const facts = factLines(d.facts).map((line, i) => {
          const zh = splitFact(line);
          const en = splitFact(factLines(d.factsEn, true)[i] ?? "");
          return { ...zh, ...(en.label ? { labelEn: en.label, valueEn: en.value === "—" ? zh.value : en.value } : {}) };
        });
        const input = {
          eventId,
          sessionId: session.id,
          stopId: stop?.id ?? null,
          name: d.name,
          nameEn: d.nameEn,
          organization: d.organization,
          description: d.description,
          descriptionEn: d.descriptionEn,
          facts,
          plannedArrival: d.arrival ? `${session.day}T${d.arrival}` : "",
        };
        void act(() => saveStopAction(input), { success: tt("saved"), onOk: onClose });
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={t("stopName")} name="name" defaultValue={stop?.name} error={err("name")} className="sm:col-span-2" />
        <TextField label={t("stopNameEn")} name="nameEn" defaultValue={stop?.nameEn ?? ""} />
        <TextField label={t("arrival")} name="arrival" type="time" defaultValue={stop?.arrival ?? ""} error={err("plannedArrival")} />
        <TextField label={t("stopOrganization")} name="organization" defaultValue={stop?.organization ?? ""} className="sm:col-span-2" />
        <TextAreaField label={t("stopDescription")} name="description" defaultValue={stop?.description ?? ""} className="sm:col-span-2" />
        <TextAreaField label={t("stopDescriptionEn")} name="descriptionEn" lang="en" defaultValue={stop?.descriptionEn ?? ""} className="sm:col-span-2" />
        <TextAreaField label={t("facts")} name="facts" defaultValue={stop?.facts.map((f) => `${f.label}：${f.value}`).join("\n")} hint={t("factsHint")} error={err("facts")} />
        <TextAreaField
          label={t("factsEn")}
          name="factsEn"
          lang="en"
          defaultValue={stop?.facts.map((f) => (f.labelEn ? `${f.labelEn}: ${f.valueEn || f.value}` : "")).join("\n").replace(/\n+$/, "")}
          hint={t("factsEnHint")}
        />
      </div>
    </FormDialog>
  );
}

function BusDialog({ eventId, session, bus, onClose }: { eventId: string; session: BSession; bus?: BBus; onClose: () => void }) {
  const t = useTranslations("admin.agenda");
  const tt = useTranslations("admin.toast");
  const { act, pending, err } = useAct();
  return (
    <FormDialog
      title={bus ? t("editBus") : t("addBus")}
      testId="bus-dialog"
      onClose={onClose}
      pending={pending}
      submitTestId="bus-save"
      noValidate
      onSubmit={(d) => {
        void act(() => saveBusAction({ ...d, eventId, sessionId: session.id, busId: bus?.id ?? null }), { success: tt("saved"), onOk: onClose });
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={t("busName")} name="name" defaultValue={bus?.name} error={err("name")} />
        <TextField label={t("seats")} name="seats" type="number" inputMode="numeric" defaultValue={bus ? String(bus.seats) : ""} error={err("seats")} hint={bus ? t("seatsTaken", { taken: bus.taken, seats: bus.seats }) : undefined} />
        <TextField label={t("busNameEn")} name="nameEn" lang="en" defaultValue={bus?.nameEn ?? ""} error={err("nameEn")} />
        <TextField label={t("leaderPhone")} name="leaderPhone" type="tel" defaultValue={bus?.leaderPhone ?? ""} />
        <TextField label={t("leaderName")} name="leaderName" defaultValue={bus?.leaderName ?? ""} />
        <TextField label={t("leaderNameEn")} name="leaderNameEn" lang="en" defaultValue={bus?.leaderNameEn ?? ""} error={err("leaderNameEn")} />
      </div>
    </FormDialog>
  );
}
