/** Access to the report console pages: signed in (else to sign-in) and report.write on the forum (else 404). */
import "server-only";
import { notFound, redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { eventBySlugForConsole } from "./queries";

export async function reportConsole(slug: string, path: string) {
  const actor = await currentActor();
  if (!actor) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  const db = await getDb();
  const event = await eventBySlugForConsole(db, slug);
  if (!event || !(await can(actor, "report.write", { eventId: event.id }, db))) notFound();
  const canPublish = await can(actor, "report.publish", { eventId: event.id }, db);
  return { actor, db, event, canPublish };
}
