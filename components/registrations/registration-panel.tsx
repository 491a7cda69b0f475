import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { cn } from "@/lib/cn";
import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatTime } from "@/lib/i18n/format";
import type { Availability } from "@/lib/registrations/queries";

type Mine = { id: string; status: "pending" | "confirmed" | "waitlisted" | "cancelled" | "rejected" } | null;

/** The forum page's registration box: seats left / filling / full and the register button in the right state. */
export async function RegistrationPanel({ event, availability: a, mine }: { event: { slug: string; timezone: string; registrationOpensAt: Date | null; registrationClosesAt: Date | null }; availability: Availability; mine: Mine }) {
  const [t, ts, locale] = await Promise.all([getTranslations("registration"), getTranslations("shared"), getLocale() as Promise<Locale>]);
  const tz = event.timezone;
  const when = (d: Date) => `${formatDate(d, tz, locale)} ${formatTime(d, tz, locale)}`;
  const active = mine && mine.status !== "cancelled";
  const pct = a.capacity ? Math.min(100, Math.round((a.taken / a.capacity) * 100)) : 0;

  let seatsLine: string | null = null;
  if (a.gate === "open" || a.gate === "notOpen") {
    if (a.level === "unlimited") seatsLine = t("unlimited");
    else if (a.level === "full") seatsLine = a.waitlistEnabled ? t("fullWaitlist") : t("full");
    else if (a.level === "filling") seatsLine = t("filling", { count: a.left ?? 0 });
    else seatsLine = t("seatsLeft", { count: a.left ?? 0 });
  }

  let button: React.ReactNode;
  const primary = "block w-full rounded-lg px-4 py-3 text-center text-base font-semibold shadow-sm";
  if (active) {
    button = (
      <Link href={`/me/registrations/${mine.id}`} className={cn(primary, "bg-emerald-600 text-white hover:bg-emerald-700")} data-testid="register-button" data-state="registered">
        {t("registered")} · {ts(`registrationStatus.${mine.status}`)}
      </Link>
    );
  } else if (a.gate === "open" && !(a.level === "full" && !a.waitlistEnabled)) {
    const waitlist = a.level === "full";
    button = (
      <Link
        href={`/events/${event.slug}/register`}
        className={cn(primary, waitlist ? "bg-amber-600 text-white hover:bg-amber-700" : "bg-accent-500 text-white hover:bg-orange-800")}
        data-testid="register-button"
        data-state={waitlist ? "waitlist" : "open"}
      >
        {waitlist ? t("joinWaitlist") : t("registerNow")}
      </Link>
    );
  } else {
    const label = a.gate === "open" ? t("full") : a.gate === "notOpen" ? t("notOpenYet") : a.gate === "ended" ? t("ended") : a.gate === "cancelledForum" ? t("cancelledForum") : t("closed");
    button = (
      <span className={cn(primary, "cursor-not-allowed bg-slate-200 text-slate-600 shadow-none")} aria-disabled="true" data-testid="register-button" data-state={a.gate === "open" ? "full" : a.gate}>
        {label}
      </span>
    );
  }

  const notes = [
    a.gate === "notOpen" && event.registrationOpensAt ? t("opensAt", { when: when(event.registrationOpensAt) }) : null,
    a.gate === "open" && event.registrationClosesAt ? t("closesAt", { when: when(event.registrationClosesAt) }) : null,
    a.requiresApproval && a.gate === "open" ? t("approvalNote") : null,
  ].filter((n): n is string => !!n);

  return (
    <div className="rounded-xl border border-slate-200 bg-white p-5 text-sm shadow-sm" data-testid="registration-panel" data-level={a.level} data-gate={a.gate}>
      {seatsLine && (
        <div className="mb-3">
          <p className={cn("font-semibold", a.level === "full" ? "text-red-700" : a.level === "filling" ? "text-amber-700" : "text-emerald-700")} data-testid="seats-line">
            {seatsLine}
          </p>
          {a.capacity ? (
            <div className="mt-2 h-2 overflow-hidden rounded-full bg-slate-100" role="presentation">
              <div className={cn("h-full rounded-full", a.level === "full" ? "bg-red-500" : a.level === "filling" ? "bg-amber-500" : "bg-emerald-500")} style={{ width: `${pct}%` }} />
            </div>
          ) : null}
        </div>
      )}
      {button}
      {notes.length > 0 && (
        <div className="mt-3 space-y-1 text-xs text-slate-500">
          {notes.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </div>
      )}
    </div>
  );
}
