"use client";
/**
 * The check-in desk (签到台), for a phone at the door or a laptop at the desk: scan the ticket QR with the camera
 * (BarcodeDetector where the browser has it, jsQR otherwise), type the code, or find a name. One tap checks in for
 * the chosen segment; a second scan says when and by whom; undo is one tap away; counters refresh every 5 s.
 */
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { checkInAction, deskSearchAction, deskStateAction, undoCheckInAction } from "@/lib/checkin/actions";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import type { CheckinCounts, DeskCard } from "@/lib/checkin/queries";
import type { Locale } from "@/lib/i18n/config";
import { formatTime } from "@/lib/i18n/format";
import { QrScanner } from "./qr-scanner";
import type { RegistrationStatus } from "@/lib/shared/enums";

type Recent = { registrationId: string; name: string; organization: string | null; segment: string; checkedInAt: Date; byName: string | null };
type Outcome =
  | { kind: "ok" | "already"; card: DeskCard; segment: string; at: Date; by: string | null }
  | { kind: "refused"; name: string; status: string }
  | { kind: "notFound" }
  | { kind: "error"; message: string };

export const STATUS_TONE: Record<string, BadgeTone> = { confirmed: "green", pending: "amber", waitlisted: "violet", cancelled: "slate", rejected: "red" };

/** A QR may hold the bare code or a URL ending in it. */
export function codeFromScan(raw: string): string {
  const s = raw.trim();
  try {
    const u = new URL(s);
    return u.searchParams.get("code") ?? u.pathname.split("/").filter(Boolean).pop() ?? s;
  } catch {
    return s;
  }
}

