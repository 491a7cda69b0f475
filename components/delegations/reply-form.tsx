"use client";
/**
 * The liaison's reply slip (回执): plain inputs only (works in a phone browser and in WeChat's), one card per delegate,
 * add / remove up to the quota, swap (换人) an already-registered delegate, save a draft, submit. The server decides
 * everything (quota, deadline, phones); its field errors come back keyed "delegates.<i>.<field>".
 */
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { btn } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { saveReplyDraftAction, submitReplyAction } from "@/lib/delegations/actions";
import { cn } from "@/lib/cn";
import { RANKS } from "@/lib/shared/rank";
import { emptyRow, type ReplyRow } from "./reply-rows";
import { ACCOMMODATION_KINDS } from "@/lib/shared/enums";

export type { ReplyRow } from "./reply-rows";

function toInput(r: ReplyRow) {
  const leg = (at: string, by: string, number: string, station: string) => (at ? { at, by, number, station } : undefined);
  return {
    name: r.name,
    gender: r.gender,
    position: r.position,
    rank: r.rank,
    orderInUnit: r.orderInUnit,
    phone: r.phone,
    email: r.email,
    siteVisit: r.siteVisit,
    diet: r.diet,
    ethnicity: r.ethnicity,
    arrival: leg(r.arrivalAt, r.arrivalBy, r.arrivalNumber, r.arrivalStation),
    departure: leg(r.departureAt, r.departureBy, r.departureNumber, r.departureStation),
    accommodation: r.accommodation,
    note: r.note,
    ...(r.replaces ? { replaces: r.replaces } : {}),
  };
}

let seq = 0;
const nextKey = () => `n${++seq}`;

/**
 * The submit's confirmation outlives the form: the page keys the form by its delegates' ids, which a first submit
 * assigns, so the refresh after it mounts a new form — whose state would start without the message (the liaison saw
 * "submitted" for a moment, or not at all when the refresh was quick). The new form takes it from here, once.
 */
let flash: { token: string; text: string } | null = null;

