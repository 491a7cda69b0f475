"use client";
/**
 * CSV import of invited guests: choose a file → preview (server parses and validates; nothing written) → confirm →
 * import in ~10 chunks with a progress bar. Rows with errors are listed by file line and skipped.
 */
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ImportChunkResult, ImportPreview } from "@/lib/registrations/import";

type Phase = { kind: "idle" } | { kind: "previewing" } | { kind: "preview"; p: ImportPreview } | { kind: "importing"; p: ImportPreview; done: number } | { kind: "done"; r: ImportChunkResult };

/**
 * One call of the upload route POST /api/v1/events/{slug}/registrations/import (a route, not a server action: the
 * file's size limit is enforced while streaming — issue 12 item 7). The server answers errors in the UI's language.
 */
async function postImport<T>(slug: string, file: File, query: Record<string, string>): Promise<{ ok: true; data: T } | { ok: false; error: string | null }> {
  const res = await fetch(`/api/v1/events/${encodeURIComponent(slug)}/registrations/import?${new URLSearchParams(query)}`, {
    method: "POST",
    body: file,
    headers: { "x-huiwu-upload": "1", "content-type": "text/csv" },
  }).catch(() => null);
  const body = await res?.json().catch(() => null);
  if (res?.ok && body) return { ok: true, data: body as T };
  return { ok: false, error: (body?.fieldErrors?.file?.[0] as string | undefined) ?? (body?.error as string | undefined) ?? null };
}

export function GuestImport({ eventSlug }: { eventSlug: string }) {
  const t = useTranslations("console");
  const ts = useTranslations("shared");
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [error, setError] = useState<string | null>(null);

  const preview = async () => {
    if (!file) return;
    setError(null);
    setPhase({ kind: "previewing" });
    const r = await postImport<ImportPreview>(eventSlug, file, { mode: "preview" });
    if (r.ok) setPhase({ kind: "preview", p: r.data });
    else {
      setPhase({ kind: "idle" });
      setError(r.error ?? t("genericError"));
    }
  };

  const run = async (p: ImportPreview) => {
    const chunk = Math.max(200, Math.ceil(p.total / 10));
    const sum: ImportChunkResult = { processed: 0, created: 0, existing: 0, confirmed: 0, waitlisted: 0, pending: 0, failed: 0 };
    setPhase({ kind: "importing", p, done: 0 });
    for (let from = 0; from < p.total; from += chunk) {
      const r = await postImport<ImportChunkResult>(eventSlug, file!, { mode: "import", from: String(from), to: String(Math.min(p.total, from + chunk)) });
      if (!r.ok) {
        setError(r.error ?? t("genericError"));
        setPhase({ kind: "preview", p });
        return;
      }
      for (const k of Object.keys(sum) as (keyof ImportChunkResult)[]) sum[k] += r.data[k];
      setPhase({ kind: "importing", p, done: sum.processed });
    }
    setPhase({ kind: "done", r: sum });
    router.refresh();
  };

  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="guest-import">
      <h2 className="text-lg font-semibold text-slate-900">{t("import.title")}</h2>
      <p className="mt-1 text-sm text-slate-600">{t("import.help")}</p>
      {error && <p className="mt-2 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p>}

      {(phase.kind === "idle" || phase.kind === "previewing") && (
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <label className="text-sm">
            <span className="sr-only">{t("import.choose")}</span>
            <input type="file" accept=".csv,text/csv,text/plain" onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="import-file" className="text-sm" />
          </label>
          <button type="button" disabled={!file || phase.kind === "previewing"} onClick={preview} className="rounded-lg bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-40" data-testid="import-preview">
            {phase.kind === "previewing" ? t("import.previewing") : t("import.preview")}
          </button>
        </div>
      )}

      {(phase.kind === "preview" || phase.kind === "importing") && (
        <div className="mt-3 space-y-3 text-sm">
          <p className="font-medium text-slate-800" data-testid="import-summary">
            {t("import.summary", { total: phase.p.total, valid: phase.p.valid, existing: phase.p.existing, errors: phase.p.errors.length })}
          </p>
          <p className="text-xs text-slate-500">{t("import.encoding", { encoding: phase.p.encoding })}</p>
          {phase.p.errors.length > 0 && (
            <details open className="rounded-lg border border-red-200 bg-red-50 p-2">
              <summary className="cursor-pointer font-medium text-red-800">{t("import.errors")}</summary>
              <ul className="mt-1 max-h-48 overflow-y-auto text-red-800" data-testid="import-errors">
                {phase.p.errors.map((e) => (
                  <li key={e.line}>
                    <b>{t("import.line", { line: e.line })}</b>: {e.errors.join("; ")}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {phase.p.sample.length > 0 && (
            <details className="rounded-lg border border-slate-200 p-2">
              <summary className="cursor-pointer text-slate-700">{t("import.sample", { n: phase.p.sample.length })}</summary>
              <div className="mt-1 max-h-48 overflow-auto">
                <table className="w-full text-xs">
                  <tbody>
                    {phase.p.sample.map((s) => (
                      <tr key={s.line} className="border-b border-slate-100">
                        <td className="py-1 pr-2 text-slate-500">{s.line}</td>
                        <td className="pr-2">{s.fullName}</td>
                        <td className="pr-2">{s.email}</td>
                        <td className="pr-2">{s.organization}</td>
                        <td>{ts(`category.${s.category}`)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          )}
          {phase.kind === "importing" ? (
            <div>
              <div className="h-3 overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-label={t("import.importing", { done: phase.done, total: phase.p.total })} aria-valuemin={0} aria-valuemax={phase.p.total} aria-valuenow={phase.done} data-testid="import-progress">
                <div className="h-full bg-brand-600 transition-all" style={{ width: `${Math.round((phase.done / Math.max(1, phase.p.total)) * 100)}%` }} />
              </div>
              <p className="mt-1 text-slate-600">{t("import.importing", { done: phase.done, total: phase.p.total })}</p>
            </div>
          ) : (
            <div className="flex gap-2">
              <button
                type="button"
                disabled={phase.p.valid - phase.p.existing <= 0}
                onClick={() => run(phase.p)}
                className="rounded-lg bg-brand-700 px-3 py-1.5 font-semibold text-white disabled:opacity-40"
                data-testid="import-confirm"
              >
                {phase.p.valid - phase.p.existing > 0 ? t("import.confirm", { n: phase.p.valid - phase.p.existing }) : t("import.nothing")}
              </button>
              <button type="button" onClick={() => setPhase({ kind: "idle" })} className="rounded-lg border border-slate-300 px-3 py-1.5 text-slate-700">
                {t("cancel")}
              </button>
            </div>
          )}
        </div>
      )}

      {phase.kind === "done" && (
        <div className="mt-3 space-y-2 text-sm">
          <p className="rounded-lg bg-emerald-50 px-3 py-2 text-emerald-800" role="status" data-testid="import-done">
            {t("import.done", phase.r)}
          </p>
          <button type="button" onClick={() => setPhase({ kind: "idle" })} className="rounded-lg border border-slate-300 px-3 py-1.5 text-slate-700">
            {t("import.again")}
          </button>
        </div>
      )}
    </section>
  );
}
