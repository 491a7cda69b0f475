/**
 * A list, or — when there is nothing in it — one muted line saying so (a panel's or page's "none yet"). `children`
 * draws one item as a keyed <li>. No client hooks: server pages and client panels both use it.
 *
 *   <ListOrEmpty items={rows} empty={t("none")} className="divide-y" testId="rows">{(r) => <li key={r.id}>…</li>}</ListOrEmpty>
 */
import { cn } from "@/lib/cn";

export function ListOrEmpty<T>({
  items,
  empty,
  emptyClassName,
  className,
  testId,
  children,
}: {
  items: readonly T[];
  empty: React.ReactNode;
  emptyClassName?: string;
  className?: string;
  testId?: string;
  children: (item: T) => React.ReactNode;
}) {
  if (items.length === 0) return <p className={cn("text-slate-500", emptyClassName)}>{empty}</p>;
  return (
    <ul className={className} data-testid={testId}>
      {items.map((item) => children(item))}
    </ul>
  );
}
