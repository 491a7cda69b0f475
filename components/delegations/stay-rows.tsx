/**
 * A delegate's hotel and room (住宿) as rows of a ticket's details list. The ticket page passes
 * `stayOfRegistration(db, registrationId)`; the liaison's confirmation can pass each delegate's entry of
 * `staysOfDelegates(db, ids)` (lib/delegations/hotels.ts). Renders nothing without a room.
 */
import { getTranslations } from "next-intl/server";

export type Stay = { hotel: string; room: string; address?: string | null; phone?: string | null; type?: "single" | "shared"; nights?: number };

export async function StayRows({ stay }: { stay: Stay | null }) {
  if (!stay) return null;
  const [t, ts] = await Promise.all([getTranslations("delegationDocs"), getTranslations("shared")]);
  return (
    <>
      <div className="flex justify-between gap-4" data-testid="ticket-hotel">
        <dt className="shrink-0 text-slate-500">{t("stay.hotel")}</dt>
        <dd className="text-right text-slate-900">
          {stay.hotel}
          {stay.address ? <span className="block text-xs text-slate-500">{stay.address}</span> : null}
          {stay.phone ? <span className="block text-xs text-slate-500">{stay.phone}</span> : null}
        </dd>
      </div>
      <div className="flex justify-between gap-4" data-testid="ticket-room">
        <dt className="shrink-0 text-slate-500">{t("stay.room")}</dt>
        <dd className="text-right text-slate-900">
          {stay.room}
          {stay.type ? <span className="text-slate-500"> · {ts(`accommodation.${stay.type}`)}</span> : null}
          {stay.nights ? <span className="text-slate-500"> · {t("stay.nights", { n: stay.nights })}</span> : null}
        </dd>
      </div>
    </>
  );
}
