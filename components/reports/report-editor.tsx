"use client";
/**
 * The report editor: header fields, headed rich-text sections (rich-text.tsx, TipTap, loaded lazily: only this console
 * page pays for it), reorderable; key figures inserted in the text as chips; photos and attachments with caption,
 * credit and placement (or inserted in the text);
 * workflow buttons; autosave of drafts. Saves carry the version they were based on: a refused save (someone else saved
 * first) keeps every character typed here and offers "merge" (rebase on the latest version, keep my text, show theirs)
 * or "discard mine".
 */
import dynamic from "next/dynamic";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ArrowDown, ArrowUp, IconButton, TriangleAlert } from "@/components/ui/icons";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { btn as kit } from "@/components/ui/button";
import { useCallback, useEffect, useRef, useState } from "react";
import {
  loadReportStateAction,
  publishReportAction,
  refreshGeneratedAction,
  removeMediaAction,
  returnReportAction,
  saveReportAction,
  submitReportAction,
  unpublishReportAction,
  updateMediaAction,
  type Conflict,
} from "@/lib/reports/actions";
import { isoInZone } from "@/lib/i18n/format";
import { docToInput, type EditorDocState, type EditorMedia, type EditorSection, type EditorState } from "@/lib/reports/editor-state";
import { formatBytes } from "@/lib/reports/format";
import { CopyWechatButton } from "./copy-wechat-button";
import { FiguresPanel } from "./figures-panel";

const RichText = dynamic(() => import("./rich-text"), {
  ssr: false,
  loading: () => <div className="mt-6 h-48 animate-pulse rounded-md border border-slate-200 bg-slate-50" />,
});

/** A body's HTML as lines of text (the "their version" box after a merge shows what they wrote, not markup). */
const htmlLines = (html: string) =>
  html
    .replace(/<\/(p|h2|h3|li|tr|blockquote|figure)>|<br\s*\/?>/g, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\n{2,}/g, "\n")
    .trim();

/**
 * Remove the i-th key figure. The text refers to figures by position, so the chips after it move up one, and a chip of
 * the removed figure becomes its value as plain text (the sentence keeps its number).
 */
function removeFigure(d: EditorDocState, i: number): EditorDocState {
  const gone = d.figures[i];
  const keep = `${gone.value}${gone.unit ? ` ${gone.unit}` : ""}`.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]!);
  const renumber = (html: string) =>
    html.replace(/<span data-figure="(\d+)"([^>]*)><\/span>/g, (m, n, rest) => {
      const k = Number(n);
      return k === i + 1 ? keep : k > i + 1 ? `<span data-figure="${k - 1}"${rest}></span>` : m;
    });
  return { ...d, lead: renumber(d.lead), sections: d.sections.map((s) => ({ ...s, body: renumber(s.body) })), figures: d.figures.filter((_, j) => j !== i) };
}

const AUTOSAVE_MS = 2500;
const newKey = () => Math.random().toString(36).slice(2);
const input = "w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100";
const btn = "rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-50";

type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; version: number; auto: boolean; at: string } | { kind: "error"; error: string };

