/** A titled card of the account pages (/me/profile, /me/developer). */
export function AccountSection({ title, intro, children, id }: { title: string; intro?: string; children: React.ReactNode; id: string }) {
  return (
    <section className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6" aria-labelledby={id}>
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {intro ? <p className="mt-1 text-sm text-slate-600">{intro}</p> : null}
      <div className="mt-5">{children}</div>
    </section>
  );
}
