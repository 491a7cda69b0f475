/** Access to the report console pages: signed in (else sign-in), report.write on the forum (else 403), forum known (else 404). */
import "server-only";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/guard";
import { pageActor } from "@/lib/auth/page-guard";
import { getDb } from "@/lib/db";
import { eventBySlug } from "@/lib/events/lookup";

export async function reportConsole(slug: string, path: string) {
  const db = await getDb();
  const event = await eventBySlug(db, slug);
  if (!event) notFound();
  const actor = await pageActor("report.write", { eventId: event.id }, path);
  const canPublish = await can(actor, "report.publish", { eventId: event.id }, db);
  return { actor, db, event, canPublish };
}
