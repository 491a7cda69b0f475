"use client";
/** Add a guest by hand (手工添加嘉宾): a Radix dialog; confirmed while seats last, else waitlisted. */
import * as Dialog from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { addGuestAction } from "@/app/admin/events/[slug]/registrations/actions";
import { CategoryOptions } from "@/components/console/category-options";

const input = "mt-1 w-full rounded-lg border border-slate-300 px-3 py-2 text-sm";

export function AddGuestDialog({ eventId }: { eventId: string }) {
  const t = useTranslations("console");
  const ts = useTranslations("shared");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const err = (k: string) => errors[k]?.map((m) => <p key={m} className="mt-1 text-xs text-red-600">{m}</p>);

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          setErrors({});
          setError(null);
          setDone(null);
        }
      }}
    >
      <Dialog.Trigger className="rounded-lg bg-brand-700 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-900" data-testid="add-guest">
        {t("registrations.addGuest")}
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content
          aria-describedby={undefined}
          className="fixed left-1/2 top-1/2 z-50 max-h-[90vh] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-2xl bg-white p-6 shadow-xl"
          data-testid="add-guest-dialog"
        >
          <Dialog.Title className="text-lg font-semibold">{t("registrations.addGuestTitle")}</Dialog.Title>
          <form
            className="mt-4 space-y-3"
            action={(fd) =>
              start(async () => {
                fd.set("eventId", eventId);
                const r = await addGuestAction(fd);
                if (r.ok && r.data) {
                  setDone(t("registrations.added", { status: ts(`registrationStatus.${r.data.status}`) }));
                  setErrors({});
                  setError(null);
                  router.refresh();
                } else if (!r.ok) {
                  setErrors(r.fieldErrors ?? {});
                  setError(r.error);
                }
              })
            }
          >
            {error && <p className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p>}
            {done && (
              <p className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800" role="status">
                {done}
              </p>
            )}
            <div className="grid gap-3 sm:grid-cols-2">
              <label className="block text-sm">
                <span className="text-slate-600">{t("registrations.fullName")} *</span>
                <input name="fullName" required className={input} />
                {err("fullName")}
              </label>
              <label className="block text-sm">
                <span className="text-slate-600">{t("registrations.email")}</span>
                <input name="email" type="email" className={input} />
                {err("email")}
              </label>
              <label className="block text-sm">
                <span className="text-slate-600">{t("registrations.phone")}</span>
                <input name="phone" type="tel" className={input} />
              </label>
              <label className="block text-sm">
                <span className="text-slate-600">{t("registrations.category")}</span>
                <select name="category" defaultValue="other" className={input}>
                  <CategoryOptions />
                </select>
              </label>
              <label className="block text-sm">
                <span className="text-slate-600">{t("registrations.organization")}</span>
                <input name="organization" className={input} />
              </label>
              <label className="block text-sm">
                <span className="text-slate-600">{t("registrations.position")}</span>
                <input name="position" className={input} />
              </label>
              <label className="block text-sm">
                <span className="text-slate-600">{t("registrations.statusOnAdd")}</span>
                <select name="status" defaultValue="confirmed" className={input}>
                  <option value="confirmed">{ts("registrationStatus.confirmed")}</option>
                  <option value="pending">{ts("registrationStatus.pending")}</option>
                </select>
              </label>
              <label className="flex items-center gap-2 self-end pb-2 text-sm">
                <input type="checkbox" name="siteVisit" />
                {t("registrations.siteVisit")}
              </label>
            </div>
            <label className="block text-sm">
              <span className="text-slate-600">{t("registrations.notes")}</span>
              <textarea name="notes" rows={2} className={input} />
            </label>
            <div className="flex justify-end gap-2 pt-2">
              <Dialog.Close className="rounded-lg border border-slate-300 px-4 py-2 text-sm">{t("close")}</Dialog.Close>
              <button type="submit" disabled={pending} className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white disabled:opacity-50" data-testid="add-guest-submit">
                {t("registrations.add")}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
