/** Prints the page: a server-rendered button that public/islands.js answers (no React needed on the client). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" data-island="print" className="rounded-md border border-slate-300 px-3 py-1.5 text-slate-700 hover:bg-slate-100">
      {label}
    </button>
  );
}
