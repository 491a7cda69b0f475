import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TicketCard } from "@/components/registrations/ticket-card";
import { PrintButton } from "@/components/ui/print-button";
import { getDb } from "@/lib/db";
import { delegateTicket } from "@/lib/delegations/ticket";
import { PUBLIC_EVENT_STATUSES } from "@/lib/shared/enums";

/**
 * A delegate's ticket, opened from the text message or e-mail their unit's reply slip triggered (no account). The
 * ticket code in the path is the credential (≥ 128 bits). Never page-cached (not in lib/cache/page-cache.ts's
 * allowlist), never indexed, no referrer.
 */
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("registration.ticket"))("title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

export default async function DelegateTicketPage({ params }: PageProps<"/ticket/[code]">) {
  const { code } = await params;
  const ticket = await delegateTicket(await getDb(), code);
  if (!ticket) notFound();
  const t = await getTranslations("registration.ticket");
  const invalidReason = ticket.replaced ? t("replaced") : ticket.status === "cancelled" ? t("cancelled") : undefined;
  const published = (PUBLIC_EVENT_STATUSES as readonly string[]).includes(ticket.event.status);
  return (
    <div className="mx-auto max-w-sm space-y-4 py-2" data-testid="delegate-ticket">
      <div className="no-print flex items-center justify-between gap-3 text-sm">
        <p className="text-slate-600">{t("delegateIntro")}</p>
        <div className="shrink-0">
          <PrintButton label={t("print")} />
        </div>
      </div>
      <TicketCard {...ticket} invalidReason={invalidReason} />
      <div className="no-print space-y-2 text-sm">
        {ticket.status === "confirmed" && <p className="text-slate-500">{t("saveHint")}</p>}
        {published && (
          <Link href={`/events/${ticket.event.slug}`} className="text-brand-700 hover:underline" data-testid="ticket-forum-link">
            {t("forum")} →
          </Link>
        )}
      </div>
    </div>
  );
}
