/** Public and account pages read best in a column; the console (app/admin) uses the full width. */
export default function ColumnLayout({ children }: { children: React.ReactNode }) {
  return <div className="mx-auto w-full max-w-5xl px-4">{children}</div>;
}