export function CheckinDesk({
  eventId,
  timezone,
  locale,
  segments,
  labels,
  early,
  initialSegment,
  initialCounts,
  initialRecent,
}: {
  eventId: string;
  timezone: string;
  locale: Locale;
  segments: string[];
  /** Segment names from the forum's agenda (lib/checkin/queries.ts segmentLabels). */
  labels: Record<string, string>;
  /** The forum's first day when today is before it (checking in early is allowed, with a warning). */
  early?: string | null;
  /** The segment in progress (site visit in the morning, symposium after). */
  initialSegment: string;
  initialCounts: CheckinCounts;
  initialRecent: Recent[];
}) {
  const t = useTranslations("console");
  const ts = useTranslations("shared");
  const [segment, setSegment] = useState(initialSegment);
  const [code, setCode] = useState("");
  const [q, setQ] = useState("");
  const [hits, setHits] = useState<DeskCard[] | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [counts, setCounts] = useState(initialCounts);
  const [recent, setRecent] = useState(initialRecent);
  const [notice, setNotice] = useState<string | null>(null);
  const [scanning, setScanning] = useState(false);
  const [pending, start] = useTransition();
  const codeRef = useRef<HTMLInputElement>(null);
  const segLabel = (s: string) => labels[s] ?? s;
  const time = (d: Date) => formatTime(new Date(d), timezone, locale);

  const refresh = useCallback(async () => {
    const r = await deskStateAction({ eventId });
    if (r.ok && r.data) {
      setCounts(r.data.counts);
      setRecent(r.data.recent);
    }
  }, [eventId]);

  useEffect(() => {
    const id = window.setInterval(() => {
      if (document.visibilityState === "visible") void refresh();
    }, 5000);
    return () => window.clearInterval(id);
  }, [refresh]);

  const submit = (input: { ticketCode?: string; registrationId?: string }) =>
    start(async () => {
      setNotice(null);
      const r = await checkInAction({ eventId, segment, ...input });
      if (r.ok && r.data) {
        const d = r.data;
        setOutcome({ kind: d.already ? "already" : "ok", card: d.card, segment: d.segment, at: d.checkedInAt, by: d.checkedInBy });
        setCounts(d.counts);
        setCode("");
        if (hits) setHits(hits.map((h) => (h.registrationId === d.card.registrationId ? d.card : h)));
        void refresh();
      } else if (!r.ok && r.code === "not_found") setOutcome({ kind: "notFound" });
      else if (!r.ok && r.code === "conflict") {
        // the refusal carries the registration's status as a parameter (errors.checkinRefused), not as text to parse
        const status = r.params?.status;
        setOutcome({ kind: "refused", name: "", status: typeof status === "string" ? status : "cancelled" });
      } else setOutcome({ kind: "error", message: r.ok ? t("genericError") : r.error });
      codeRef.current?.focus();
    });

  const undo = (card: DeskCard, seg: string) =>
    start(async () => {
      const r = await undoCheckInAction({ eventId, registrationId: card.registrationId, segment: seg });
      if (r.ok && r.data) {
        setCounts(r.data.counts);
        setNotice(t("checkin.undone", { name: card.name }));
        setOutcome(null);
        if (hits) setHits(hits.map((h) => (h.registrationId === card.registrationId ? { ...h, checkins: h.checkins.filter((c) => c.segment !== seg) } : h)));
        void refresh();
      } else if (!r.ok) setNotice(r.error);
    });

  const search = () =>
    start(async () => {
      if (!q.trim()) return;
      const r = await deskSearchAction({ eventId, q });
      setHits(r.ok && r.data ? r.data : []);
    });

  const doneFor = (c: DeskCard) => c.checkins.find((x) => x.segment === segment);

  return (
    <div className="grid gap-5 lg:grid-cols-[1fr_20rem]">
      <div className="space-y-4">
        <h1 className="text-2xl font-bold text-slate-900">{t("checkin.title")}</h1>
        {early ? (
          <p role="status" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200" data-testid="checkin-early">
            {t("checkin.early", { date: early })}
          </p>
        ) : null}

        <fieldset className="flex flex-wrap gap-2" data-testid="segment-picker">
          <legend className="mb-1 text-sm font-medium text-slate-600">{t("checkin.segmentLabel")}</legend>
          {segments.map((s) => (
            <button
              key={s}
              type="button"
              onClick={() => setSegment(s)}
              aria-pressed={s === segment}
              data-segment={s}
              className={cn(
                "rounded-full border px-4 py-2 text-sm font-medium",
                s === segment ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100",
              )}
            >
              {segLabel(s)}
            </button>
          ))}
        </fieldset>

        <DeskForm
          inputId="ticket-code"
          label={t("checkin.codeLabel")}
          onSubmit={() => {
            const c = codeFromScan(code);
            if (c) submit({ ticketCode: c });
          }}
        >
          <div className="mt-1 flex flex-col gap-2">
            <input
              id="ticket-code"
              ref={codeRef}
              data-testid="checkin-code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              placeholder={t("checkin.codePlaceholder")}
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              autoFocus
              className="w-full rounded-lg border border-slate-300 px-3 py-3 font-mono text-base placeholder:font-sans focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100"
            />
            <div className="flex gap-2">
              <button
                type="submit"
                disabled={pending || !code.trim()}
                data-testid="checkin-submit"
                className="flex-1 rounded-lg bg-brand-700 px-6 py-3 text-base font-semibold text-white hover:bg-brand-900 disabled:opacity-50"
              >
                {t("checkin.submit")}
              </button>
              <button
                type="button"
                onClick={() => setScanning((s) => !s)}
                data-testid="checkin-scan"
                className="rounded-lg border border-slate-300 px-4 py-3 text-base text-slate-700 hover:bg-slate-100"
              >
                {scanning ? t("checkin.stopScan") : t("checkin.scan")}
              </button>
            </div>
          </div>
          {scanning && (
            <QrScanner
              hint={t("checkin.scanning")}
              unavailable={t("checkin.cameraUnavailable")}
              onCode={(raw) => {
                setScanning(false);
                submit({ ticketCode: codeFromScan(raw) });
              }}
            />
          )}
        </DeskForm>

        <div aria-live="polite">
          {notice && <p className="rounded-lg bg-slate-100 px-4 py-2 text-sm text-slate-700">{notice}</p>}
          {outcome && <OutcomeCard outcome={outcome} segLabel={segLabel} time={time} onUndo={undo} pending={pending} />}
        </div>

        <DeskForm inputId="desk-search" label={t("checkin.searchLabel")} onSubmit={search}>
          <div className="mt-1 flex gap-2">
            <input
              id="desk-search"
              type="search"
              data-testid="checkin-search"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              placeholder={t("checkin.searchPlaceholder")}
              className="min-w-0 flex-1 rounded-lg border border-slate-300 px-3 py-2.5 text-base focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100"
            />
            <button type="submit" disabled={pending} className="rounded-lg border border-slate-300 px-4 py-2.5 text-slate-700 hover:bg-slate-100">
              {t("checkin.search")}
            </button>
          </div>
          {hits && hits.length === 0 && <p className="mt-3 text-sm text-slate-500">{t("checkin.searchEmpty")}</p>}
          {hits && hits.length > 0 && (
            <ul className="mt-3 divide-y divide-slate-100" data-testid="checkin-hits">
              {hits.map((h) => {
                const done = doneFor(h);
                return (
                  <li key={h.registrationId} className="flex flex-wrap items-center gap-3 py-2.5">
                    <div className="min-w-0 flex-1">
                      <div className="font-medium text-slate-900">
                        {h.name} <Badge tone={STATUS_TONE[h.status]}>{ts(`registrationStatus.${h.status}`)}</Badge>
                      </div>
                      <div className="truncate text-sm text-slate-500">{[h.organization, h.position].filter(Boolean).join(" · ")}</div>
                    </div>
                    {done ? (
                      <span className="text-sm text-emerald-700">✓ {time(done.checkedInAt)}</span>
                    ) : (
                      <button
                        type="button"
                        disabled={pending || h.status === "cancelled" || h.status === "rejected"}
                        onClick={() => submit({ registrationId: h.registrationId })}
                        className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-900 disabled:opacity-40"
                      >
                        {t("checkin.submit")}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </DeskForm>
      </div>

      <aside className="space-y-4">
        <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="checkin-counters">
          <div className="grid grid-cols-2 gap-3">
            <Counter label={t("checkin.checkedInPeople")} value={counts.checkedIn} testId="counter-people" />
            <Counter label={t("checkin.expected")} value={counts.expected} testId="counter-expected" />
          </div>
          <ul className="mt-4 space-y-3">
            {segments.map((s) => {
              const n = counts.bySegment[s] ?? 0;
              const pct = counts.expected ? Math.min(100, Math.round((n / counts.expected) * 100)) : 0;
              return (
                <li key={s}>
                  <div className="flex justify-between text-sm">
                    <span className={cn(s === segment ? "font-semibold text-brand-700" : "text-slate-600")}>{segLabel(s)}</span>
                    <span className="tabular-nums text-slate-900" data-testid={`counter-${s}`}>
                      {n}
                    </span>
                  </div>
                  <div className="mt-1 h-2 overflow-hidden rounded-full bg-slate-100">
                    <div className="h-full rounded-full bg-brand-600 transition-all" style={{ width: `${pct}%` }} />
                  </div>
                </li>
              );
            })}
          </ul>
          <p className="mt-3 text-xs text-slate-500">{t("checkin.live")}</p>
        </section>

        <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <h2 className="text-sm font-semibold text-slate-700">{t("checkin.recent")}</h2>
          {recent.length === 0 ? (
            <p className="mt-2 text-sm text-slate-500">{t("checkin.noRecent")}</p>
          ) : (
            <ul className="mt-2 divide-y divide-slate-100 text-sm" data-testid="checkin-recent">
              {recent.map((r) => (
                <li key={`${r.registrationId}-${r.segment}`} className="flex items-baseline gap-2 py-1.5">
                  <span className="tabular-nums text-slate-500">{time(r.checkedInAt)}</span>
                  <span className="min-w-0 flex-1 truncate font-medium text-slate-800">{r.name}</span>
                  <span className="shrink-0 text-xs text-slate-500">{segLabel(r.segment)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </aside>
    </div>
  );
}

/** A card of the desk: one labelled way to find a guest (the label names the input `inputId`); Enter submits. */
function DeskForm({ inputId, label, onSubmit, children }: { inputId: string; label: string; onSubmit: () => void; children: React.ReactNode }) {
  return (
    <form
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <label htmlFor={inputId} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
    </form>
  );
}

function Counter({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="rounded-lg bg-slate-50 p-3">
      <div className="text-3xl font-bold tabular-nums text-slate-900" data-testid={testId}>
        {value}
      </div>
      <div className="text-xs text-slate-500">{label}</div>
    </div>
  );
}

function OutcomeCard({
  outcome,
  segLabel,
  time,
  onUndo,
  pending,
}: {
  outcome: Outcome;
  segLabel: (s: string) => string;
  time: (d: Date) => string;
  onUndo: (card: DeskCard, segment: string) => void;
  pending: boolean;
}) {
  const t = useTranslations("console");
  const ts = useTranslations("shared");
  if (outcome.kind === "notFound" || outcome.kind === "error" || outcome.kind === "refused") {
    const text =
      outcome.kind === "notFound" ? t("checkin.notFound") : outcome.kind === "refused" ? t("checkin.refused", { status: ts(`registrationStatus.${outcome.status as RegistrationStatus}`) }) : outcome.message;
    return (
      <div data-testid="checkin-result" data-state={outcome.kind} className="rounded-xl border-2 border-red-300 bg-red-50 p-4 text-lg font-semibold text-red-800">
        {text}
      </div>
    );
  }
  const { card } = outcome;
  const ok = outcome.kind === "ok";
  return (
    <div
      data-testid="checkin-result"
      data-state={outcome.kind}
      className={cn("rounded-xl border-2 p-4 shadow-sm", ok ? "border-emerald-400 bg-emerald-50" : "border-amber-400 bg-amber-50")}
    >
      <div className={cn("text-lg font-bold", ok ? "text-emerald-800" : "text-amber-800")} data-testid="checkin-result-title">
        {ok ? `✓ ${t("checkin.checkedIn")}` : `⚠ ${t("checkin.alreadyTitle")}`} · {segLabel(outcome.segment)}
      </div>
      {!ok && (
        <p className="mt-1 text-amber-900" data-testid="checkin-already">
          {outcome.by ? t("checkin.already", { time: time(outcome.at), by: outcome.by }) : t("checkin.alreadyNoBy", { time: time(outcome.at) })}
        </p>
      )}
      <div className="mt-3 text-2xl font-bold text-slate-900" data-testid="checkin-name">
        {card.name}
      </div>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-500">{t("checkin.organization")}</dt>
        <dd className="text-slate-900">{card.organization ?? "—"}</dd>
        {card.position && (
          <>
            <dt className="text-slate-500">{t("checkin.position")}</dt>
            <dd className="text-slate-900">{card.position}</dd>
          </>
        )}
        <dt className="text-slate-500">{t("checkin.category")}</dt>
        <dd>{ts(`category.${card.category}`)}</dd>
        <dt className="text-slate-500">{t("checkin.statusLabel")}</dt>
        <dd>
          <Badge tone={STATUS_TONE[card.status]}>{ts(`registrationStatus.${card.status}`)}</Badge>
          {card.status !== "confirmed" && <span className="ml-2 text-amber-700">{t("checkin.warnStatus", { status: ts(`registrationStatus.${card.status}`) })}</span>}
        </dd>
        <dt className="text-slate-500">{t("checkin.bus")}</dt>
        <dd className="font-semibold text-slate-900" data-testid="checkin-bus">
          {card.bus ?? t("checkin.noBus")}
        </dd>
        <dt className="text-slate-500">{t("checkin.checkins")}</dt>
        <dd className="text-slate-700">
          {card.checkins.length === 0
            ? t("checkin.notCheckedIn")
            : card.checkins.map((c) => `${segLabel(c.segment)} ${time(c.checkedInAt)}${c.byName ? ` (${t("checkin.by", { by: c.byName })})` : ""}`).join("；")}
        </dd>
      </dl>
      <button
        type="button"
        disabled={pending}
        onClick={() => onUndo(card, outcome.segment)}
        data-testid="checkin-undo"
        className="mt-4 rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm text-slate-700 hover:bg-slate-100"
      >
        {t("checkin.undo")}
      </button>
    </div>
  );
}
