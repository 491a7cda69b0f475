/** Request-scoped loaders for pages: metadata and page body share one query per request. */
import "server-only";
import { cache } from "react";
import { currentActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { publicEventDetail } from "./queries";

export const loadPublicEvent = cache(async (slug: string) => publicEventDetail(await getDb(), slug));

/**
 * A forum's public pages: the public forum, or — for its organizers and staff (and admins) only — the draft, as a
 * preview (草稿预览). Previews are never cached: the page cache serves only visitors without a session,
 * and for them a draft stays a 404.
 */
export const loadEventPage = cache(async (slug: string) => {
  const db = await getDb();
  const event = await publicEventDetail(db, slug);
  if (event) return { event, preview: false as const };
  const actor = await currentActor();
  if (!actor) return null;
  const draft = await publicEventDetail(db, slug, { draft: true });
  if (!draft || !(await can(actor, "event.read", { eventId: draft.id }, db))) return null;
  return { event: draft, preview: true as const };
});
