/** 电子票 in the account menu: the ticket the person needs next, else their registrations. */
import { redirect } from "next/navigation";
import { pageActor } from "@/lib/auth/page-guard";
import { getDb } from "@/lib/db";
import { myRegistrations, nextRegistration } from "@/lib/registrations/queries";

export const dynamic = "force-dynamic";

export default async function NextTicketPage() {
  const actor = await pageActor("registration.own", {}, "/me/ticket");
  const next = nextRegistration(await myRegistrations(await getDb(), actor.id));
  redirect(next ? `/me/registrations/${next.id}/ticket` : "/me/registrations");
}