export function ReportEditor({
  initial,
  canPublish,
  eventSlug,
  eventEnds,
}: {
  initial: EditorState;
  canPublish: boolean;
  eventSlug: string;
  /** When the forum ends: wall time in its zone ("YYYY-MM-DDTHH:mm", compared with the publish time) and in words. */
  eventEnds?: { wall: string; label: string };
}) {
  const t = useTranslations("reports.admin");
  const tStatus = useTranslations("reports.status");
  const router = useRouter();
  const [doc, setDoc] = useState<EditorDocState>(initial.doc);
  const [meta, setMeta] = useState(() => ({ version: initial.version, status: initial.status, reviewComment: initial.reviewComment, publishedAt: initial.publishedAt }));
  const [mediaList, setMediaList] = useState<EditorMedia[]>(initial.media);
  const [dirty, setDirty] = useState(false);
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [theirs, setTheirs] = useState<EditorState | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [early, setEarly] = useState<{ at: string | null } | null>(null);
  const savingRef = useRef(false);
  const docRef = useRef(doc);
  useEffect(() => {
    docRef.current = doc;
  }, [doc]);
  const ids = { eventId: initial.eventId, reportId: initial.reportId };

  const edit = useCallback((fn: (d: EditorDocState) => EditorDocState) => {
    setDoc((d) => fn(d));
    setDirty(true);
  }, []);

  const doSave = useCallback(
    async (auto: boolean): Promise<number | null> => {
      if (savingRef.current) return null;
      savingRef.current = true;
      setSave({ kind: "saving" });
      const sentDoc = doc;
      const r = await saveReportAction({ ...ids, version: meta.version, ...docToInput(sentDoc) });
      savingRef.current = false;
      if (r.ok && r.data) {
        const version = r.data.version;
        setMeta((m) => ({ ...m, version }));
        // Sections now sit at their new positions: remember them so photos follow later reorders.
        if (docRef.current === sentDoc) {
          setDoc((d) => ({ ...d, sections: d.sections.map((s, i) => ({ ...s, was: i + 1 })) }));
          setDirty(false);
        }
        setFieldErrors({});
        setSave({ kind: "saved", version, auto, at: new Date().toLocaleTimeString("zh-CN", { hour: "2-digit", minute: "2-digit", second: "2-digit" }) });
        return version;
      }
      if (!r.ok) {
        if (r.code === "conflict" && r.conflict) {
          setConflict(r.conflict);
          setSave({ kind: "idle" });
        } else {
          setFieldErrors(r.fieldErrors ?? {});
          setSave({ kind: "error", error: r.error });
        }
      }
      return null;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- ids are constant for the editor's life
    [doc, meta.version],
  );

  // Autosave: a few seconds after the last change, while there is no unresolved conflict.
  useEffect(() => {
    if (!dirty || conflict) return;
    const timer = setTimeout(() => void doSave(true), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [dirty, conflict, doc, doSave]);

  // Warn before leaving with unsaved text.
  useEffect(() => {
    const h = (e: BeforeUnloadEvent) => {
      if (dirty) e.preventDefault();
    };
    window.addEventListener("beforeunload", h);
    return () => window.removeEventListener("beforeunload", h);
  }, [dirty]);

  async function merge() {
    const r = await loadReportStateAction(ids);
    if (!r.ok || !r.data) return setNotice(r.ok ? null : r.error);
    const latest = r.data;
    setTheirs(latest);
    setMeta({ version: latest.version, status: latest.status, reviewComment: latest.reviewComment, publishedAt: latest.publishedAt });
    setMediaList(latest.media);
    setConflict(null);
    setDirty(true); // my text stays; it will be saved on top of the latest version
  }

  async function discardMine() {
    const r = await loadReportStateAction(ids);
    if (!r.ok || !r.data) return;
    setDoc(r.data.doc);
    setMeta({ version: r.data.version, status: r.data.status, reviewComment: r.data.reviewComment, publishedAt: r.data.publishedAt });
    setMediaList(r.data.media);
    setConflict(null);
    setTheirs(null);
    setDirty(false);
  }

  async function workflow(kind: "submit" | "publish" | "return" | "unpublish" | "refresh", comment?: string) {
    setBusy(true);
    setNotice(null);
    let version = meta.version;
    if (dirty) {
      const v = await doSave(false);
      if (v == null) return setBusy(false);
      version = v;
    }
    const args = { ...ids, version, comment };
    const fn = { submit: submitReportAction, publish: publishReportAction, return: returnReportAction, unpublish: unpublishReportAction, refresh: refreshGeneratedAction }[kind];
    const r = await fn(args);
    setBusy(false);
    if (!r.ok) {
      if (r.code === "conflict" && r.conflict) setConflict(r.conflict);
      else {
        setFieldErrors(r.fieldErrors ?? {});
        setNotice(r.error);
      }
      return;
    }
    const latest = await loadReportStateAction(ids);
    if (latest.ok && latest.data) {
      setMeta({ version: latest.data.version, status: latest.data.status, reviewComment: latest.data.reviewComment, publishedAt: latest.data.publishedAt });
      if (kind === "refresh") setDoc(latest.data.doc);
    }
    router.refresh();
  }

  const setSection = (i: number, patch: Partial<EditorSection>) => edit((d) => ({ ...d, sections: d.sections.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));
  const moveSection = (i: number, by: -1 | 1) =>
    edit((d) => {
      const s = [...d.sections];
      const j = i + by;
      if (j < 0 || j >= s.length) return d;
      [s[i], s[j]] = [s[j], s[i]];
      return { ...d, sections: s };
    });
  const figuresView = doc.figures.filter((f) => f.label && f.value).map((f) => ({ label: f.label, value: f.value, unit: f.unit || null, change: f.change || null, period: f.period || null }));
  const err = (k: string) => fieldErrors[k]?.[0];
  const photos = mediaList.filter((m) => m.role === "photo");
  const scheduled = meta.status === "published" && meta.publishedAt && new Date(meta.publishedAt) > new Date();

  return (
    <div className="space-y-6" data-testid="report-editor" data-slug={initial.slug}>
      {/* Status bar */}
      <div className="sticky top-0 z-10 flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white/95 px-3 py-2 text-sm backdrop-blur">
        <span data-testid="report-status" data-status={meta.status} className="rounded bg-slate-100 px-2 py-0.5 font-medium text-slate-700">
          {tStatus(scheduled ? "scheduled" : meta.status)}
        </span>
        <span className="text-slate-500" data-testid="report-version">
          {t("version", { version: meta.version })}
        </span>
        <span className="text-slate-500" data-testid="save-state" aria-live="polite">
          {save.kind === "saving"
            ? t("saving")
            : save.kind === "saved" && !dirty
              ? save.auto
                ? t("autosaved", { at: save.at })
                : t("saved", { version: save.version })
              : dirty
                ? t("unsaved")
                : ""}
        </span>
        <CopyWechatButton
          ids={ids}
          ensureSaved={async () => !conflict && (!dirty || (await doSave(false)) != null)}
          className={`${btn} ml-auto border border-emerald-600 bg-white text-emerald-800 hover:bg-emerald-50`}
        />
        <button type="button" onClick={() => void doSave(false)} disabled={save.kind === "saving" || !!conflict} className={`${btn} bg-brand-700 text-white hover:bg-brand-900`} data-testid="save-report">
          {t("save")}
        </button>
      </div>

      {conflict && (
        <div role="alert" className="rounded-xl border border-red-300 bg-red-50 p-4 text-sm text-red-900" data-testid="conflict">
          <p className="font-semibold">{t("conflictTitle")}</p>
          <p className="mt-1">{t("conflict", { by: conflict.by, at: conflict.at })}</p>
          <div className="mt-3 flex flex-wrap gap-2">
            <button type="button" onClick={() => void merge()} className={`${btn} bg-red-700 text-white hover:bg-red-800`} data-testid="conflict-merge">
              {t("reloadMerge")}
            </button>
            <button type="button" onClick={() => void discardMine()} className={`${btn} border border-red-300 bg-white text-red-800 hover:bg-red-100`} data-testid="conflict-discard">
              {t("discardMine")}
            </button>
          </div>
        </div>
      )}
      {save.kind === "error" && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {t("error", { error: save.error })}
        </p>
      )}
      {notice && (
        <p role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900" data-testid="editor-notice">
          {notice}
        </p>
      )}
      {meta.reviewComment && meta.status === "draft" && (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="review-comment">
          {t("reviewComment", { comment: meta.reviewComment })}
        </p>
      )}

      {theirs && <TheirHeader theirs={theirs.doc} mine={doc} label={t("theirVersion")} labels={{ title: t("fields.title"), subtitle: t("fields.subtitle"), byline: t("fields.byline"), photoCredit: t("fields.photoCredit"), tags: t("fields.tags"), lead: t("fields.lead") }} />}

      {/* Header fields */}
      <section className="grid gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2">
        <Field label={t("fields.title")} error={err("title")} wide>
          <input className={`${input} text-base font-semibold`} name="title" value={doc.title} onChange={(e) => edit((d) => ({ ...d, title: e.target.value }))} data-testid="field-title" />
        </Field>
        <Field label={t("fields.subtitle")} wide>
          <input className={input} name="subtitle" value={doc.subtitle} onChange={(e) => edit((d) => ({ ...d, subtitle: e.target.value }))} />
        </Field>
        <Field label={t("fields.byline")} hint={t("fields.bylineHint")}>
          <input className={input} name="byline" value={doc.byline} onChange={(e) => edit((d) => ({ ...d, byline: e.target.value }))} data-testid="field-byline" />
        </Field>
        <Field label={t("fields.photoCredit")} hint={t("fields.photoCreditHint")}>
          <input className={input} name="photoCredit" value={doc.photoCredit} onChange={(e) => edit((d) => ({ ...d, photoCredit: e.target.value }))} />
        </Field>
        <Field label={t("fields.tags")} hint={t("fields.tagsHint")}>
          <input className={input} name="tags" value={doc.tags} onChange={(e) => edit((d) => ({ ...d, tags: e.target.value }))} data-testid="field-tags" />
        </Field>
        <Field label={t("fields.publishAt")} hint={t("fields.publishAtHint", { tz: initial.timezone })} error={err("publishAt")}>
          <input type="datetime-local" className={input} name="publishAt" value={doc.publishAt} onChange={(e) => edit((d) => ({ ...d, publishAt: e.target.value }))} data-testid="field-publish-at" />
        </Field>
        <Field label={t("fields.titleEn")} wide>
          <input className={input} name="titleEn" value={doc.titleEn} onChange={(e) => edit((d) => ({ ...d, titleEn: e.target.value }))} />
        </Field>
      </section>

      {/* Lead */}
      <section className="rounded-xl border border-slate-200 bg-white p-4">
        <RichText label={t("fields.lead")} value={doc.lead} onChange={(v) => edit((d) => ({ ...d, lead: v }))} figures={doc.figures} photos={photos} testId="field-lead" minRows={4} />
      </section>

      {/* Sections */}
      <section className="space-y-4" data-testid="sections">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-lg font-semibold text-slate-900">{t("sections")}</h2>
          <button type="button" onClick={() => void workflow("refresh")} disabled={busy || !doc.sections.some((s) => s.generated)} className={`${btn} border border-slate-300 bg-white text-slate-700 hover:bg-slate-50`} data-testid="refresh-generated">
            {t("refresh")}
          </button>
        </div>
        {doc.sections.map((s, i) => (
          <div key={s.key} className="rounded-xl border border-slate-200 bg-white p-4" data-testid="section-editor" data-generated={s.generated ?? ""}>
            <div className="flex flex-wrap items-center gap-2">
              <span className="text-sm font-semibold text-slate-500">{i + 1}</span>
              {s.generated && (
                <span className="rounded bg-sky-100 px-2 py-0.5 text-xs font-medium text-sky-800" data-testid="generated-badge">
                  {t(`generated.${s.generated}`)}
                </span>
              )}
              <div className="ml-auto flex gap-1">
                <IconButton icon={ArrowUp} label={t("moveUp")} onClick={() => moveSection(i, -1)} disabled={i === 0} data-testid="section-up" />
                <IconButton icon={ArrowDown} label={t("moveDown")} onClick={() => moveSection(i, 1)} disabled={i === doc.sections.length - 1} data-testid="section-down" />
                <button type="button" onClick={() => edit((d) => ({ ...d, sections: d.sections.filter((_, j) => j !== i) }))} className={`${btn} border border-red-200 text-red-700 hover:bg-red-50`}>
                  {t("removeSection")}
                </button>
              </div>
            </div>
            <label className="mt-3 block text-sm font-medium text-slate-700">
              {t("fields.heading")}
              <input className={`${input} mt-1`} value={s.heading} onChange={(e) => setSection(i, { heading: e.target.value })} data-testid="section-heading" />
            </label>
            <div className="mt-3">
              <RichText label={t("fields.body")} hint={t("fields.bodyHint")} value={s.body} onChange={(v) => setSection(i, { body: v })} figures={doc.figures} photos={photos} testId="section-body" minRows={8} />
            </div>
            {theirs && theirs.doc.sections[i] && theirs.doc.sections[i].body !== s.body && (
              <details open className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="their-version">
                <summary className="cursor-pointer font-medium text-amber-900">{t("theirVersion")}</summary>
                <pre className="mt-2 whitespace-pre-wrap break-words font-sans text-slate-800">{theirs.doc.sections[i].heading ? `${theirs.doc.sections[i].heading}\n\n` : ""}{htmlLines(theirs.doc.sections[i].body)}</pre>
              </details>
            )}
          </div>
        ))}
        <button
          type="button"
          onClick={() => edit((d) => ({ ...d, sections: [...d.sections, { key: newKey(), was: null, heading: "", body: "", generated: null }] }))}
          className={`${btn} border border-dashed border-slate-400 bg-white text-slate-700 hover:bg-slate-50`}
          data-testid="add-section"
        >
          + {t("addSection")}
        </button>
      </section>

      {/* Figures */}
      <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-4" data-testid="figures-editor">
        <h2 className="text-lg font-semibold text-slate-900">{t("figures")}</h2>
        <div className="space-y-3">
          {doc.figures.map((f, i) => (
            <div key={f.key} className="grid grid-cols-2 gap-2 rounded-lg bg-slate-50 p-2 sm:grid-cols-[2fr_1fr_1fr_1fr_1fr_auto]" data-testid="figure-row">
              {(["label", "value", "unit", "change", "period"] as const).map((k) => (
                // a visible label above each field: it stays when the field is filled (a placeholder would not)
                <label key={k} className={`block min-w-0 text-xs font-medium text-slate-600 ${k === "label" ? "col-span-2 sm:col-span-1" : ""}`}>
                  {k === "label" ? `${i + 1} · ${t(`figure.${k}`)}` : t(`figure.${k}`)}
                  <input
                    className={`${input} mt-0.5`}
                    value={f[k]}
                    onChange={(e) => edit((d) => ({ ...d, figures: d.figures.map((x, j) => (j === i ? { ...x, [k]: e.target.value } : x)) }))}
                    data-testid={`figure-${k}`}
                  />
                </label>
              ))}
              <button type="button" onClick={() => edit((d) => removeFigure(d, i))} className={`${btn} self-end justify-self-end text-red-700 hover:bg-red-50`}>
                {t("removeFigure")}
              </button>
              {err(`figures.${i}.label`) || err(`figures.${i}.value`) ? <p className="col-span-full text-xs text-red-700">{err(`figures.${i}.label`) ?? err(`figures.${i}.value`)}</p> : null}
            </div>
          ))}
        </div>
        <button
          type="button"
          onClick={() => edit((d) => ({ ...d, figures: [...d.figures, { key: newKey(), label: "", value: "", unit: "", change: "", period: "" }] }))}
          className={`${btn} border border-dashed border-slate-400 bg-white text-slate-700 hover:bg-slate-50`}
          data-testid="add-figure"
        >
          + {t("addFigure")}
        </button>
        {figuresView.length > 0 && <FiguresPanel title={t("figures")} figures={figuresView} />}
      </section>

      {/* Photos and attachments */}
      <MediaManager
        ids={ids}
        reportSlug={initial.slug}
        sections={doc.sections}
        media={mediaList}
        onChange={setMediaList}
      />

      {/* Workflow */}
      <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-4" data-testid="workflow">
        <h2 className="text-lg font-semibold text-slate-900">{t("workflow")}</h2>
        {meta.publishedAt && meta.status === "published" && (
          <p className="text-sm text-slate-600">{scheduled ? t("scheduledFor", { at: meta.publishedAt.replace("T", " ").slice(0, 16) }) : t("publishedAt", { at: meta.publishedAt.replace("T", " ").slice(0, 16) })}</p>
        )}
        <div className="flex flex-wrap gap-2">
          {meta.status === "draft" && (
            <button type="button" disabled={busy} onClick={() => void workflow("submit")} className={`${btn} bg-amber-600 text-white hover:bg-amber-700`} data-testid="submit-report">
              {t("submit")}
            </button>
          )}
          {canPublish && meta.status !== "published" && (
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                // a post-event report going public before the forum has ended: say so, let them decide
                const nowWall = isoInZone(new Date(), initial.timezone).slice(0, 16);
                const at = doc.publishAt && doc.publishAt > nowWall ? doc.publishAt : null;
                if (eventEnds && (at ?? nowWall) < eventEnds.wall) setEarly({ at });
                else void workflow("publish");
              }}
              className={`${btn} bg-emerald-700 text-white hover:bg-emerald-800`}
              data-testid="publish-report"
            >
              {doc.publishAt && doc.publishAt > isoInZone(new Date(), initial.timezone).slice(0, 16) ? t("schedule") : t("publish")}
            </button>
          )}
          {eventEnds ? (
            <Dialog
              open={early !== null}
              onOpenChange={(o) => !o && setEarly(null)}
              size="sm"
              testId="early-publish"
              title={
                <span className="flex items-center gap-2">
                  <TriangleAlert aria-hidden className="h-5 w-5 shrink-0 text-amber-600" />
                  {t("early.title")}
                </span>
              }
              description={early?.at ? t("early.scheduled", { at: early.at.replace("T", " "), ends: eventEnds.label }) : t("early.now", { ends: eventEnds.label })}
              footer={
                <>
                  <DialogClose asChild>
                    <button type="button" className={kit.secondary}>
                      {t("early.back")}
                    </button>
                  </DialogClose>
                  <button
                    type="button"
                    className={kit.primary}
                    disabled={busy}
                    data-testid="confirm-early-publish"
                    onClick={() => {
                      setEarly(null);
                      void workflow("publish");
                    }}
                  >
                    {t("early.publishAnyway")}
                  </button>
                </>
              }
            >
              <p className="text-sm text-slate-600">{t("early.hint")}</p>
            </Dialog>
          ) : null}
          {canPublish && meta.status === "in_review" && <ReturnForm label={t("returnWithComment")} commentLabel={t("returnComment")} disabled={busy} onReturn={(c) => void workflow("return", c)} />}
          {canPublish && meta.status === "published" && (
            <button type="button" disabled={busy} onClick={() => void workflow("unpublish")} className={`${btn} border border-slate-300 bg-white text-slate-700 hover:bg-slate-50`} data-testid="unpublish-report">
              {t("unpublish")}
            </button>
          )}
        </div>
        <p className="flex flex-wrap gap-4 text-sm">
          <Link href={`/admin/events/${eventSlug}/reports/${initial.reportId}/revisions`} className="text-brand-700 hover:underline" data-testid="revisions-link">
            {t("revisions")}
          </Link>
          {meta.status === "published" && !scheduled && (
            <Link href={`/reports/${initial.slug}`} className="text-brand-700 hover:underline">
              {t("viewPublic")}
            </Link>
          )}
          <Link href={`/admin/events/${eventSlug}/reports`} className="text-slate-600 hover:underline">
            {t("backToList")}
          </Link>
        </p>
        <p className="text-xs text-slate-500">{t("autosaveNote")}</p>
      </section>
    </div>
  );
}

/** After a merge: header fields where the other editor's saved text differs from mine, so nothing of theirs is lost. */
function TheirHeader({ theirs, mine, label, labels }: { theirs: EditorDocState; mine: EditorDocState; label: string; labels: Record<"title" | "subtitle" | "byline" | "photoCredit" | "tags" | "lead", string> }) {
  const keys = (Object.keys(labels) as (keyof typeof labels)[]).filter((k) => theirs[k] !== mine[k]);
  if (!keys.length) return null;
  return (
    <details open className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="their-header">
      <summary className="cursor-pointer font-medium text-amber-900">{label}</summary>
      <dl className="mt-2 space-y-2">
        {keys.map((k) => (
          <div key={k}>
            <dt className="text-xs text-amber-800">{labels[k]}</dt>
            <dd className="whitespace-pre-wrap break-words text-slate-800">{theirs[k] || "—"}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

function Field({ label, hint, error, wide, children }: { label: string; hint?: string; error?: string; wide?: boolean; children: React.ReactNode }) {
  return (
    <label className={`block text-sm font-medium text-slate-700 ${wide ? "sm:col-span-2" : ""}`}>
      {label}
      <div className="mt-1">{children}</div>
      {hint && <span className="mt-1 block text-xs font-normal text-slate-500">{hint}</span>}
      {error && (
        <span role="alert" className="mt-1 block text-xs font-normal text-red-700" data-testid="field-error">
          {error}
        </span>
      )}
    </label>
  );
}

function ReturnForm({ label, commentLabel, disabled, onReturn }: { label: string; commentLabel: string; disabled: boolean; onReturn: (comment: string) => void }) {
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState("");
  if (!open)
    return (
      <button type="button" disabled={disabled} onClick={() => setOpen(true)} className={`${btn} border border-amber-400 bg-white text-amber-800 hover:bg-amber-50`} data-testid="return-report">
        {label}
      </button>
    );
  return (
    <div className="flex w-full flex-wrap items-end gap-2">
      <label className="min-w-0 flex-1 text-sm font-medium text-slate-700">
        {commentLabel}
        <input className={`${input} mt-1`} value={comment} onChange={(e) => setComment(e.target.value)} data-testid="return-comment" />
      </label>
      <button type="button" disabled={disabled || !comment.trim()} onClick={() => onReturn(comment)} className={`${btn} bg-amber-600 text-white`} data-testid="return-confirm">
        {label}
      </button>
    </div>
  );
}

/** Upload (raw body to POST /api/v1/reports/{slug}/media), then caption, credit and placement per file. */
function MediaManager({
  ids,
  reportSlug,
  sections,
  media,
  onChange,
}: {
  ids: { eventId: string; reportId: string };
  reportSlug: string;
  sections: EditorSection[];
  media: EditorMedia[];
  onChange: (m: EditorMedia[]) => void;
}) {
  const t = useTranslations("reports.admin");
  const tErr = useTranslations("errors");
  const [caption, setCaption] = useState("");
  const [credit, setCredit] = useState("");
  const [placement, setPlacement] = useState<string>("");
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function upload(role: "photo" | "attachment", file: File | undefined) {
    if (!file) return;
    setUploading(true);
    setError(null);
    const q = new URLSearchParams({ role, caption, credit });
    if (role === "photo" && placement) q.set("section", placement);
    const res = await fetch(`/api/v1/reports/${encodeURIComponent(reportSlug)}/media?${q}`, {
      method: "POST",
      body: file,
      headers: { "x-huiwu-upload": "1", "x-filename": encodeURIComponent(file.name), "content-type": "application/octet-stream" },
    }).catch(() => null);
    setUploading(false);
    if (!res) return setError(tErr("network"));
    const body = await res.json().catch(() => ({}));
    if (!res.ok) return setError(body.error ?? tErr("generic")); // the server translates (lib/http errorResponse)
    onChange([
      ...media,
      {
        id: body.reportMediaId,
        role,
        url: body.url,
        thumb: body.url,
        filename: body.filename,
        bytes: body.bytes,
        caption,
        credit,
        sectionOrder: role === "photo" && placement ? Number(placement) : null,
        order: media.length + 1,
      },
    ]);
    setCaption("");
    setCredit("");
  }

  async function saveOne(m: EditorMedia) {
    const r = await updateMediaAction({ ...ids, reportMediaId: m.id, caption: m.caption, credit: m.credit, sectionOrder: m.sectionOrder, order: m.order });
    setError(r.ok ? null : r.error);
  }
  async function removeOne(m: EditorMedia) {
    const r = await removeMediaAction({ ...ids, reportMediaId: m.id });
    if (r.ok) onChange(media.filter((x) => x.id !== m.id));
    else setError(r.error);
  }
  const patch = (id: string, p: Partial<EditorMedia>) => onChange(media.map((m) => (m.id === id ? { ...m, ...p } : m)));

  return (
    <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-4" data-testid="media-manager">
      <h2 className="text-lg font-semibold text-slate-900">{t("media")}</h2>
      <div className="grid gap-3 rounded-lg bg-slate-50 p-3 sm:grid-cols-3">
        <label className="block min-w-0 text-xs font-medium text-slate-600">
          {t("caption")}
          <input className={`${input} mt-0.5`} value={caption} onChange={(e) => setCaption(e.target.value)} data-testid="upload-caption" />
        </label>
        <label className="block min-w-0 text-xs font-medium text-slate-600">
          {t("credit")}
          <input className={`${input} mt-0.5`} value={credit} onChange={(e) => setCredit(e.target.value)} data-testid="upload-credit" />
        </label>
        <label className="block min-w-0 text-xs font-medium text-slate-600">
          {t("placement")}
        <select className={`${input} mt-0.5`} value={placement} onChange={(e) => setPlacement(e.target.value)} data-testid="upload-placement">
          <option value="">{t("gallery")}</option>
          {sections.map((s, i) => (
            <option key={s.key} value={String(i + 1)}>
              {t("inSection", { n: i + 1 })} {s.heading ? `· ${s.heading}` : ""}
            </option>
          ))}
        </select>
        </label>
        <label className={`${btn} cursor-pointer bg-brand-700 text-center text-white hover:bg-brand-900`}>
          {t("uploadPhoto")}
          <input type="file" accept="image/jpeg,image/png,image/webp" className="sr-only" data-testid="upload-photo" disabled={uploading} onChange={(e) => void upload("photo", e.target.files?.[0]).then(() => (e.target.value = ""))} />
        </label>
        <label className={`${btn} cursor-pointer border border-brand-700 bg-white text-center text-brand-700 hover:bg-brand-50`}>
          {t("uploadAttachment")}
          <input
            type="file"
            accept=".pdf,.docx,.xlsx,application/pdf"
            className="sr-only"
            data-testid="upload-attachment"
            disabled={uploading}
            onChange={(e) => void upload("attachment", e.target.files?.[0]).then(() => (e.target.value = ""))}
          />
        </label>
        <p className="text-xs text-slate-500 sm:col-span-3">{uploading ? t("uploading") : t("uploadHint")}</p>
      </div>
      {error && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800" data-testid="upload-error">
          {error}
        </p>
      )}
      <ul className="space-y-3">
        {media.map((m) => (
          <li key={m.id} className="grid gap-3 rounded-lg border border-slate-200 p-3 sm:grid-cols-[8rem_1fr]" data-testid={m.role === "photo" ? "media-photo" : "media-attachment"}>
            {m.role === "photo" ? (
              // eslint-disable-next-line @next/next/no-img-element -- our own /media file
              <img src={m.thumb} alt={m.caption} className="h-24 w-full rounded-md bg-slate-100 object-cover sm:w-32" />
            ) : (
              <a href={m.url} className="break-all text-sm text-brand-700 underline">
                {m.filename} · {formatBytes(m.bytes)}
              </a>
            )}
            <div className="grid min-w-0 gap-2 sm:grid-cols-2">
              <label className="block min-w-0 text-xs font-medium text-slate-600">
                {t("caption")}
                <input className={`${input} mt-0.5`} value={m.caption} onChange={(e) => patch(m.id, { caption: e.target.value })} />
              </label>
              <label className="block min-w-0 text-xs font-medium text-slate-600">
                {t("credit")}
                <input className={`${input} mt-0.5`} value={m.credit} onChange={(e) => patch(m.id, { credit: e.target.value })} />
              </label>
              {m.role === "photo" && (
                <select className={input} aria-label={t("placement")} value={m.sectionOrder ?? ""} onChange={(e) => patch(m.id, { sectionOrder: e.target.value ? Number(e.target.value) : null })}>
                  <option value="">{t("gallery")}</option>
                  {sections.map((s, i) => (
                    <option key={s.key} value={i + 1}>
                      {t("inSection", { n: i + 1 })} {s.heading ? `· ${s.heading}` : ""}
                    </option>
                  ))}
                </select>
              )}
              <div className="flex gap-2">
                <button type="button" onClick={() => void saveOne(m)} className={`${btn} border border-slate-300 text-slate-700 hover:bg-slate-50`}>
                  {t("saveMedia")}
                </button>
                <button type="button" onClick={() => void removeOne(m)} className={`${btn} text-red-700 hover:bg-red-50`}>
                  {t("removeMedia")}
                </button>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
