import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TicketCard } from "@/components/registrations/ticket-card";
import { PrintButton } from "@/components/ui/print-button";
import { currentActor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { stayOfRegistration } from "@/lib/delegations/hotels";
import { myRegistration } from "@/lib/registrations/queries";
import { seatOfRegistration } from "@/lib/seating/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("registration.ticket"))("title"), robots: { index: false } };
}

/** The signed-in attendee's ticket (one of their own registrations); the card is shared with /ticket/[code]. */
export default async function TicketPage({ params }: PageProps<"/me/registrations/[id]/ticket">) {
  const { id } = await params;
  const actor = await currentActor();
  if (!actor) redirect(`/sign-in?next=/me/registrations/${id}/ticket`);
  const db = await getDb();
  const r = await myRegistration(db, actor.id, id);
  if (!r) notFound();
  const [t, tr, seat, stay] = await Promise.all([
    getTranslations("registration.ticket"),
    getTranslations("registration"),
    seatOfRegistration(db, r.id),
    r.status === "confirmed" || r.status === "pending" ? stayOfRegistration(db, r.id) : null,
  ]);

  return (
    <div className="mx-auto max-w-sm">
      <div className="no-print mb-4 flex items-center justify-between text-sm">
        <Link href={`/me/registrations/${r.id}`} className="text-brand-700 hover:underline">
          ← {tr("mine.title")}
        </Link>
        <PrintButton label={t("print")} />
      </div>
      <TicketCard {...r} seat={seat} stay={stay} />
    </div>
  );
}
