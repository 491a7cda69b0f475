/**
 * The preamble of every page of one forum's console (app/admin/events/[slug]/…): the forum by slug in any status
 * (else 404), then the signed-in actor with `permission` on it (else sign-in, or the 403 page). A page check is for the
 * UI only — every action and route still runs its own guard.
 *
 *   const { db, event, actor } = await consolePage(slug, "registration.read", "registrations");
 */
import "server-only";
import { notFound } from "next/navigation";
import type { Db } from "@/db/client";
import { pageActor } from "@/lib/auth/page-guard";
import type { Actor, Permission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { consoleEvent } from "./admin-queries";
import type { EventRow } from "./lookup";

type ConsolePage<E> = { db: Db; event: E; actor: Actor };

/** `page` is the path under /admin/events/{slug} (sign-in returns there); `load` reads more than the event row. */
export async function consolePage(slug: string, permission: Permission, page?: string): Promise<ConsolePage<EventRow>>;
export async function consolePage<E extends { id: string }>(slug: string, permission: Permission, page: string, load: (db: Db, slug: string) => Promise<E | null>): Promise<ConsolePage<E>>;
export async function consolePage(
  slug: string,
  permission: Permission,
  page = "",
  load: (db: Db, slug: string) => Promise<{ id: string } | null> = consoleEvent,
): Promise<ConsolePage<{ id: string }>> {
  const db = await getDb();
  const event = await load(db, slug);
  if (!event) notFound();
  const actor = await pageActor(permission, { eventId: event.id }, `/admin/events/${slug}${page ? `/${page}` : ""}`);
  return { db, event, actor };
}