export function ReplyForm({ token, quota, open, initial, draftSavedAt }: { token: string; quota: number; open: boolean; initial: ReplyRow[]; draftSavedAt: string | null }) {
  const t = useTranslations("delegations.reply");
  const td = useTranslations("delegations");
  const ts = useTranslations("shared");
  const router = useRouter();
  const [rows, setRows] = useState<ReplyRow[]>(initial.length ? initial : [emptyRow(nextKey())]);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(() =>
    flash?.token === token ? { tone: "success", text: flash.text } : draftSavedAt ? { tone: "success", text: t("draftSaved", { when: draftSavedAt }) } : null,
  );
  useEffect(() => {
    if (flash?.token === token) flash = null; // taken by this form
  }, [token]);
  const [pending, start] = useTransition();

  const set = (i: number, patch: Partial<ReplyRow>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const err = (i: number, f: string) => errors[`delegates.${i}.${f}`]?.[0];

  function submit(kind: "draft" | "submit") {
    setMessage(null);
    flash = null;
    start(async () => {
      const delegates = rows.map(toInput);
      const res = kind === "draft" ? await saveReplyDraftAction({ token, delegates }) : await submitReplyAction({ token, delegates });
      if (res.ok) {
        setErrors({});
        setMessage({ tone: "success", text: kind === "draft" ? t("draftSaved", { when: new Date().toLocaleTimeString() }) : t("submitted") });
        if (kind === "submit") {
          flash = { token, text: t("submitted") };
          router.refresh();
        }
      } else {
        setErrors(res.fieldErrors ?? {});
        setMessage({ tone: "error", text: res.error });
      }
    });
  }

  return (
    <form
      className="space-y-4"
      data-testid="reply-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit("submit");
      }}
    >
      <p className="text-sm text-slate-600" data-testid="reply-count">
        {t("entered", { count: rows.filter((r) => r.name.trim()).length, quota })}
      </p>
      {rows.map((r, i) => (
        <fieldset key={r.key} disabled={!open} className="space-y-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200" data-testid="delegate-card">
          <legend className="sr-only">{t("delegate", { n: i + 1 })}</legend>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 className="font-semibold text-slate-900">{t("delegate", { n: i + 1 })}</h3>
            {open && (
              <div className="flex gap-2 text-sm">
                {r.id && !r.replaces && (
                  <button
                    type="button"
                    className={btn.secondary}
                    data-testid="swap"
                    onClick={() => set(i, { ...emptyRow(r.key), replaces: r.id, replacingName: r.name, id: r.id })}
                  >
                    {t("swap")}
                  </button>
                )}
                {r.replaces && (
                  <button type="button" className={btn.secondary} onClick={() => set(i, { ...initial.find((x) => x.id === r.replaces)! , key: r.key })}>
                    {t("cancelSwap")}
                  </button>
                )}
                <button type="button" className={btn.danger} onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
                  {t("remove")}
                </button>
              </div>
            )}
          </div>
          {r.replaces && (
            <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="replacing">
              {t("replacing", { name: r.replacingName ?? "" })} · {t("swapHint")}
            </p>
          )}
          {/* on a phone: contact fields full width, the short choices two to a row */}
          <div className="grid grid-cols-2 gap-3">
            <div className="col-span-2 sm:col-span-1">
              <Text label={t("fields.name")} value={r.name} onChange={(v) => set(i, { name: v })} error={err(i, "name")} name={`d${i}-name`} required />
            </div>
            <div className="col-span-2 sm:col-span-1">
              <Text label={t("fields.position")} value={r.position} onChange={(v) => set(i, { position: v })} error={err(i, "position")} name={`d${i}-position`} required />
            </div>
            <div className="col-span-2 sm:col-span-1">
              <Text label={t("fields.phone")} value={r.phone} onChange={(v) => set(i, { phone: v })} error={err(i, "phone")} name={`d${i}-phone`} type="tel" inputMode="tel" required />
            </div>
            <div className="col-span-2 sm:col-span-1">
              <Text label={t("fields.email")} value={r.email} onChange={(v) => set(i, { email: v })} error={err(i, "email")} name={`d${i}-email`} type="email" optional={t("fields.optional")} />
            </div>
            <Select label={t("fields.gender")} value={r.gender} onChange={(v) => set(i, { gender: v })} name={`d${i}-gender`} options={[["", t("fields.none")], ["male", ts("gender.male")], ["female", ts("gender.female")]]} />
            <Select label={t("fields.rank")} value={r.rank} onChange={(v) => set(i, { rank: v })} name={`d${i}-rank`} options={RANKS.map((k) => [k, td(`rank.${k}`)] as [string, string])} />
            <Text label={t("fields.orderInUnit")} value={r.orderInUnit} onChange={(v) => set(i, { orderInUnit: v })} error={err(i, "orderInUnit")} name={`d${i}-order`} inputMode="numeric" optional={t("fields.optional")} />
            <Select
              label={t("fields.diet")}
              value={r.diet}
              onChange={(v) => set(i, { diet: v })}
              name={`d${i}-diet`}
              options={[["", t("dietOptions.none")], ["清真", t("dietOptions.halal")], ["素食", t("dietOptions.vegetarian")]]}
            />
            <Text label={t("fields.ethnicity")} value={r.ethnicity} onChange={(v) => set(i, { ethnicity: v })} name={`d${i}-ethnicity`} optional={t("fields.optional")} />
            <Select
              label={t("fields.accommodation")}
              value={r.accommodation}
              onChange={(v) => set(i, { accommodation: v })}
              name={`d${i}-accommodation`}
              options={ACCOMMODATION_KINDS.map((k) => [k, ts(`accommodation.${k}`)] as [string, string])}
            />
          </div>
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" checked={r.siteVisit} onChange={(e) => set(i, { siteVisit: e.target.checked })} className="h-4 w-4" name={`d${i}-siteVisit`} />
            {t("fields.siteVisit")}
          </label>
          {(["arrival", "departure"] as const).map((leg) => (
            <div key={leg} className="rounded-xl bg-slate-50 p-3">
              <p className="mb-2 text-sm font-medium text-slate-700">{t(`fields.${leg}`)}</p>
              <div className="grid grid-cols-2 gap-2">
                <div className="col-span-2 sm:col-span-1">
                  <Text label={t("fields.at")} value={r[`${leg}At`]} onChange={(v) => set(i, { [`${leg}At`]: v })} error={err(i, `${leg}.at`)} name={`d${i}-${leg}-at`} type="datetime-local" optional={t("fields.optional")} />
                </div>
                <Select
                  label={t("fields.by")}
                  value={r[`${leg}By`]}
                  onChange={(v) => set(i, { [`${leg}By`]: v })}
                  name={`d${i}-${leg}-by`}
                  options={(["train", "flight", "car", "other"] as const).map((k) => [k, td(`travelBy.${k}`)] as [string, string])}
                />
                <Text label={t("fields.number")} value={r[`${leg}Number`]} onChange={(v) => set(i, { [`${leg}Number`]: v })} name={`d${i}-${leg}-number`} optional={t("fields.optional")} />
                <div className="col-span-2 sm:col-span-1">
                  <Text label={t("fields.station")} value={r[`${leg}Station`]} onChange={(v) => set(i, { [`${leg}Station`]: v })} name={`d${i}-${leg}-station`} optional={t("fields.optional")} />
                </div>
              </div>
            </div>
          ))}
          <Text label={t("fields.note")} value={r.note} onChange={(v) => set(i, { note: v })} name={`d${i}-note`} optional={t("fields.optional")} />
        </fieldset>
      ))}
      {message && (
        <p role={message.tone === "error" ? "alert" : "status"} data-testid={message.tone === "error" ? "reply-error" : "reply-ok"} className={cn("rounded-xl px-4 py-3 text-sm", message.tone === "error" ? "bg-red-50 text-red-800" : "bg-emerald-50 text-emerald-800")}>
          {message.text}
        </p>
      )}
      {open && (
        <div className="flex flex-wrap gap-3">
          {rows.length < quota && (
            <button type="button" className={btn.secondary} onClick={() => setRows((rs) => [...rs, emptyRow(nextKey())])} data-testid="add-delegate">
              + {t("addDelegate")}
            </button>
          )}
          <button type="button" disabled={pending} className={btn.secondary} onClick={() => submit("draft")} data-testid="save-draft">
            {t("saveDraft")}
          </button>
          <button type="submit" disabled={pending} className={btn.primary} data-testid="submit-reply">
            {t("submit")}
          </button>
        </div>
      )}
    </form>
  );
}

function Text({
  onChange,
  optional,
  ...rest
}: { label: string; value: string; onChange: (v: string) => void; error?: string; name: string; optional?: string } & Omit<React.InputHTMLAttributes<HTMLInputElement>, "onChange" | "value" | "id">) {
  return <TextField {...rest} optional={optional} onChange={(e) => onChange(e.target.value)} />;
}

function Select({ label, value, onChange, name, options }: { label: string; value: string; onChange: (v: string) => void; name: string; options: [string, string][] }) {
  return <SelectField label={label} name={name} value={value} onChange={(e) => onChange(e.target.value)} options={options.map(([v, l]) => ({ value: v, label: l }))} />;
}
