"use client";
/**
 * Co-hosts: pick an organization (search) or create one by name, give its English name, set its role, order by drag
 * or arrows, save. The English name belongs to the organization (shared by every forum that cites it; changes are audited).
 */
import { useTranslations } from "next-intl";
import { ArrowDown, ArrowUp, GripVertical, IconButton, X } from "@/components/ui/icons";
import { useRef, useState } from "react";
import { saveHostsAction, searchOrganizationsAction } from "@/lib/events/actions";
import { cn } from "@/lib/cn";
import { btn, inputCls } from "@/components/ui/button";
import { PlaceholderInput } from "@/components/ui/field";
import { useAct } from "./use-action";
import { useSearch } from "./use-search";
import { HOST_ROLES, type HostRole } from "@/lib/shared/enums";

type Role = HostRole;
export type HostRow = { key: string; organizationId: string | null; name: string; nameEn: string; role: Role };

export function HostsEditor({ eventId, initial }: { eventId: string; initial: HostRow[] }) {
  const t = useTranslations("admin.hosts");
  const tr = useTranslations("shared.hostRole");
  const tt = useTranslations("admin.toast");
  const { act, pending, err } = useAct();
  const [rows, setRows] = useState<HostRow[]>(initial);
  const [dirty, setDirty] = useState(false);
  const [q, setQ] = useState("");
  const [found, setFound] = useSearch(q, (term) => searchOrganizationsAction({ eventId, q: term }));
  const dragFrom = useRef<number | null>(null);
  const keys = useRef(0);


  const update = (next: HostRow[]) => {
    setRows(next);
    setDirty(true);
  };
  const move = (from: number, to: number) => {
    if (to < 0 || to >= rows.length || from === to) return;
    const next = [...rows];
    const [x] = next.splice(from, 1);
    next.splice(to, 0, x);
    update(next);
  };
  const add = (organizationId: string | null, name: string, nameEn: string | null = null) => {
    update([...rows, { key: `n${++keys.current}`, organizationId, name, nameEn: nameEn ?? "", role: rows.length === 0 ? "host" : "co_host" }]);
    setQ("");
    setFound([]);
  };
  const exact = found.some((f) => f.name.toLowerCase() === q.trim().toLowerCase());

  return (
    <div className="space-y-4" data-testid="hosts-editor">
      <div className="relative">
        <PlaceholderInput label={t("search")} value={q} onValueChange={setQ} data-testid="host-search" />
        {q.trim() ? (
          <ul className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-lg border border-slate-200 bg-white py-1 shadow-lg" data-testid="host-results">
            {found.map((f) => (
              <li key={f.id}>
                <button type="button" className="block w-full px-3 py-2 text-left text-sm hover:bg-brand-50" onClick={() => add(f.id, f.name, f.nameEn)}>
                  {f.name}
                  {f.nameEn ? <span className="ml-2 text-slate-500">{f.nameEn}</span> : null}
                </button>
              </li>
            ))}
            {!exact ? (
              <li>
                <button type="button" className="block w-full px-3 py-2 text-left text-sm font-medium text-brand-700 hover:bg-brand-50" onClick={() => add(null, q.trim())} data-testid="host-create">
                  + {t("create", { name: q.trim() })}
                </button>
              </li>
            ) : null}
          </ul>
        ) : null}
      </div>

      {rows.length === 0 ? <p className="text-sm text-slate-500">{t("empty")}</p> : null}
      <ol className="space-y-2" data-testid="host-rows">
        {rows.map((r, i) => (
          <li
            key={r.key}
            draggable
            onDragStart={() => (dragFrom.current = i)}
            onDragOver={(e) => e.preventDefault()}
            onDrop={() => {
              if (dragFrom.current !== null) move(dragFrom.current, i);
              dragFrom.current = null;
            }}
            className={cn("flex flex-wrap items-center gap-2 rounded-lg border bg-white p-2 sm:flex-nowrap", err(`hosts.${i}.name`) ? "border-red-400" : "border-slate-200")}
            data-testid="host-row"
          >
            <span className="cursor-grab select-none px-1 text-slate-500" aria-hidden>
              <GripVertical className="h-4 w-4" />
            </span>
            <span className="w-6 text-right text-xs tabular-nums text-slate-500">{i + 1}</span>
            <div className="min-w-0 flex-1 basis-[12rem] space-y-1">
              <p className="text-sm font-medium text-slate-900">
                {r.name}
                {!r.organizationId ? <span className="ml-2 rounded bg-amber-50 px-1.5 py-0.5 text-xs text-amber-800">{t("newOrg")}</span> : null}
              </p>
              <input
                className={cn(inputCls, "py-1.5")}
                lang="en"
                value={r.nameEn}
                placeholder={t("nameEn")}
                aria-label={t("nameEnOf", { name: r.name })}
                onChange={(e) => update(rows.map((x, j) => (j === i ? { ...x, nameEn: e.target.value } : x)))}
                data-testid="host-name-en"
              />
              {err(`hosts.${i}.name`) ? <span className="block text-xs text-red-600">{err(`hosts.${i}.name`)}</span> : null}
            </div>
            <div className="min-w-[8rem] flex-1 sm:w-40 sm:flex-none">
              <select
                aria-label={t("role")}
                className={cn(inputCls, "py-1.5")}
                value={r.role}
                onChange={(e) => update(rows.map((x, j) => (j === i ? { ...x, role: e.target.value as Role } : x)))}
                data-testid="host-role"
              >
                {HOST_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {tr(role)}
                  </option>
                ))}
              </select>
            </div>
            <div className="flex gap-1">
              <IconButton icon={ArrowUp} label={t("moveUp")} onClick={() => move(i, i - 1)} disabled={i === 0} />
              <IconButton icon={ArrowDown} label={t("moveDown")} onClick={() => move(i, i + 1)} disabled={i === rows.length - 1} />
              <IconButton icon={X} label={t("remove")} onClick={() => update(rows.filter((_, j) => j !== i))} />
            </div>
          </li>
        ))}
      </ol>
      <div className="flex items-center justify-end gap-3">
        {dirty ? <span className="text-xs text-amber-700">{t("unsaved")}</span> : null}
        <button
          type="button"
          className={btn.primary}
          disabled={pending}
          data-testid="hosts-save"
          onClick={() =>
            act(() => saveHostsAction({ eventId, hosts: rows.map((r) => ({ organizationId: r.organizationId, name: r.name, nameEn: r.nameEn, role: r.role })) }), {
              success: tt("saved"),
              onOk: () => setDirty(false),
            })
          }
        >
          {t("save")}
        </button>
      </div>
    </div>
  );
}
