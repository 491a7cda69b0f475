/** The key figures (关键数据) panel: value + unit large, label, change and period. Server or client. */
export type FigureView = { label: string; value: string; unit: string | null; change: string | null; period: string | null };

export function FiguresPanel({ title, figures }: { title: string; figures: FigureView[] }) {
  if (!figures.length) return null;
  return (
    <section aria-label={title} data-testid="figures-panel" className="rounded-2xl border border-brand-100 bg-brand-50/60 p-4 sm:p-5">
      <h2 className="text-sm font-semibold tracking-wide text-brand-900">{title}</h2>
      <ul className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3">
        {figures.map((f, i) => (
          <li key={i} className="min-w-0 rounded-xl bg-white p-3 shadow-sm" data-testid="figure">
            <p className="flex flex-wrap items-baseline gap-x-1">
              <span className="text-2xl font-bold tabular-nums text-brand-900">{f.value}</span>
              {f.unit && <span className="text-sm text-slate-600">{f.unit}</span>}
            </p>
            <p className="mt-1 text-sm leading-snug text-slate-700">{f.label}</p>
            {(f.change || f.period) && (
              <p className="mt-1 flex flex-wrap gap-x-2 text-xs">
                {f.change && <span className={f.change.trim().startsWith("-") ? "font-semibold text-red-700" : "font-semibold text-emerald-700"}>{f.change}</span>}
                {f.period && <span className="text-slate-500">{f.period}</span>}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
