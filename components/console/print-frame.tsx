"use client";
/**
 * The print document in a same-origin frame, with Print (the frame's own print dialog) and PDF download buttons.
 * `pdfMissing` (the server has no Chromium): the PDF button gives way to a note saying what to install and that
 * Print → Save as PDF works.
 */
import { useRef } from "react";

export function PrintFrame({
  src,
  pdfHref,
  printLabel,
  pdfLabel,
  title,
  pdfMissing,
}: {
  src: string;
  pdfHref: string;
  printLabel: string;
  pdfLabel: string;
  title: string;
  pdfMissing?: string;
}) {
  const frame = useRef<HTMLIFrameElement>(null);
  return (
    <div>
      <div className="no-print mb-3 flex flex-wrap gap-2">
        <button type="button" onClick={() => frame.current?.contentWindow?.print()} className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-900" data-testid="print">
          {printLabel}
        </button>
        {pdfMissing ? null : (
          <a href={pdfHref} className="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm text-slate-700 hover:bg-slate-100" data-testid="pdf">
            {pdfLabel}
          </a>
        )}
        <a href={src} target="_blank" rel="noopener" className="px-2 py-2 text-sm text-brand-700 hover:underline">
          ↗
        </a>
      </div>
      {pdfMissing ? (
        <p className="no-print mb-3 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" role="note" data-testid="pdf-missing">
          {pdfMissing}
        </p>
      ) : null}
      <iframe ref={frame} src={src} title={title} className="h-[75vh] w-full rounded-xl border border-slate-200 bg-slate-200" data-testid="print-frame" />
    </div>
  );
}
